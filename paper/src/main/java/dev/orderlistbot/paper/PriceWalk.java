package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/**
 * One step of the paper market's random walk: the price moves by a whole number of basis points
 * drawn uniformly from {@code [-maxStepBips, +maxStepBips]}, is rounded to the nearest tick, and
 * stays within the symbol's PRICE_FILTER (never below one tick, so never zero or negative). The same
 * {@link Random} seed gives the same walk. Not thread-safe (nor is {@code Random}'s sequence, shared
 * between threads, deterministic); the exchange calls it under its lock.
 */
final class PriceWalk {
  private final Random random;
  private final int maxStepBips;

  PriceWalk(Random random, int maxStepBips) {
    this.random = random;
    this.maxStepBips = maxStepBips;
  }

  BigDecimal next(BigDecimal price, PriceFilter filter) {
    int bips = random.nextInt(2 * maxStepBips + 1) - maxStepBips;
    BigDecimal moved = price.add(price.multiply(BigDecimal.valueOf(bips)).movePointLeft(4));
    BigDecimal tick = filter.tickSize();
    if (tick.signum() > 0) {
      moved = moved.divide(tick, 0, RoundingMode.HALF_UP).multiply(tick);
    }
    BigDecimal floor = filter.minPrice().max(tick);
    if (floor.signum() <= 0) {
      floor = BigDecimal.ONE.movePointLeft(8);
    }
    if (moved.compareTo(floor) < 0) {
      moved = floor;
    }
    if (filter.maxPrice().signum() > 0 && moved.compareTo(filter.maxPrice()) > 0) {
      moved = filter.maxPrice();
    }
    return Decimals.canonical(moved);
  }
}
