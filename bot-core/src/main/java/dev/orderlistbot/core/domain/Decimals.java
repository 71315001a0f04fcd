package dev.orderlistbot.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Normalisation shared by the decimal value types: one canonical scale per number, so that {@code
 * 0.010} and {@code 0.01} are equal records and {@link BigDecimal#toPlainString()} never prints an
 * exponent or trailing zeros.
 */
public final class Decimals {
  private Decimals() {}

  /** The same number with trailing zeros removed and a scale of at least 0. */
  public static BigDecimal canonical(BigDecimal value) {
    Objects.requireNonNull(value, "value");
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Requires a strictly positive number and returns its canonical form. */
  public static BigDecimal positive(BigDecimal value, String what) {
    Objects.requireNonNull(value, what);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(what + " must be greater than 0, was " + value.toPlainString());
    }
    return canonical(value);
  }
}
