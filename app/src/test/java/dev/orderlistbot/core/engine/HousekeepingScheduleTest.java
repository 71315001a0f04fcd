package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.LogCapture;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The clean-up runs on the injected scheduler again and again; a run that fails is retried at the next. */
class HousekeepingScheduleTest {
  private static final UserRef ALICE = new UserRef("telegram", "1001");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ScheduledExecutorService scheduler = new ScheduledThreadPoolExecutor(1);
  private Database database;
  private final Logger retentionLog = (Logger) LoggerFactory.getLogger(RecordRetention.class);
  private final Level retentionLevel = retentionLog.getLevel();
  private LogCapture logs;

  @BeforeEach
  void open() {
    database = Database.open(DbConfig.h2File(dir), clock);
    logs = new LogCapture();
    retentionLog.setLevel(Level.INFO); // the tests' logback configuration keeps the bot at WARN
  }

  @AfterEach
  void close() {
    scheduler.shutdownNow();
    retentionLog.setLevel(retentionLevel);
    logs.close();
    database.close();
  }

  @Test
  void aRunThatFailsIsLoggedAndTheNextRunPurges() {
    PendingConfirmation stale =
        PendingConfirmation.pending(
            UUID.randomUUID(), "stale-token", ALICE, new ChatRef("telegram", "1001"), "{}", clock.instant(), clock.instant().plusSeconds(60));
    database.transactor().inTransaction(stores -> {
      stores.confirmations().create(stale);
      return null;
    });
    clock.advance(Duration.ofDays(8));
    AtomicInteger failures = new AtomicInteger(4); // the whole first run: the outbox and the three record purges
    Transactor flaky = new FailingFirst(database.transactor(), failures);
    Housekeeping housekeeping =
        new Housekeeping(
            new OutboxRetention(flaky, clock, OutboxRetention.DEFAULT_RETENTION),
            new RecordRetention(flaky, clock, RecordRetention.Policy.defaults()));

    ScheduledFuture<?> schedule = housekeeping.scheduleOn(scheduler, Duration.ofMillis(60));

    await().atMost(Duration.ofSeconds(10)).until(() -> database.stores().confirmations().findByToken("stale-token").isEmpty());
    assertThat(failures.get()).isNegative();
    assertThat(schedule.isDone()).as("a failed run does not end the schedule").isFalse();
    assertThat(logs.lines()).anyMatch(line -> line.startsWith("forgetting old delivered notifications failed; tried again at the next run"));
    assertThat(logs.lines()).anyMatch(line -> line.startsWith("forgetting old expired confirmations failed; tried again at the next run"));
    assertThat(logs.lines())
        .anyMatch(line -> line.startsWith("retention: forgot 1 expired confirmation(s), 0 processed-event record(s)"));
  }

  @Test
  void anInstanceThatDoesNotRunTheSweepsSkipsTheCleanUpUntilItDoes() throws Exception {
    PendingConfirmation stale =
        PendingConfirmation.pending(
            UUID.randomUUID(), "stale-elsewhere", ALICE, new ChatRef("telegram", "1001"), "{}", clock.instant(), clock.instant().plusSeconds(60));
    database.transactor().inTransaction(stores -> {
      stores.confirmations().create(stale);
      return null;
    });
    clock.advance(Duration.ofDays(8));
    Housekeeping housekeeping =
        new Housekeeping(
            new OutboxRetention(database.transactor(), clock, OutboxRetention.DEFAULT_RETENTION),
            new RecordRetention(database.transactor(), clock, RecordRetention.Policy.defaults()));
    java.util.concurrent.atomic.AtomicBoolean runsHere = new java.util.concurrent.atomic.AtomicBoolean(false);
    AtomicInteger asked = new AtomicInteger();

    ScheduledFuture<?> schedule = housekeeping.scheduleOn(scheduler, Duration.ofMillis(60), () -> {
      asked.incrementAndGet();
      return runsHere.get();
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() >= 3);
    assertThat(database.stores().confirmations().findByToken("stale-elsewhere")).as("another instance cleans up").isPresent();

    runsHere.set(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> database.stores().confirmations().findByToken("stale-elsewhere").isEmpty());
    schedule.cancel(false);
  }

  /** Fails its first {@code failures} transactions, as a database that is away for a moment. */
  private record FailingFirst(Transactor real, AtomicInteger failures) implements Transactor {
    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
      if (failures.getAndDecrement() > 0) {
        throw new StorageException("the database is away");
      }
      return real.inTransaction(work);
    }
  }
}
