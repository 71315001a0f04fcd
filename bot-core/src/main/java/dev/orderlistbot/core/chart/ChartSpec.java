package dev.orderlistbot.core.chart;

import java.util.List;
import java.util.Objects;

/**
 * Everything one chart shows, decided by the engine: the title (pair, interval, environment), the
 * candles oldest first, the lines of a list's prices and of the last price, and the fills.
 */
public record ChartSpec(String title, CandleInterval interval, List<Candle> candles, List<ChartLine> lines, List<ChartMark> marks) {
  public ChartSpec {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(interval, "interval");
    candles = List.copyOf(candles);
    lines = List.copyOf(lines);
    marks = List.copyOf(marks);
    for (int i = 1; i < candles.size(); i++) {
      if (!candles.get(i).openTime().isAfter(candles.get(i - 1).openTime())) {
        throw new IllegalArgumentException("candles must be oldest first, one per open time");
      }
    }
  }
}
