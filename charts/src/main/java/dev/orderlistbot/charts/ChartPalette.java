package dev.orderlistbot.charts;

import dev.orderlistbot.core.chart.ChartLine;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * The chart's colours: a dark, opaque picture, so it reads the same in Telegram's light and dark
 * themes and in Discord's, with one strong colour per kind of line (green take-profits, red stops,
 * blue entry, yellow last price) that a test can find again in the pixels.
 */
final class ChartPalette {
  static final Color BACKGROUND = new Color(0x13, 0x17, 0x22);
  static final Color GRID = new Color(0x2A, 0x2E, 0x39);
  static final Color TEXT = new Color(0xD1, 0xD4, 0xDC);
  static final Color CANDLE_UP = new Color(0x26, 0xA6, 0x9A);
  static final Color CANDLE_DOWN = new Color(0xEF, 0x53, 0x50);
  static final Color LABEL_BACKGROUND = new Color(0x13, 0x17, 0x22, 0xD0);
  static final Color FILL_MARK = new Color(0xFF, 0xFF, 0xFF);

  private ChartPalette() {}

  static Color of(ChartLine.Kind kind) {
    return switch (kind) {
      case ENTRY -> new Color(0x29, 0x79, 0xFF);
      case TAKE_PROFIT -> new Color(0x00, 0xE6, 0x76);
      case STOP_TRIGGER -> new Color(0xFF, 0x17, 0x44);
      case STOP_LIMIT -> new Color(0xFF, 0x91, 0x00);
      case LAST_PRICE -> new Color(0xFF, 0xD6, 0x00);
    };
  }

  /** Solid for the prices orders sit at, dashed for a stop's limit and the last price. */
  static Stroke strokeOf(ChartLine.Kind kind) {
    return switch (kind) {
      case STOP_LIMIT, LAST_PRICE ->
          new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
      default -> new BasicStroke(2f);
    };
  }
}
