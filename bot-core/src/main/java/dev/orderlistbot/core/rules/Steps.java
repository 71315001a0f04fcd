package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact arithmetic on a tick or step grid (multiples of {@code step}). Every result is a multiple
 * of the grid in canonical form; a grid of zero means "no grid" and is handled by the callers,
 * since Binance uses 0 to switch a rule off.
 */
final class Steps {
  private Steps() {}

  /** Whether {@code value} lies on the grid; always true when the grid is off (0). */
  static boolean onGrid(BigDecimal value, BigDecimal step) {
    return step.signum() <= 0 || value.remainder(step).signum() == 0;
  }

  /** The largest multiple of {@code step} not above {@code value}. */
  static BigDecimal down(BigDecimal value, BigDecimal step) {
    return Decimals.canonical(value.divide(step, 0, RoundingMode.FLOOR).multiply(step));
  }

  /** The smallest multiple of {@code step} not below {@code value}. */
  static BigDecimal up(BigDecimal value, BigDecimal step) {
    return Decimals.canonical(value.divide(step, 0, RoundingMode.CEILING).multiply(step));
  }

  /** The nearest multiple of {@code step}, halves away from zero. */
  static BigDecimal nearest(BigDecimal value, BigDecimal step) {
    return Decimals.canonical(value.divide(step, 0, RoundingMode.HALF_UP).multiply(step));
  }

  /** The first grid point strictly above {@code value}. */
  static BigDecimal strictlyAbove(BigDecimal value, BigDecimal step) {
    return Decimals.canonical(down(value, step).add(step));
  }

  /** The first grid point strictly below {@code value} (may be zero or negative). */
  static BigDecimal strictlyBelow(BigDecimal value, BigDecimal step) {
    return Decimals.canonical(up(value, step).subtract(step));
  }

  /** The largest quantity on the step grid whose value at {@code price} stays within {@code quote}. */
  static BigDecimal quantityWithin(BigDecimal quote, BigDecimal price, BigDecimal step) {
    return Decimals.canonical(quote.divide(price.multiply(step), 0, RoundingMode.FLOOR).multiply(step));
  }

  /** The smallest quantity on the step grid whose value at {@code price} reaches {@code quote}. */
  static BigDecimal quantityReaching(BigDecimal quote, BigDecimal price, BigDecimal step) {
    return Decimals.canonical(quote.divide(price.multiply(step), 0, RoundingMode.CEILING).multiply(step));
  }
}
