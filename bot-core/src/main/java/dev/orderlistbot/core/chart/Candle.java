package dev.orderlistbot.core.chart;

import dev.orderlistbot.core.domain.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One candle: the prices traded from {@code openTime} for one {@link CandleInterval}, exact as the
 * exchange sent them.
 */
public record Candle(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
  public Candle {
    Objects.requireNonNull(openTime, "openTime");
    open = Decimals.positive(open, "open");
    high = Decimals.positive(high, "high");
    low = Decimals.positive(low, "low");
    close = Decimals.positive(close, "close");
    if (high.compareTo(low) < 0 || high.compareTo(open.max(close)) < 0 || low.compareTo(open.min(close)) > 0) {
      throw new IllegalArgumentException("a candle's high and low must hold its open and close");
    }
  }

  /** A candle that opened at {@code price} and has not moved yet. */
  public static Candle at(Instant openTime, BigDecimal price) {
    return new Candle(openTime, price, price, price, price);
  }

  /** This candle after a trade at {@code price}. */
  public Candle with(BigDecimal price) {
    Decimals.positive(price, "price");
    return new Candle(openTime, open, high.max(price), low.min(price), price);
  }
}
