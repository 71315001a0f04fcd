package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.chart.ChartSpec;

/**
 * Draws a {@link ChartSpec} as a PNG picture. Thread-safe; each call draws one picture and keeps
 * nothing of it.
 */
public interface ChartRenderer {
  /**
   * Draws {@code spec}.
   *
   * @return the PNG bytes
   * @throws ChartException when the chart cannot be drawn (no candles, a drawing failure); the
   *     caller sends its text without a picture
   */
  byte[] render(ChartSpec spec);

  /** A chart that could not be drawn; its message names why, never a secret. */
  final class ChartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChartException(String message) {
      super(message);
    }

    public ChartException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
