package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One trader's figures for one UTC day, in USDT: the notional of the lists placed (recorded in the
 * Confirm's claim) and the realised profit or loss of their exit fills (negative: a loss), and
 * whether an admin lifted the day's loss halt ({@code /resume}).
 */
public record DayUsage(LocalDate day, BigDecimal notionalPlaced, BigDecimal realisedPnl, Optional<UserRef> resumedBy) {
  public DayUsage {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(notionalPlaced, "notionalPlaced");
    Objects.requireNonNull(realisedPnl, "realisedPnl");
    Objects.requireNonNull(resumedBy, "resumedBy");
  }

  /** A day with nothing placed or realised yet. */
  public static DayUsage empty(LocalDate day) {
    return new DayUsage(day, BigDecimal.ZERO, BigDecimal.ZERO, Optional.empty());
  }

  /** The realised loss as a positive figure (zero when the day is not at a loss). */
  public BigDecimal realisedLoss() {
    return realisedPnl.signum() < 0 ? realisedPnl.negate() : BigDecimal.ZERO;
  }
}
