package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class RoutingLanesTest {
  private static final UserRef ALICE = new UserRef("telegram", "1");
  private static final UserRef BOB = new UserRef("telegram", "2");

  /** Runs the lanes' tasks only when told, on the test's thread. */
  private static final class StepExecutor implements java.util.concurrent.Executor {
    final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        task.run();
      }
    }
  }

  @Test
  void eachOwnersEventsAreRoutedInArrivalOrderWhileOwnersRouteSideBySide() throws Exception {
    Map<UserRef, List<String>> routed = new HashMap<>();
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(4);
    RoutingLanes lanes =
        new RoutingLanes(
            batch -> {
              batchSizes.add(batch.size());
              for (OwnerUpdate each : batch) {
                synchronized (routed) {
                  routed.computeIfAbsent(each.owner(), owner -> new ArrayList<>()).add(each.update().eventId());
                }
              }
              if (ThreadLocalRandom.current().nextInt(10) == 0) {
                LockSupport.parkNanos(50_000); // a slow commit now and then
              }
            },
            threads,
            new RoutingLanes.Settings(4, 16, 64));
    List<UserRef> owners = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      owners.add(new UserRef("telegram", "u" + i));
    }

    for (int seq = 0; seq < 5_000; seq++) {
      UserRef owner = owners.get(seq % owners.size());
      lanes.onUpdate(owner, event(owner.userId() + "#" + seq));
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    assertThat(lanes.waiting()).isZero();
    for (UserRef owner : owners) {
      List<String> expected = new ArrayList<>();
      for (int seq = owners.indexOf(owner); seq < 5_000; seq += owners.size()) {
        expected.add(owner.userId() + "#" + seq);
      }
      assertThat(routed.get(owner)).as("events of %s", owner).containsExactlyElementsOf(expected);
    }
    assertThat(batchSizes).allMatch(size -> size >= 1 && size <= 16);
  }

  @Test
  void eventsThatQueueWhileTheLaneWaitsAreRoutedInBatchesOfAtMostTheMaximum() {
    StepExecutor executor = new StepExecutor();
    List<List<String>> batches = new ArrayList<>();
    RoutingLanes lanes =
        new RoutingLanes(batch -> batches.add(batch.stream().map(e -> e.update().eventId()).toList()), executor, new RoutingLanes.Settings(1, 64, 1_000));

    for (int i = 0; i < 100; i++) {
      lanes.onUpdate(ALICE, event("e" + i));
    }
    assertThat(executor.tasks).hasSize(1);
    executor.runAll();

    assertThat(batches).hasSize(2);
    assertThat(batches.get(0)).hasSize(64).startsWith("e0", "e1").endsWith("e63");
    assertThat(batches.get(1)).hasSize(36).startsWith("e64").endsWith("e99");
    assertThat(lanes.waiting()).isZero();
  }

  @Test
  void theSourceWaitsWhileTheLanesAreFullAndGoesOnOnceThereIsRoom() throws Exception {
    StepExecutor executor = new StepExecutor();
    List<String> routed = Collections.synchronizedList(new ArrayList<>());
    RoutingLanes lanes =
        new RoutingLanes(batch -> batch.forEach(e -> routed.add(e.update().eventId())), executor, new RoutingLanes.Settings(1, 64, 2));
    lanes.onUpdate(ALICE, event("e1"));
    lanes.onUpdate(BOB, event("e2"));

    CountDownLatch thirdHandedOver = new CountDownLatch(1);
    Thread source = Thread.ofPlatform().start(() -> {
      lanes.onUpdate(ALICE, event("e3"));
      thirdHandedOver.countDown();
    });
    assertThat(thirdHandedOver.await(200, TimeUnit.MILLISECONDS)).as("handed over while the lanes were full").isFalse();

    executor.runAll();
    assertThat(thirdHandedOver.await(10, TimeUnit.SECONDS)).isTrue();
    source.join();
    executor.runAll();
    assertThat(routed).containsExactly("e1", "e2", "e3");
  }

  @Test
  void aBatchThatFailsDoesNotStopTheLane() {
    StepExecutor executor = new StepExecutor();
    AtomicBoolean failed = new AtomicBoolean();
    List<String> routed = new ArrayList<>();
    RoutingLanes lanes =
        new RoutingLanes(
            batch -> {
              if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("the database is gone for a moment");
              }
              batch.forEach(e -> routed.add(e.update().eventId()));
            },
            executor,
            new RoutingLanes.Settings(1, 1, 10));

    lanes.onUpdate(ALICE, event("lost"));
    lanes.onUpdate(ALICE, event("next"));
    executor.runAll();

    assertThat(routed).containsExactly("next");
    assertThat(lanes.waiting()).isZero();
  }

  @Test
  void afterShutdownEventsAreLeftToTheCatchUpWithoutHoldingTheSource() {
    List<String> routed = new ArrayList<>();
    RoutingLanes lanes =
        new RoutingLanes(
            batch -> batch.forEach(e -> routed.add(e.update().eventId())),
            task -> {
              throw new RejectedExecutionException("shut down");
            },
            new RoutingLanes.Settings(2, 8, 2));

    for (int i = 0; i < 10; i++) {
      lanes.onUpdate(ALICE, event("e" + i));
    }

    assertThat(routed).isEmpty();
    assertThat(lanes.waiting()).isZero();
  }

  private static OrderListUpdate event(String id) {
    return new OrderListUpdate.ListChanged(
        id, Symbol.of("BTCUSDT"), new OrderListId(1), ClientListId.forKey("k"), ContingencyType.OCO,
        ListStatusType.EXEC_STARTED, ListOrderStatus.EXECUTING, Instant.parse("2026-03-01T11:00:00Z"));
  }
}
