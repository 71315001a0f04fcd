package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One drain's sends, chats side by side, batch after batch without waiting for a batch's end. */
class FanOutRunTest {
  private static final Instant AT = Instant.parse("2026-12-04T14:00:00Z");

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, List<Long>> sentTo = new ConcurrentHashMap<>();
  private long ids;

  @AfterEach
  void close() {
    threads.close();
  }

  @Test
  void aChatsMessagesAddedBatchAfterBatchGoInOrderEveryOneOnceWhileItsSenderComesAndGoes() {
    FanOutRun run = new FanOutRun(threads, 4, this::record);
    int batches = 400;
    for (int b = 0; b < batches; b++) {
      // three chats in every batch, so a chat's next message often comes just as its sender ends
      run.add(List.of(entry("1"), entry("2"), entry("3"), entry(Integer.toString(100 + b))));
      assertThat(run.awaitRoomForMore()).isTrue();
    }

    assertThat(run.finish()).isEqualTo(batches * 4);
    for (String chat : List.of("1", "2", "3")) {
      List<Long> ids = sentTo.get(chat);
      assertThat(ids).as("chat %s", chat).hasSize(batches).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aChatWhoseSendThrowsGetsNoMoreOfItsMessagesTheOthersFinishAndTheFailureComesAtTheEnd() throws InterruptedException {
    CountDownLatch otherChatsMayEnd = new CountDownLatch(1);
    // one chat at a time: the broken chat's failure comes before the other chat has its sender
    FanOutRun run = new FanOutRun(threads, 1, entry -> {
      String chat = entry.message().target().chatId();
      if (chat.equals("broken")) {
        throw new IllegalStateException("the database is down");
      }
      awaitQuietly(otherChatsMayEnd);
      return record(entry);
    });
    run.add(List.of(entry("broken"), entry("fine"), entry("broken")));

    assertThat(run.awaitRoomForMore()).as("claims stop after a failure").isFalse();
    run.add(List.of(entry("broken"), entry("fine")));
    otherChatsMayEnd.countDown();

    assertThatThrownBy(run::finish).isInstanceOf(IllegalStateException.class).hasMessage("the database is down");
    assertThat(sentTo).containsOnlyKeys("fine");
    assertThat(sentTo.get("fine")).hasSize(2).isSorted();
  }

  @Test
  void noMoreChatsSendAtOnceThanAllowedAndRoomForMoreWaitsForAFreeSender() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    List<String> started = Collections.synchronizedList(new ArrayList<>());
    FanOutRun run = new FanOutRun(threads, 2, entry -> {
      started.add(entry.message().target().chatId());
      awaitQuietly(release);
      return true;
    });
    run.add(List.of(entry("a"), entry("b"), entry("c")));
    CountDownLatch roomFound = new CountDownLatch(1);
    threads.execute(() -> {
      run.awaitRoomForMore();
      roomFound.countDown();
    });

    assertThat(roomFound.await(200, TimeUnit.MILLISECONDS)).as("c still waits for a sender").isFalse();
    assertThat(started).containsExactlyInAnyOrder("a", "b");
    release.countDown();

    assertThat(roomFound.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(run.finish()).isEqualTo(3);
    assertThat(started).containsExactlyInAnyOrder("a", "b", "c");
  }

  private boolean record(OutboxEntry entry) {
    sentTo.computeIfAbsent(entry.message().target().chatId(), chat -> Collections.synchronizedList(new ArrayList<>())).add(entry.id());
    return true;
  }

  private OutboxEntry entry(String chat) {
    long id = ++ids;
    return new OutboxEntry(id, new OutboxMessage("n" + id, new ChatRef("telegram", chat), "notice " + id), AT, 1, AT, "claim");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
