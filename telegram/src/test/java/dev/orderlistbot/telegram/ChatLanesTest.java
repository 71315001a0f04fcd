package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatLanesTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ChatLanes lanes = new ChatLanes(executor);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void tasksOfOneChatRunOneAfterAnotherInTheOrderSubmitted() {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 200; i++) {
      int n = i;
      lanes.submit("42", () -> {
        if (n % 7 == 0) {
          sleep(1);
        }
        seen.add(n);
      });
    }

    assertThat(lanes.drain(Duration.ofSeconds(10))).isTrue();
    assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
  }

  @Test
  void aSlowChatDoesNotHoldUpAnother() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch otherRan = new CountDownLatch(1);
    lanes.submit("slow", () -> await(release));

    lanes.submit("other", otherRan::countDown);

    assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
    release.countDown();
  }

  @Test
  void aFailingTaskDoesNotStopItsLane() {
    List<String> seen = new CopyOnWriteArrayList<>();
    lanes.submit("42", () -> {
      throw new IllegalStateException("boom");
    });
    lanes.submit("42", () -> seen.add("after"));

    assertThat(lanes.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(seen).containsExactly("after");
  }

  @Test
  void drainGivesUpAfterTheLimitWhenATaskHangs() {
    CountDownLatch never = new CountDownLatch(1);
    lanes.submit("42", () -> await(never));

    assertThat(lanes.drain(Duration.ofMillis(100))).isFalse();
    never.countDown();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
