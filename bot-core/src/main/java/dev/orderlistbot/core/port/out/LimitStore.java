package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The safety rails' records: each trader's own limits ({@code /limits}), their per-UTC-day ledger
 * (notional placed, realised profit or loss, a lifted halt), the basis each list's realised
 * profit or loss is measured against and how much of each exit leg's fill has been counted. Amounts
 * are USDT, exact.
 *
 * <p>The day's ledger is written in the transactions that place (the Confirm's claim) and that route
 * fills (after the event was marked processed), so a replayed event or a second press counts once.
 * {@link #lockDay} serializes one trader's claims: a check of the day's budget and the record of the
 * notional are one atomic step.
 *
 * <p>Thread-safety and failures: as the {@link Stores} it comes from; a failure is a {@link
 * StorageException}.
 */
public interface LimitStore {
  /** The trader's own limits, if they set any. */
  Optional<UserLimits> limitsOf(UserRef user);

  /** Replaces the trader's own limits; {@link UserLimits#NONE} forgets them. */
  void putLimits(UserRef user, UserLimits limits);

  /** The trader's figures for {@code day} (zero when nothing was recorded). */
  DayUsage day(UserRef user, LocalDate day);

  /**
   * The same, after locking the trader's row of {@code day} (created if absent) until the enclosing
   * transaction ends: a second claim of the same trader waits here, then reads what the first wrote.
   */
  DayUsage lockDay(UserRef user, LocalDate day);

  /** Adds {@code notional} (USDT) to what the trader placed on {@code day}. */
  void addPlaced(UserRef user, LocalDate day, BigDecimal notional);

  /** Adds {@code pnl} (USDT; negative for a loss) to what the trader realised on {@code day}. */
  void addRealised(UserRef user, LocalDate day, BigDecimal pnl);

  /** Lifts the trader's loss halt for {@code day}; false when it was lifted already. */
  boolean resume(UserRef user, LocalDate day, UserRef admin, Instant at);

  /** Records a list's basis (once; a second record of the same list is ignored). */
  void recordBasis(ListBasis basis);

  Optional<ListBasis> basis(String listClientOrderId);

  /**
   * What the list's entry has filled so far (cumulative figures, as the exchange reports them); a
   * smaller, older figure never replaces a larger one.
   */
  void recordEntryFill(String listClientOrderId, BigDecimal cumulativeQuantity, BigDecimal cumulativeQuote);

  /**
   * Moves what has been counted of the list's exit leg {@code clientOrderId} up to the leg's
   * cumulative fill ({@code cumulativeQuantity} for {@code cumulativeQuote}) and answers what had
   * been counted before, so the caller counts the difference. The leg's row stays locked until the
   * transaction ends: two events of one leg take turns. A figure at or below what was counted
   * changes nothing (the answer is then at or above it). Empty when that is not known: the list has
   * no such leg, or the leg was recorded before counts were kept (schema V22); such a leg is counted
   * up to the given figures from then on.
   */
  Optional<CountedFill> countFill(
      String listClientOrderId, String clientOrderId, BigDecimal cumulativeQuantity, BigDecimal cumulativeQuote);

  /**
   * Forgets the ledger's days before {@code day} and the bases of lists settled (done or rejected)
   * before {@code settledBefore}; a list still followed keeps its basis whatever its age. Answers how
   * many rows went.
   */
  int purgeBefore(LocalDate day, Instant settledBefore);
}
