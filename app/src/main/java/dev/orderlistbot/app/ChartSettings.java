package dev.orderlistbot.app;

import dev.orderlistbot.charts.CandleChartRenderer;
import dev.orderlistbot.charts.DrawingThreads;
import dev.orderlistbot.core.engine.ChartDrawing;
import dev.orderlistbot.core.port.out.ChartRenderer.ChartException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the bot draws charts (issue 17).
 *
 * @param on {@code BOT_CHARTS}: {@code on}, the default, draws a chart on previews, on order cards
 *     once their list trades, and for {@code /chart}; {@code off} sends text alone everywhere
 *     (each trader can also turn charts off for themselves with {@code /settings charts off})
 */
record ChartSettings(boolean on) {
  static final String CHARTS = "BOT_CHARTS";
  private static final Logger LOG = LoggerFactory.getLogger(ChartSettings.class);

  /** The values the variable takes. */
  private enum Choice {
    ON,
    OFF
  }

  static ChartSettings from(Env env) {
    return new ChartSettings(env.choice(CHARTS, Choice.class, Choice.ON) == Choice.ON);
  }

  /**
   * How the bot draws: with the bundled renderer on {@code drawingThreads} (a few platform threads:
   * see {@link DrawingThreads}), its candles fetched on {@code executor}; off when turned off, or
   * when this host cannot load the renderer (no native font support): then every message goes out
   * as text and the log says why, once, at start.
   */
  static ChartDrawing drawing(ChartSettings settings, Executor executor, ExecutorService drawingThreads) {
    if (!settings.on()) {
      return ChartDrawing.OFF;
    }
    try {
      return new ChartDrawing.On(
          new DrawingThreads(new CandleChartRenderer(), drawingThreads), executor, ChartDrawing.On.DEFAULT_CANDLE_WAIT);
    } catch (ChartException | LinkageError e) {
      LOG.warn("Charts are off: this host cannot draw them ({}); `charts check` says more", e.getMessage());
      return ChartDrawing.OFF;
    }
  }
}
