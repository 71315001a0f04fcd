package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.port.out.Lease;
import dev.orderlistbot.core.port.out.LeaseStore;
import dev.orderlistbot.core.port.out.LeaseStore.Acquired;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link LeaseStore}, on every database the bot runs on. */
abstract class LeaseStoreContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration TTL = Duration.ofSeconds(20);

  String sweeps;
  String a;
  String b;

  @BeforeEach
  void freshNames() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    sweeps = "sweeps-" + run;
    a = "bot-a-" + run;
    b = "bot-b-" + run;
  }

  abstract Database database();

  LeaseStore leases() {
    return database().stores().leases();
  }

  @Test
  void aFreeLeaseIsTakenAndItsHolderRenewsIt() {
    assertThat(leases().acquire(sweeps, a, T0, TTL)).isEqualTo(Acquired.TAKEN);
    assertThat(leases().acquire(sweeps, a, T0.plusSeconds(5), TTL)).isEqualTo(Acquired.RENEWED);

    assertThat(leases().live(T0.plusSeconds(5))).filteredOn(l -> l.name().equals(sweeps))
        .containsExactly(new Lease(sweeps, a, T0, T0.plusSeconds(25)));
  }

  @Test
  void aLiveLeaseIsRefusedToAnotherAndTakenOverOnceExpired() {
    leases().acquire(sweeps, a, T0, TTL);

    assertThat(leases().acquire(sweeps, b, T0.plusSeconds(19), TTL)).isEqualTo(Acquired.HELD_ELSEWHERE);
    assertThat(leases().acquire(sweeps, b, T0.plusSeconds(20), TTL)).isEqualTo(Acquired.TAKEN_OVER);

    assertThat(leases().live(T0.plusSeconds(21))).filteredOn(l -> l.name().equals(sweeps))
        .containsExactly(new Lease(sweeps, b, T0.plusSeconds(20), T0.plusSeconds(40)));
    assertThat(leases().renewAll(a, T0.plusSeconds(21), TTL)).as("a lost it").doesNotContain(sweeps);
  }

  @Test
  void renewingExtendsEveryLeaseTheHolderStillHasEvenIfItExpiredUntaken() {
    String paper = "paper-" + sweeps;
    leases().acquire(sweeps, a, T0, TTL);
    leases().acquire(paper, a, T0, TTL);

    assertThat(leases().renewAll(a, T0.plusSeconds(30), TTL)).containsExactlyInAnyOrder(sweeps, paper);
    assertThat(leases().live(T0.plusSeconds(45))).extracting(Lease::name).contains(sweeps, paper);
    assertThat(leases().renewAll(b, T0.plusSeconds(30), TTL)).isEmpty();
  }

  @Test
  void aReleasedLeaseIsFreeAndOnlyItsHolderCanReleaseIt() {
    leases().acquire(sweeps, a, T0, TTL);

    assertThat(leases().release(sweeps, b)).isFalse();
    assertThat(leases().release(sweeps, a)).isTrue();
    assertThat(leases().acquire(sweeps, b, T0.plusSeconds(1), TTL)).isEqualTo(Acquired.TAKEN);
  }

  @Test
  void aSeizedLeaseMovesToTheSeizerAndItsFormerHolderLearnsItAtItsNextRenewal() {
    leases().acquire(sweeps, a, T0, TTL);

    assertThat(leases().seize(sweeps, b, T0.plusSeconds(3), TTL)).contains(a);

    assertThat(leases().live(T0.plusSeconds(4))).filteredOn(l -> l.name().equals(sweeps))
        .containsExactly(new Lease(sweeps, b, T0.plusSeconds(3), T0.plusSeconds(23)));
    assertThat(leases().renewAll(a, T0.plusSeconds(5), TTL)).doesNotContain(sweeps);
    assertThat(leases().acquire(sweeps, a, T0.plusSeconds(5), TTL)).isEqualTo(Acquired.HELD_ELSEWHERE);
  }

  @Test
  void seizingAFreeOrExpiredLeaseNamesNoFormerHolder() {
    String expired = "expired-" + sweeps;
    leases().acquire(expired, a, T0, TTL);

    assertThat(leases().seize(sweeps, b, T0, TTL)).isEmpty();
    assertThat(leases().seize(expired, b, T0.plusSeconds(60), TTL)).isEmpty();
    assertThat(leases().seize(sweeps, b, T0.plusSeconds(1), TTL)).as("its own").isEmpty();
    assertThat(leases().live(T0.plusSeconds(61))).filteredOn(l -> l.name().equals(expired))
        .extracting(Lease::holder).containsExactly(b);
  }

  @Test
  void ofManyInstancesRacingForOneLeaseExactlyOneHoldsIt() throws Exception {
    for (int round = 0; round < 10; round++) {
      String name = sweeps + "-" + round;
      // expired, so every racer may try to take it over
      leases().acquire(name, "dead-" + round, T0.minusSeconds(60), TTL);
      int racers = 4;
      ExecutorService pool = Executors.newFixedThreadPool(racers);
      try {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Acquired>> answers = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
          String holder = "racer-" + i + "-" + a;
          answers.add(pool.submit(() -> {
            start.await();
            return leases().acquire(name, holder, T0, TTL);
          }));
        }
        start.countDown();
        List<Acquired> got = new ArrayList<>();
        for (Future<Acquired> answer : answers) {
          got.add(answer.get(30, TimeUnit.SECONDS));
        }
        assertThat(got).filteredOn(Acquired::held).hasSize(1);
        assertThat(got).filteredOn(x -> x == Acquired.HELD_ELSEWHERE).hasSize(racers - 1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void twoInstancesInsertingTheSameNewLeaseBothGetAnAnswer() throws Exception {
    for (int round = 0; round < 10; round++) {
      String name = sweeps + "-new-" + round;
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CountDownLatch start = new CountDownLatch(1);
        Future<Acquired> first = pool.submit(() -> {
          start.await();
          return leases().acquire(name, a, T0, TTL);
        });
        Future<Acquired> second = pool.submit(() -> {
          start.await();
          return leases().acquire(name, b, T0, TTL);
        });
        start.countDown();
        assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
            .containsExactlyInAnyOrder(Acquired.TAKEN, Acquired.HELD_ELSEWHERE);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
