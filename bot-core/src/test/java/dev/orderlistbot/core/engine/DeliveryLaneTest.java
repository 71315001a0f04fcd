package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A platform's lane: one drain at a time, at most one more waiting, whatever the triggers. */
class DeliveryLaneTest {
  /** Tasks wait here until the test runs them, as a simulation would. */
  private final Deque<Runnable> tasks = new ArrayDeque<>();
  private final Executor manual = tasks::add;
  private final AtomicInteger drains = new AtomicInteger();

  @Test
  void triggersWhileIdleStartOneDrainAndTriggersDuringItAddExactlyOneMore() {
    AtomicReference<DeliveryLane> self = new AtomicReference<>();
    DeliveryLane lane =
        lane(
            () -> {
              if (drains.incrementAndGet() == 1) {
                self.get().trigger();
                self.get().trigger();
                self.get().trigger();
              }
            });
    self.set(lane);

    lane.trigger();
    lane.trigger();
    assertThat(tasks).as("one task queued, however many triggers").hasSize(1);

    tasks.poll().run();

    assertThat(drains).as("the drain, then one more for the three triggers during it").hasValue(2);
    assertThat(tasks).isEmpty();
    lane.trigger();
    assertThat(tasks).as("idle again: the next trigger starts a drain").hasSize(1);
  }

  @Test
  void aDrainThatFailsIsRethrownToTheExecutorAndTheNextTriggerStartsAfresh() {
    DeliveryLane lane =
        lane(
            () -> {
              if (drains.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
            });

    lane.trigger();
    assertThatThrownBy(() -> tasks.poll().run()).hasMessage("database down");
    lane.trigger();
    tasks.poll().run();

    assertThat(drains).hasValue(2);
  }

  @Test
  void anExecutorThatRefusesLeavesTheLaneIdle() {
    AtomicInteger offered = new AtomicInteger();
    DeliveryLane lane =
        new DeliveryLane(
            "telegram",
            task -> {
              if (offered.incrementAndGet() == 1) {
                throw new RejectedExecutionException("shut down");
              }
              tasks.add(task);
            },
            drains::incrementAndGet);

    lane.trigger();
    lane.trigger();
    tasks.poll().run();

    assertThat(drains).hasValue(1);
  }

  private DeliveryLane lane(Runnable drain) {
    return new DeliveryLane("telegram", manual, drain);
  }
}
