package dev.orderlistbot.core.domain;

import java.math.BigDecimal;

/**
 * A price or stop price in the quote asset: strictly positive, exact, canonical scale.
 *
 * <p>Example: {@code Price.of("32000.50")} is sent to Binance as {@code 32000.5}.
 */
public record Price(BigDecimal value) implements Comparable<Price> {
  public Price {
    value = Decimals.positive(value, "price");
  }

  /** Parses a plain decimal string such as {@code "29000"} or {@code "0.1"}. */
  public static Price of(String plain) {
    return new Price(new BigDecimal(plain));
  }

  /** The wire form: plain notation, no exponent, no trailing zeros. */
  public String plain() {
    return value.toPlainString();
  }

  @Override
  public int compareTo(Price other) {
    return value.compareTo(other.value);
  }

  public boolean isAbove(Price other) {
    return compareTo(other) > 0;
  }

  public boolean isBelow(Price other) {
    return compareTo(other) < 0;
  }

  @Override
  public String toString() {
    return plain();
  }
}
