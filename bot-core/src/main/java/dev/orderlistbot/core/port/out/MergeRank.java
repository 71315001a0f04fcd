package dev.orderlistbot.core.port.out;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far the story told under one merge key has come, so that older news never replaces or
 * follows newer news (see {@link NotificationOutbox#enqueueMerged}): a final notice (the order
 * filled, expired, was cancelled or rejected, the list is done) ranks above every partial one, and
 * among notices of the same kind the larger filled quantity ranks higher. Example: a partial fill of
 * 0.004 ranks below one of 0.006, and both rank below the fill of 0.01.
 *
 * @param isFinal whether the notice tells an end (no later partial notice can follow it)
 * @param filled the order's cumulative filled quantity (compared by value, not scale); not negative
 */
public record MergeRank(boolean isFinal, BigDecimal filled) {
  public MergeRank {
    Objects.requireNonNull(filled, "filled");
    if (filled.signum() < 0) {
      throw new IllegalArgumentException("a filled quantity is not negative");
    }
  }

  /** A partial notice of an order that has filled {@code filled} so far. */
  public static MergeRank partial(BigDecimal filled) {
    return new MergeRank(false, filled);
  }

  /** A final notice of an order that filled {@code filled} in all. */
  public static MergeRank finalNotice(BigDecimal filled) {
    return new MergeRank(true, filled);
  }

  /** True when this rank is strictly higher than {@code other}: newer news. */
  public boolean isAbove(MergeRank other) {
    if (isFinal != other.isFinal) {
      return isFinal;
    }
    return filled.compareTo(other.filled) > 0;
  }
}
