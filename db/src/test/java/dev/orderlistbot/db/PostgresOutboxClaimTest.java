package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.testing.MutableClock;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances draining one PostgreSQL outbox at the same moment: the second skips the rows the
 * first has locked and takes the others at once, instead of waiting for the first to commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutboxClaimTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private PostgresProbe postgres;
  private Database database;

  @BeforeAll
  void open() {
    postgres = PostgresProbe.reachableOrSkip();
    database = Database.open(postgres.config(), clock);
  }

  @AfterAll
  void close() throws SQLException {
    if (database != null) {
      database.close();
      postgres.dropSchema();
    }
  }

  @Test
  void aSecondDrainSkipsTheRowsTheFirstHoldsAndTakesTheRestWithoutWaiting() throws Exception {
    ChatRef chat = new ChatRef("skiplocked", "42");
    for (int i = 0; i < 4; i++) {
      int n = i;
      database.transactor().inTransaction(s -> s.outbox().enqueue(new OutboxMessage("skip-" + n, chat, "notice " + n)));
    }
    // two threads of their own: the common pool may have one on a small machine
    java.util.concurrent.ExecutorService drains = java.util.concurrent.Executors.newFixedThreadPool(2);
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<List<OutboxEntry>> first = CompletableFuture.supplyAsync(() ->
        database.transactor().inTransaction(s -> {
          List<OutboxEntry> claimed = s.outbox().claimDue("skiplocked", 2, Duration.ofMinutes(2));
          firstClaimed.countDown();
          await(release);
          return claimed;
        }), drains);
    assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();

    List<OutboxEntry> second = CompletableFuture.supplyAsync(() ->
            database.transactor().inTransaction(s -> s.outbox().claimDue("skiplocked", 10, Duration.ofMinutes(2))), drains)
        .get(5, TimeUnit.SECONDS);
    release.countDown();
    List<OutboxEntry> firstBatch = first.get(10, TimeUnit.SECONDS);
    drains.shutdown();

    assertThat(firstBatch).hasSize(2);
    assertThat(second).hasSize(2);
    Set<Long> ids = new HashSet<>();
    firstBatch.forEach(e -> ids.add(e.id()));
    second.forEach(e -> ids.add(e.id()));
    assertThat(ids).as("no row claimed twice").hasSize(4);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
