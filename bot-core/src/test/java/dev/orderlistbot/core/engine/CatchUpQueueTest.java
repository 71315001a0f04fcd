package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatchUpQueueTest {
  private static final UserRef ALICE = new UserRef("telegram", "42");
  private static final ApiCredentials KEY = new ApiCredentials(KeyType.HMAC, "aliceApiKey", Secret.of("alice-secret"));

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Executor worker = Executors.newSingleThreadExecutor();
  private final List<UserRef> gaveUp = new CopyOnWriteArrayList<>();
  private final List<Instant> attempts = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    timer.shutdownNow();
    ((java.util.concurrent.ExecutorService) worker).shutdownNow();
  }

  @Test
  void aCatchUpTheExchangeCouldNotAnswerIsTriedAgainUntilItWorks() {
    AtomicInteger failuresLeft = new AtomicInteger(2);
    CatchUpQueue queue = queue((user, key) -> {
      attempts.add(Instant.now());
      if (failuresLeft.getAndDecrement() > 0) {
        throw unreachable();
      }
    }, List.of(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(10)));

    queue.request(ALICE, KEY);

    waitUntil(() -> attempts.size() == 3);
    sleep(100);
    assertThat(attempts).hasSize(3);
    assertThat(gaveUp).isEmpty();
  }

  @Test
  void aCatchUpThatNeverWorksTellsTheTraderOnceAfterTheLastRetry() {
    CatchUpQueue queue = queue((user, key) -> {
      attempts.add(Instant.now());
      throw unreachable();
    }, List.of(Duration.ofMillis(10), Duration.ofMillis(20)));

    queue.request(ALICE, KEY);

    waitUntil(() -> gaveUp.size() == 1);
    sleep(100);
    assertThat(attempts).hasSize(3);
    assertThat(gaveUp).containsExactly(ALICE);
  }

  @Test
  void aRateLimitedCatchUpWaitsAtLeastAsLongAsTheExchangeAsked() {
    Instant start = Instant.now();
    Instant allowedAgain = start.plusMillis(400);
    AtomicInteger calls = new AtomicInteger();
    CatchUpQueue queue = queue((user, key) -> {
      attempts.add(Instant.now());
      if (calls.getAndIncrement() == 0) {
        throw new ExchangeException(new ExchangeError.RateLimited(-1003, allowedAgain, "Too much request weight used"));
      }
    }, List.of(Duration.ofMillis(10)));

    queue.request(ALICE, KEY);

    waitUntil(() -> attempts.size() == 2);
    assertThat(attempts.get(1)).isAfterOrEqualTo(allowedAgain.minusMillis(20));
    assertThat(gaveUp).isEmpty();
  }

  @Test
  void aCatchUpWhoseReadsWereHeldBackForTheUsersShareWaitsUntilTheyFitAgain() {
    Instant start = Instant.now();
    Instant fitsAgain = start.plusMillis(400);
    AtomicInteger calls = new AtomicInteger();
    CatchUpQueue queue = queue((user, key) -> {
      attempts.add(Instant.now());
      if (calls.getAndIncrement() == 0) {
        throw new ExchangeException(new ExchangeError.HeldBack(fitsAgain, "You used your share of Binance's request weight."));
      }
    }, List.of(Duration.ofMillis(10)));

    queue.request(ALICE, KEY);

    waitUntil(() -> attempts.size() == 2);
    assertThat(attempts.get(1)).isAfterOrEqualTo(fitsAgain.minusMillis(20));
    assertThat(gaveUp).isEmpty();
  }

  @Test
  void aUserAlreadyWaitingIsNotQueuedTwiceButIsQueuedAgainOnceTheirTurnCame() {
    Queue<Runnable> queued = new ArrayDeque<>();
    AtomicInteger runs = new AtomicInteger();
    CatchUpQueue queue =
        new CatchUpQueue((user, key) -> runs.incrementAndGet(), queued::add, timer, gaveUp::add, Clock.systemUTC(), List.of());

    queue.request(ALICE, KEY);
    queue.request(ALICE, KEY);
    assertThat(queued).hasSize(1);

    queued.poll().run();
    queue.request(ALICE, KEY);

    assertThat(runs).hasValue(1);
    assertThat(queued).hasSize(1);
  }

  @Test
  void catchUpsOfDifferentUsersAllRunOneAfterTheOther() {
    UserRef bob = new UserRef("discord", "7");
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<UserRef> done = new CopyOnWriteArrayList<>();
    CatchUpQueue queue = queue((user, key) -> {
      mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
      sleep(50);
      running.decrementAndGet();
      done.add(user);
    }, List.of());

    queue.request(ALICE, KEY);
    queue.request(bob, KEY);

    waitUntil(() -> done.size() == 2);
    assertThat(done).containsExactly(ALICE, bob);
    assertThat(mostAtOnce).hasValue(1);
  }

  private static ExchangeException unreachable() {
    return new ExchangeException(new ExchangeError.Unavailable("Binance did not answer"));
  }

  private CatchUpQueue queue(CatchUpQueue.Work work, List<Duration> retryDelays) {
    return new CatchUpQueue(work, worker, timer, gaveUp::add, Clock.systemUTC(), retryDelays);
  }

  private static void waitUntil(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      sleep(5);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
