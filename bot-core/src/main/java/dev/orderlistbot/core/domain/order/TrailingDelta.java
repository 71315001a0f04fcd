package dev.orderlistbot.core.domain.order;

/**
 * A trailing stop distance in basis points (BIPS): 100 = 1%. Binance accepts whole BIPS only; the
 * symbol's TRAILING_DELTA filter narrows the range further.
 */
public record TrailingDelta(int bips) {
  public static final int MAX_BIPS = 10_000;

  public TrailingDelta {
    if (bips < 1 || bips > MAX_BIPS) {
      throw new IllegalArgumentException("trailing delta must be 1.." + MAX_BIPS + " BIPS, was " + bips);
    }
  }

  @Override
  public String toString() {
    return bips + " BIPS";
  }
}
