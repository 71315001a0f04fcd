package dev.orderlistbot.core.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much of one asset an account holds: {@code free} can be traded, {@code locked} is held by
 * open orders. Exact, never negative.
 */
public record Balance(Asset asset, BigDecimal free, BigDecimal locked) {
  public Balance {
    Objects.requireNonNull(asset, "asset");
    free = nonNegative(free, "free");
    locked = nonNegative(locked, "locked");
  }

  /** Free plus locked. */
  public BigDecimal total() {
    return Decimals.canonical(free.add(locked));
  }

  private static BigDecimal nonNegative(BigDecimal value, String what) {
    Objects.requireNonNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " balance cannot be negative, was " + value.toPlainString());
    }
    return Decimals.canonical(value);
  }
}
