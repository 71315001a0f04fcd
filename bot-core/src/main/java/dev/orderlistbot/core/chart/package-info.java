/**
 * Pictures of a pair and of order lists: candles ({@link dev.orderlistbot.core.chart.Candle}) at an
 * {@link dev.orderlistbot.core.chart.CandleInterval}, and what a chart shows ({@link
 * dev.orderlistbot.core.chart.ChartSpec}: the candles, one labelled line per price of a list, the last
 * price, the fills). The engine decides what is drawn and writes every label; a {@link
 * dev.orderlistbot.core.port.out.ChartRenderer} only draws it. No drawing library here.
 */
package dev.orderlistbot.core.chart;
