package dev.orderlistbot.core.domain;

import java.math.BigDecimal;

/**
 * An amount of the base asset: strictly positive, exact, canonical scale.
 *
 * <p>Example: {@code Quantity.of("0.010")} is sent to Binance as {@code 0.01}.
 */
public record Quantity(BigDecimal value) implements Comparable<Quantity> {
  public Quantity {
    value = Decimals.positive(value, "quantity");
  }

  public static Quantity of(String plain) {
    return new Quantity(new BigDecimal(plain));
  }

  /** The wire form: plain notation, no exponent, no trailing zeros. */
  public String plain() {
    return value.toPlainString();
  }

  /** The value of this quantity at a price, in the quote asset (exact). */
  public BigDecimal times(Price price) {
    return Decimals.canonical(value.multiply(price.value()));
  }

  @Override
  public int compareTo(Quantity other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return plain();
  }
}
