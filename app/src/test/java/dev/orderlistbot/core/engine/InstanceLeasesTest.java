package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.Lease;
import dev.orderlistbot.core.port.out.LeaseStore.Acquired;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances on one database: one runs the sweeps, the other takes them over when it dies. */
class InstanceLeasesTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private Database database;
  private InstanceLeases a;
  private InstanceLeases b;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 5), clock);
    a = new InstanceLeases(database.transactor(), clock, "bot-a", Set.of(InstanceLeases.SWEEPS));
    b = new InstanceLeases(database.transactor(), clock, "bot-b", Set.of(InstanceLeases.SWEEPS));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theFirstInstanceToTickRunsTheSweepsAndTheOtherStandsBy() {
    a.tick();
    b.tick();

    assertThat(a.holds(InstanceLeases.SWEEPS)).isTrue();
    assertThat(b.holds(InstanceLeases.SWEEPS)).isFalse();
    assertThat(b.everyone()).filteredOn(l -> l.name().equals(InstanceLeases.SWEEPS)).extracting(Lease::holder).containsExactly("bot-a");
    assertThat(InstanceLeases.liveInstances(b.everyone())).as("each holds its presence").isEqualTo(2);
  }

  @Test
  void aDeadInstancesSweepsAreTakenOverWithinTheLeaseAndATick() {
    a.tick();
    b.tick();

    // a stops renewing (SIGKILL); b ticks every 5 s
    Duration waited = Duration.ZERO;
    while (!b.holds(InstanceLeases.SWEEPS)) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      waited = waited.plus(InstanceLeases.RENEW_EVERY);
      b.tick();
    }

    assertThat(waited).isLessThanOrEqualTo(InstanceLeases.TTL.plus(InstanceLeases.RENEW_EVERY));
    assertThat(b.takenOverCount()).isEqualTo(1);
    assertThat(a.holds(InstanceLeases.SWEEPS)).as("a's own view lapsed at its last expiry").isFalse();
  }

  @Test
  void anInstanceThatComesBackAfterItsLeaseWasTakenLearnsItLostIt() {
    a.tick();
    clock.advance(InstanceLeases.TTL);
    b.tick();

    a.tick();

    assertThat(a.holds(InstanceLeases.SWEEPS)).isFalse();
    assertThat(a.lostCount()).isEqualTo(1);
    assertThat(b.holds(InstanceLeases.SWEEPS)).isTrue();
  }

  @Test
  void aCleanStopHandsTheWorkOverAtOnce() {
    a.tick();

    a.releaseAll();
    b.tick();

    assertThat(b.holds(InstanceLeases.SWEEPS)).isTrue();
    assertThat(b.takenOverCount()).as("taken free, not over").isZero();
  }

  @Test
  void aSecondPaperInstanceIsRefusedWhileTheFirstRenews() {
    assertThat(a.acquire(InstanceLeases.PAPER)).isEqualTo(Acquired.TAKEN);
    clock.advance(InstanceLeases.RENEW_EVERY);
    a.tick();

    assertThat(b.acquire(InstanceLeases.PAPER)).isEqualTo(Acquired.HELD_ELSEWHERE);
    assertThat(a.held()).containsKey(InstanceLeases.PAPER);
  }

  @Test
  void aLeaseTakenWhileARenewalIsUnderWayIsKeptNotCountedLost() {
    // the renewal reads what this instance holds; then, before it compares, another thread seizes a stream lease
    AtomicReference<Runnable> afterNextTransaction = new AtomicReference<>();
    Transactor racing = new Transactor() {
      @Override
      public <T> T inTransaction(Function<Stores, T> work) {
        T result = database.transactor().inTransaction(work);
        Runnable hook = afterNextTransaction.getAndSet(null);
        if (hook != null) {
          hook.run();
        }
        return result;
      }
    };
    InstanceLeases c = new InstanceLeases(racing, clock, "bot-c", Set.of());
    c.tick();
    afterNextTransaction.set(() -> c.seize("stream:telegram:42"));

    c.tick();

    assertThat(c.holds("stream:telegram:42")).isTrue();
    assertThat(c.lostCount()).isZero();
  }

  @Test
  void aLeaseThisInstanceHoldsInTheDatabaseButForgotIsTakenBackAtTheNextRenewal() {
    a.tick();
    database.transactor().inTransaction(stores -> stores.leases().acquire("stream:telegram:7", "bot-a", clock.instant(), InstanceLeases.TTL));

    clock.advance(InstanceLeases.RENEW_EVERY);
    a.tick();

    assertThat(a.holds("stream:telegram:7")).isTrue();
  }
  @Test
  void aCleanStopKeepsTheLeaseOfAnActionStillRunning() {
    String action = InstanceLeases.ACTION_PREFIX + "3f1c9a52-8d0e-4a55-9b1e-2c7d4e6f8a90";
    a.tick();
    a.acquire(action);

    a.releaseAll();

    assertThat(b.acquire(InstanceLeases.SWEEPS).held()).as("the work moves at once").isTrue();
    assertThat(b.acquire(action).held()).as("the running close is not settled elsewhere").isFalse();
  }

  @Test
  void aRunningActionsLeaseIsNotCountedAsWorkTaken() {
    a.tick();
    long before = a.takenCount();

    a.acquire(InstanceLeases.ACTION_PREFIX + "3f1c9a52-8d0e-4a55-9b1e-2c7d4e6f8a90");

    assertThat(a.takenCount()).isEqualTo(before);
    assertThat(a.holds(InstanceLeases.ACTION_PREFIX + "3f1c9a52-8d0e-4a55-9b1e-2c7d4e6f8a90")).isTrue();
  }

  @Test
  void aLeaseWhoseReleaseFailedIsGivenUpAtTheNextTickNotRenewed() {
    // an action's lease: given up when the action ends, while the database does not answer
    AtomicReference<Boolean> down = new AtomicReference<>(false);
    Transactor flaky = new Transactor() {
      @Override
      public <T> T inTransaction(Function<Stores, T> work) {
        if (down.get()) {
          throw new IllegalStateException("the database does not answer");
        }
        return database.transactor().inTransaction(work);
      }
    };
    InstanceLeases c = new InstanceLeases(flaky, clock, "bot-c", Set.of());
    c.acquire("action:1");
    down.set(true);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> c.release("action:1"))).isNotNull();
    down.set(false);

    clock.advance(InstanceLeases.RENEW_EVERY);
    c.tick();

    assertThat(c.holds("action:1")).isFalse();
    assertThat(b.acquire("action:1").held()).as("another instance may take it at once").isTrue();
  }
  @Test
  void aLeaseGivenUpWhileARenewalIsUnderWayIsNotCountedLost() {
    // the release has removed the row and not yet forgotten the lease when a tick renews
    AtomicReference<Runnable> afterNextTransaction = new AtomicReference<>();
    Transactor racing = new Transactor() {
      @Override
      public <T> T inTransaction(Function<Stores, T> work) {
        T result = database.transactor().inTransaction(work);
        Runnable hook = afterNextTransaction.getAndSet(null);
        if (hook != null) {
          hook.run();
        }
        return result;
      }
    };
    InstanceLeases c = new InstanceLeases(racing, clock, "bot-c", Set.of());
    c.acquire("action:1");
    afterNextTransaction.set(c::tick);

    c.release("action:1");

    assertThat(c.lostCount()).isZero();
    assertThat(c.holds("action:1")).isFalse();
  }

  @Test
  void anActionsLeaseWhoseTakeWasStoredButAnsweredAnErrorIsGivenUpWhenTheActionEnds() {
    AtomicReference<Boolean> loseNextAnswer = new AtomicReference<>(false);
    Transactor answerLost = new Transactor() {
      @Override
      public <T> T inTransaction(Function<Stores, T> work) {
        T result = database.transactor().inTransaction(work);
        if (loseNextAnswer.getAndSet(false)) {
          throw new IllegalStateException("connection reset after the commit");
        }
        return result;
      }
    };
    InstanceLeases c = new InstanceLeases(answerLost, clock, "bot-c", Set.of());
    RunningWork running = new RunningWork(Optional.of(c));
    UUID confirmation = UUID.fromString("3f1c9a52-8d0e-4a55-9b1e-2c7d4e6f8a90");
    loseNextAnswer.set(true);

    running.running(confirmation, () -> null);
    clock.advance(InstanceLeases.RENEW_EVERY);
    c.tick();

    assertThat(c.holds(InstanceLeases.ACTION_PREFIX + confirmation)).as("not renewed for ever").isFalse();
    assertThat(b.acquire(InstanceLeases.ACTION_PREFIX + confirmation).held()).as("a settlement may take it").isTrue();
  }
}
