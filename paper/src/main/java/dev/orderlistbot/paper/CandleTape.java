package dev.orderlistbot.paper;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper market's one-minute candles, one per minute in which a pair's price was set (the walk,
 * {@code /paper price}), the last day of them per pair; wider candles are put together from them.
 * Kept in memory only: after a restart the chart starts again from the restored last price. Not
 * thread-safe: the exchange guards it with its lock.
 */
final class CandleTape {
  /** A day of one-minute candles per pair. */
  static final int MOST = 1440;

  private final Map<Symbol, Deque<Candle>> minutes = new HashMap<>();

  /** A trade-like price at {@code now}: it extends this minute's candle or opens the next. */
  void record(Symbol symbol, Instant now, BigDecimal price) {
    Deque<Candle> tape = minutes.computeIfAbsent(symbol, s -> new ArrayDeque<>());
    Instant minute = CandleInterval.ONE_MINUTE.openOf(now);
    Candle last = tape.peekLast();
    if (last != null && last.openTime().equals(minute)) {
      tape.pollLast();
      tape.addLast(last.with(price));
      return;
    }
    if (last != null && last.openTime().isAfter(minute)) {
      return; // a clock that stepped back: the tape keeps its order
    }
    tape.addLast(Candle.at(minute, price));
    while (tape.size() > MOST) {
      tape.pollFirst();
    }
  }

  /**
   * The last {@code count} candles of {@code interval}, oldest first; with no price recorded yet, one
   * candle at {@code current} for the interval holding {@code now}.
   */
  List<Candle> candles(Symbol symbol, CandleInterval interval, int count, Instant now, BigDecimal current) {
    Deque<Candle> tape = minutes.get(symbol);
    if (tape == null || tape.isEmpty()) {
      return List.of(Candle.at(interval.openOf(now), current));
    }
    List<Candle> wide = new ArrayList<>();
    for (Candle minute : tape) {
      Instant open = interval.openOf(minute.openTime());
      Candle last = wide.isEmpty() ? null : wide.get(wide.size() - 1);
      if (last != null && last.openTime().equals(open)) {
        wide.set(wide.size() - 1, merged(last, minute));
      } else {
        wide.add(new Candle(open, minute.open(), minute.high(), minute.low(), minute.close()));
      }
    }
    return List.copyOf(wide.subList(Math.max(0, wide.size() - count), wide.size()));
  }

  private static Candle merged(Candle before, Candle minute) {
    return new Candle(before.openTime(), before.open(), before.high().max(minute.high()), before.low().min(minute.low()), minute.close());
  }
}
