package dev.orderlistbot.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scheduler: the seed alone decides the order, time moves only to due work, lanes never nest. */
class SimSchedulerTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private static List<String> order(long seed) {
    SimScheduler scheduler = new SimScheduler(new SimClock(START), new Random(seed));
    List<String> ran = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String name = "t" + i;
      scheduler.at(Duration.ofSeconds(i % 3), "", SimScheduler.WORLD, () -> ran.add(name + "@" + scheduler.clock().instant().getEpochSecond() % 60));
    }
    while (scheduler.step(START.plus(Duration.ofHours(1)))) {
      // runs everything
    }
    return ran;
  }

  @Test
  void theSameSeedRunsTheSameOrderAndAnotherSeedAnother() {
    assertThat(order(42)).isEqualTo(order(42)).hasSize(20);
    assertThat(order(43)).isNotEqualTo(order(42));
  }

  @Test
  void workRunsAtItsDueTimeNeverBefore() {
    assertThat(order(42)).allMatch(entry -> Integer.parseInt(entry.substring(1, entry.indexOf('@'))) % 3 == Integer.parseInt(entry.substring(entry.indexOf('@') + 1)));
  }

  @Test
  void aBlockingCallRunsOtherWorkButNeverWorkOfItsOwnLane() {
    SimScheduler scheduler = new SimScheduler(new SimClock(START), new Random(1));
    List<String> ran = new ArrayList<>();
    scheduler.at(Duration.ZERO, "worker", SimScheduler.WORLD, () -> {
      ran.add("outer start");
      scheduler.at(Duration.ZERO, "worker", SimScheduler.WORLD, () -> ran.add("same lane"));
      scheduler.at(Duration.ZERO, "", SimScheduler.WORLD, () -> ran.add("other thread"));
      scheduler.yieldPoint(1.0);
      scheduler.yieldPoint(1.0);
      ran.add("outer end");
    });
    while (scheduler.step(START)) {
      // runs everything
    }

    assertThat(ran).containsExactly("outer start", "other thread", "outer end", "same lane");
  }

  @Test
  void aCrashedGenerationLeavesNoWorkBehind() {
    SimScheduler scheduler = new SimScheduler(new SimClock(START), new Random(1));
    List<String> ran = new ArrayList<>();
    scheduler.at(Duration.ZERO, "", 1, () -> ran.add("bot"));
    scheduler.at(Duration.ZERO, "", SimScheduler.WORLD, () -> ran.add("world"));

    scheduler.drop(1);
    while (scheduler.step(START)) {
      // runs what is left
    }

    assertThat(ran).containsExactly("world");
  }
}
