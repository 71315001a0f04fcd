package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets the records nothing needs any more, so the tables do not grow for ever: confirmations
 * that expired more than {@link #CONFIRMATION_GRACE} ago and are over (a claimed one is kept, it may
 * still have to be settled), processed-event records of lists settled longer ago than the event
 * window (a record of a list the catch-up can still reach is kept whatever its age; see
 * docs/decisions.md), the order cards of lists settled as long ago, and audit entries older than the operator's audit retention. Each kind is
 * purged in a transaction of its own; one that fails is logged and left for the next run, and the
 * others still run. One INFO line per run tells the counts. Run it now and then (the app does, every
 * 6 hours, with the {@link OutboxRetention}). Thread-safe.
 */
public final class RecordRetention {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRetention.class);

  /** How long a confirmation is kept after it expired: a late press is still told it expired. */
  public static final Duration CONFIRMATION_GRACE = Duration.ofDays(7);

  /**
   * How long records are kept.
   *
   * @param eventWindow how long a processed-event record is kept once its list is settled; at
   *     least {@link #MIN_EVENT_WINDOW}
   * @param auditRetention how long audit entries are kept; empty keeps them for ever
   */
  public record Policy(Duration eventWindow, Optional<Duration> auditRetention) {
    /** The shortest event window: far beyond any catch-up or late push (minutes), see decisions.md. */
    public static final Duration MIN_EVENT_WINDOW = Duration.ofDays(7);

    public static final Duration DEFAULT_EVENT_WINDOW = Duration.ofDays(30);
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(365);

    public Policy {
      Objects.requireNonNull(eventWindow, "eventWindow");
      Objects.requireNonNull(auditRetention, "auditRetention");
      if (eventWindow.compareTo(MIN_EVENT_WINDOW) < 0) {
        throw new IllegalArgumentException("the event window must be at least " + MIN_EVENT_WINDOW.toDays() + " days");
      }
      if (auditRetention.filter(r -> r.isNegative() || r.isZero()).isPresent()) {
        throw new IllegalArgumentException("the audit retention must be positive");
      }
    }

    /** A 30-day event window, audit entries kept a year. */
    public static Policy defaults() {
      return new Policy(DEFAULT_EVENT_WINDOW, Optional.of(DEFAULT_AUDIT_RETENTION));
    }
  }

  /**
   * What one run forgot.
   *
   * @param complete false when a purge failed (it is tried again at the next run)
   */
  public record Purged(int confirmations, int processedEvents, int auditEntries, int cards, int limitRecords, boolean complete) {}

  private final Transactor transactor;
  private final Clock clock;
  private final Policy policy;

  public RecordRetention(Transactor transactor, Clock clock, Policy policy) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Runs every purge once; never throws for a storage failure (it is logged). */
  public Purged purge() {
    Instant now = clock.instant();
    Optional<Integer> confirmations =
        purge("expired confirmations", stores -> stores.confirmations().purgeExpiredBefore(now.minus(CONFIRMATION_GRACE)));
    Optional<Integer> events =
        purge("processed events", stores -> stores.processedEvents().purgeSettledBefore(now.minus(policy.eventWindow())));
    Optional<Integer> cards =
        purge("order cards", stores -> stores.cards().purgeSettledBefore(now.minus(policy.eventWindow())));
    // the loss halt reads today only; older days and settled lists' bases are kept for the event window
    Optional<Integer> limitRecords =
        purge(
            "limit ledger days and list bases",
            stores -> stores.limits().purgeBefore(
                now.minus(policy.eventWindow()).atZone(java.time.ZoneOffset.UTC).toLocalDate(), now.minus(policy.eventWindow())));
    Optional<Integer> audit =
        policy.auditRetention().isEmpty()
            ? Optional.of(0)
            : purge("audit entries", stores -> stores.audit().purgeBefore(now.minus(policy.auditRetention().get())));
    Purged purged =
        new Purged(
            confirmations.orElse(0),
            events.orElse(0),
            audit.orElse(0),
            cards.orElse(0),
            limitRecords.orElse(0),
            confirmations.isPresent() && events.isPresent() && audit.isPresent() && cards.isPresent() && limitRecords.isPresent());
    LOG.info(
        "retention: forgot {} expired confirmation(s), {} processed-event record(s), {} card(s) and {} limit record(s) of lists and days over {} days ago, {} audit entr{} {}{}",
        purged.confirmations(),
        purged.processedEvents(),
        purged.cards(),
        purged.limitRecords(),
        policy.eventWindow().toDays(),
        purged.auditEntries(),
        purged.auditEntries() == 1 ? "y" : "ies",
        policy.auditRetention().map(r -> "older than " + r.toDays() + " days").orElse("(kept for ever)"),
        purged.complete() ? "" : "; a purge failed and is tried again at the next run");
    return purged;
  }

  private Optional<Integer> purge(String what, Function<Stores, Integer> work) {
    try {
      return Optional.of(transactor.inTransaction(work));
    } catch (RuntimeException e) {
      LOG.warn("forgetting old {} failed; tried again at the next run: {}", what, e.toString());
      return Optional.empty();
    }
  }
}
