package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one database: the paper exchange has one writer, the sweeps one runner. */
class InstanceRoleTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 5), clock);
  }

  @AfterEach
  void close() {
    scheduler.shutdownNow();
    database.close();
  }

  private InstanceRole instance(String id) {
    return InstanceRole.of(
        database.transactor(), clock, new ServiceSettings("127.0.0.1", 0, false, Optional.of(id)), new SecureRandom());
  }

  @Test
  void aSecondPaperInstanceOnTheSameDatabaseRefusesToStartNamingTheFirst() {
    instance("bot-a").requirePaperWriter();

    assertThatThrownBy(() -> instance("bot-b").requirePaperWriter())
        .isInstanceOf(AppException.class)
        .hasMessageContaining("BINANCE_ENV=paper runs one instance per database, and bot-a runs the paper exchange on this one")
        .hasMessageContaining("its own BOT_DB_URL or BOT_DATA_DIR");
  }

  @Test
  void aPaperInstanceThatStoppedCleanlyLetsTheNextStartAtOnce() {
    InstanceRole first = instance("bot-a");
    first.requirePaperWriter();
    first.close();

    instance("bot-b").requirePaperWriter();
  }

  @Test
  void theInstanceThatTakesTheSweepsFirstFollowsInterruptedCancelsAndOnlyItSweeps() {
    AtomicInteger resumedByA = new AtomicInteger();
    AtomicInteger resumedByB = new AtomicInteger();
    AtomicInteger sweptByA = new AtomicInteger();
    AtomicInteger sweptByB = new AtomicInteger();
    InstanceRole a = instance("bot-a");
    InstanceRole b = instance("bot-b");

    a.start(scheduler, Runnable::run, resumedByA::incrementAndGet);
    b.start(scheduler, Runnable::run, resumedByB::incrementAndGet);
    a.sweeping(sweptByA::incrementAndGet).run();
    b.sweeping(sweptByB::incrementAndGet).run();

    assertThat(resumedByA).hasValue(1);
    assertThat(resumedByB).hasValue(0);
    assertThat(sweptByA).hasValue(1);
    assertThat(sweptByB).hasValue(0);
    assertThat(a.leases().held()).containsOnlyKeys(InstanceLeases.SWEEPS, InstanceLeases.PRESENCE_PREFIX + a.leases().instanceId());
    a.close();
    b.close();
  }
}
