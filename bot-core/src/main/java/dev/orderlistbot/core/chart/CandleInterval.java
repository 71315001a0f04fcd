package dev.orderlistbot.core.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** The candle widths a chart may use, named as Binance names them ({@code interval=1h}). */
public enum CandleInterval {
  ONE_MINUTE("1m", Duration.ofMinutes(1)),
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  ONE_HOUR("1h", Duration.ofHours(1)),
  FOUR_HOURS("4h", Duration.ofHours(4)),
  ONE_DAY("1d", Duration.ofDays(1));

  private final String code;
  private final Duration length;

  CandleInterval(String code, Duration length) {
    this.code = code;
    this.length = length;
  }

  /** Binance's name, also what a trader types: {@code 15m}, {@code 1h}. */
  public String code() {
    return code;
  }

  public Duration length() {
    return length;
  }

  /** The start of the candle that holds {@code time} (candles start at multiples of their length since the epoch, UTC). */
  public Instant openOf(Instant time) {
    long millis = length.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), millis) * millis);
  }

  /** How many candles cover {@code window}, at least one. */
  public int candlesIn(Duration window) {
    return (int) Math.max(1, Math.ceilDiv(window.toMillis(), length.toMillis()));
  }

  public static Optional<CandleInterval> ofCode(String code) {
    return Arrays.stream(values()).filter(interval -> interval.code.equalsIgnoreCase(code)).findFirst();
  }
}
