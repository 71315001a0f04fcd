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
 * The paper state saves the last day as 15-minute candles ({@link #quarterHours}), so after a restart
 * the charts of 15 minutes and wider keep their history, and one-minute charts start again. Not
 * thread-safe: the exchange guards it with its lock.
 */
final class CandleTape {
  /** A day of one-minute candles per pair. */
  static final int MOST = 1440;
  /** A day of 15-minute candles per pair, saved with the paper state. */
  static final int SAVED = 96;

  private final Map<Symbol, Deque<Candle>> minutes = new HashMap<>();
  /** The 15-minute candles read back from the saved state, older than (or sharing a quarter with) the minutes. */
  private final Map<Symbol, Deque<Candle>> restored = new HashMap<>();

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
    List<Candle> wide = together(symbol, interval);
    if (wide.isEmpty()) {
      return List.of(Candle.at(interval.openOf(now), current));
    }
    return List.copyOf(wide.subList(Math.max(0, wide.size() - count), wide.size()));
  }

  /** The last day of each pair as 15-minute candles, oldest first: what the paper state saves. */
  Map<Symbol, List<Candle>> quarterHours() {
    Map<Symbol, List<Candle>> out = new java.util.TreeMap<>(java.util.Comparator.comparing(Symbol::value));
    java.util.Set<Symbol> symbols = new java.util.HashSet<>(minutes.keySet());
    symbols.addAll(restored.keySet());
    for (Symbol symbol : symbols) {
      List<Candle> quarters = together(symbol, CandleInterval.FIFTEEN_MINUTES);
      out.put(symbol, List.copyOf(quarters.subList(Math.max(0, quarters.size() - SAVED), quarters.size())));
    }
    return out;
  }

  /** A 15-minute candle read back from the saved state (they come oldest first). */
  void restore(Symbol symbol, Candle quarter) {
    Deque<Candle> saved = restored.computeIfAbsent(symbol, s -> new ArrayDeque<>());
    saved.addLast(quarter);
    while (saved.size() > SAVED) {
      saved.pollFirst();
    }
  }

  /** The restored quarters (for 15 minutes and wider) then the minutes, put together into {@code interval}. */
  private List<Candle> together(Symbol symbol, CandleInterval interval) {
    List<Candle> source = new ArrayList<>();
    if (interval.length().compareTo(CandleInterval.FIFTEEN_MINUTES.length()) >= 0) {
      source.addAll(restored.getOrDefault(symbol, new ArrayDeque<>()));
    }
    source.addAll(minutes.getOrDefault(symbol, new ArrayDeque<>()));
    List<Candle> wide = new ArrayList<>();
    for (Candle minute : source) {
      Instant open = interval.openOf(minute.openTime());
      Candle last = wide.isEmpty() ? null : wide.get(wide.size() - 1);
      if (last != null && last.openTime().equals(open)) {
        wide.set(wide.size() - 1, merged(last, minute));
      } else {
        wide.add(new Candle(open, minute.open(), minute.high(), minute.low(), minute.close()));
      }
    }
    return wide;
  }

  private static Candle merged(Candle before, Candle minute) {
    return new Candle(before.openTime(), before.open(), before.high().max(minute.high()), before.low().min(minute.low()), minute.close());
  }
}
