package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ClaimResult;
import dev.orderlistbot.core.port.out.ConfirmationState;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.PendingConfirmationStore;
import dev.orderlistbot.db.testing.TestDatabase;
import dev.orderlistbot.db.testing.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Double taps, many devices, many threads, via the pool on a real H2 file and on PostgreSQL: a
 * confirmation is claimed once, and concurrent notices of one order merge to the newest.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class ConcurrentClaimTest {
  private static final int THREADS = 50;
  private final UserRef alice = new UserRef("telegram", "1001");

  @Parameter TestDatabases databases;
  @TempDir Path dataDir;
  private TestDatabase testDatabase;
  private Database database;

  @BeforeEach
  void open() {
    testDatabase = databases.fresh(dataDir);
    database = Database.open(testDatabase.config(THREADS), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
      testDatabase.close();
    }
  }

  @Test
  void fiftyThreadsClaimingOneConfirmationGetExactlyOneClaimed() throws Exception {
    PendingConfirmationStore store = create("tap");

    List<ClaimResult> results = race(i -> () -> store.claim("tap", alice));

    assertThat(results).filteredOn(ClaimResult.Claimed.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(r -> r.equals(new ClaimResult.AlreadyHandled(ConfirmationState.CLAIMED)))
        .hasSize(THREADS - 1);
  }

  @Test
  void confirmAndCancelRacingOnOneConfirmationLetExactlyOneWin() throws Exception {
    PendingConfirmationStore store = create("race");

    List<ClaimResult> results =
        race(i -> i % 2 == 0 ? () -> store.claim("race", alice) : () -> store.cancel("race", alice));

    assertThat(results).filteredOn(ClaimResult.Claimed.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(ClaimResult.AlreadyHandled.class::isInstance).hasSize(THREADS - 1);
    ConfirmationState end = store.findByToken("race").orElseThrow().state();
    assertThat(results).filteredOn(r -> r instanceof ClaimResult.AlreadyHandled a && a.state() != end).isEmpty();
  }

  @Test
  void fiftyThreadsMergingOneOrdersNoticesLeaveTheHighestRankedOneWaiting() throws Exception {
    NotificationOutbox outbox = database.stores().outbox();
    ChatRef chat = new ChatRef("telegram", "1001");

    List<Boolean> taken =
        race(
            i -> {
              MergeRank rank =
                  i == THREADS / 2
                      ? MergeRank.finalNotice(new BigDecimal("0.05"))
                      : MergeRank.partial(BigDecimal.valueOf(i, 3));
              String text = rank.isFinal() ? "filled" : "partial " + i;
              return () -> outbox.enqueueMerged(new OutboxMessage("n" + i, chat, text), "fills:1", rank, Duration.ZERO);
            });

    assertThat(taken).contains(true);
    assertThat(outbox.claimDue(THREADS, Duration.ofMinutes(1)))
        .extracting(e -> e.message().text())
        .as("one row, merged up to the final notice; no lower rank replaced or followed it")
        .containsExactly("filled");
    assertThat(outbox.enqueueMerged(new OutboxMessage("late", chat, "partial late"), "fills:1", MergeRank.partial(BigDecimal.ONE), Duration.ZERO))
        .isFalse();
  }

  private PendingConfirmationStore create(String token) {
    PendingConfirmationStore store = database.stores().confirmations();
    Instant now = Instant.now();
    store.create(
        PendingConfirmation.pending(
            UUID.randomUUID(), token, alice, new ChatRef("telegram", "1001"), "payload", now, now.plus(Duration.ofMinutes(5))));
    return store;
  }

  private <T> List<T> race(IntFunction<java.util.concurrent.Callable<T>> attempt) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        java.util.concurrent.Callable<T> call = attempt.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return call.call();
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
