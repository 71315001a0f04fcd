/**
 * The chart adapter: {@link dev.orderlistbot.charts.CandleChartRenderer} draws a {@code ChartSpec}
 * as an 800×450 PNG with JFreeChart, headless, in the bundled DejaVu Sans (so a slim JRE image with
 * no fonts draws the same picture). Depends on bot-core alone.
 */
package dev.orderlistbot.charts;
