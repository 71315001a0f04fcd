package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.Gate;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A drain sends its batch's chats side by side, each chat's messages in order. */
class ChatsSideBySideTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T09:00:00Z"));
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Gate slowChatAnswers = new Gate();
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 8), clock);
  }

  @AfterEach
  void close() {
    slowChatAnswers.open();
    workers.close();
    database.close();
  }

  @Test
  void aChatWhoseSendIsSlowDoesNotHoldUpTheOtherChatsOfItsBatch() throws InterruptedException {
    Telegram telegram = new Telegram(chat -> {
      if (chat.chatId().equals("1001")) {
        slowChatAnswers.pass();
      }
    });
    NotificationDispatcher dispatcher = dispatcher(telegram, ChatFanOut.sideBySide(workers, 4));
    enqueue("a1", "1001", "card of A redrawn");
    enqueue("b1", "1002", "B: take-profit filled");
    enqueue("a2", "1001", "A: take-profit filled");
    enqueue("c1", "1003", "C: take-profit filled");

    dispatcher.trigger();

    assertThat(slowChatAnswers.awaitReached(Duration.ofSeconds(5))).as("A's first send started").isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(telegram.sent()).containsExactlyInAnyOrder("B: take-profit filled", "C: take-profit filled"));
    slowChatAnswers.open();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(telegram.sentTo("1001")).containsExactly("card of A redrawn", "A: take-profit filled"));
  }

  @Test
  void theNextBatchGoesOutWhileTheLastBatchsSlowestChatIsStillSending() throws InterruptedException {
    Telegram telegram = new Telegram(chat -> {
      if (chat.chatId().equals("4000")) {
        slowChatAnswers.pass();
      }
    });
    NotificationDispatcher dispatcher = dispatcher(telegram, ChatFanOut.sideBySide(workers, 8));
    for (int i = 0; i < NotificationDispatcher.BATCH; i++) {
      enqueue("n" + i, Integer.toString(4_000 + i), "first batch " + i);
    }
    enqueue("late", "5000", "second batch");

    dispatcher.trigger();

    assertThat(slowChatAnswers.awaitReached(Duration.ofSeconds(5))).as("the slow chat's send started").isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(telegram.sentTo("5000")).as("the next batch's chat, while 4000 still waits").containsExactly("second batch"));
    assertThat(telegram.sent()).hasSize(NotificationDispatcher.BATCH);
    slowChatAnswers.open();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(telegram.sentTo("4000")).containsExactly("first batch 0"));
  }

  @Test
  void aChatsMessageInTheNextBatchWaitsForItsMessageStillSendingFromTheLastOne() throws InterruptedException {
    Telegram telegram = new Telegram(chat -> {
      if (chat.chatId().equals("4000")) {
        slowChatAnswers.pass();
      }
    });
    NotificationDispatcher dispatcher = dispatcher(telegram, ChatFanOut.sideBySide(workers, 8));
    enqueue("a1", "4000", "A: card redrawn");
    for (int i = 1; i < NotificationDispatcher.BATCH; i++) {
      enqueue("n" + i, Integer.toString(4_000 + i), "first batch " + i);
    }
    enqueue("a2", "4000", "A: take-profit filled");
    enqueue("z", "5000", "Z: take-profit filled");

    dispatcher.trigger();

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(telegram.sentTo("5000")).containsExactly("Z: take-profit filled"));
    assertThat(telegram.sentTo("4000")).as("A's second message waits behind its first").isEmpty();
    slowChatAnswers.open();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(telegram.sentTo("4000")).containsExactly("A: card redrawn", "A: take-profit filled"));
    assertThat(telegram.sent()).hasSize(NotificationDispatcher.BATCH + 2).doesNotHaveDuplicates();
  }

  @Test
  void eachChatsMessagesArriveInTheOrderTheyWereQueuedAndEveryOneOnce() {
    AtomicInteger sends = new AtomicInteger();
    // every third send takes a moment, so the chats finish out of step
    Telegram telegram = new Telegram(chat -> {
      if (sends.incrementAndGet() % 3 == 0) {
        sleepQuietly(Duration.ofMillis(2));
      }
    });
    NotificationDispatcher dispatcher = dispatcher(telegram, ChatFanOut.sideBySide(workers, 8));
    for (int i = 0; i < 120; i++) {
      int chat = i % 12;
      enqueue("n" + i, Integer.toString(2_000 + chat), "chat " + chat + " notice " + i / 12);
    }

    assertThat(dispatcher.drainOnce()).isEqualTo(120);

    assertThat(telegram.sent()).hasSize(120).doesNotHaveDuplicates();
    for (int chat = 0; chat < 12; chat++) {
      List<String> expected = new ArrayList<>();
      for (int n = 0; n < 10; n++) {
        expected.add("chat " + chat + " notice " + n);
      }
      assertThat(telegram.sentTo(Integer.toString(2_000 + chat))).as("chat %d", chat).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void noMoreChatsAreSentToAtOnceThanAllowed() {
    AtomicInteger now = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    Telegram telegram = new Telegram(chat -> {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      sleepQuietly(Duration.ofMillis(5));
      now.decrementAndGet();
    });
    NotificationDispatcher dispatcher = dispatcher(telegram, ChatFanOut.sideBySide(workers, 3));
    for (int i = 0; i < 30; i++) {
      enqueue("n" + i, Integer.toString(3_000 + i), "notice " + i);
    }

    assertThat(dispatcher.drainOnce()).isEqualTo(30);

    assertThat(most.get()).isBetween(1, 3);
  }

  private NotificationDispatcher dispatcher(ChatPlatform telegram, ChatFanOut fanOut) {
    return new NotificationDispatcher(
        database.transactor(),
        ChatPlatforms.of(telegram),
        clock,
        workers,
        DispatchSettings.defaults().withPolicies(Map.of("telegram", DeliveryPolicy.unlimited())).withFanOut(fanOut));
  }

  private void enqueue(String key, String chatId, String text) {
    database.transactor().inTransaction(stores -> stores.outbox().enqueue(new OutboxMessage(key, new ChatRef("telegram", chatId), text)));
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Telegram as the test sees it: what each chat got, in order; {@code whileSending} runs first. */
  private static final class Telegram implements ChatPlatform {
    private final Consumer<ChatRef> whileSending;
    private final List<ChatRef> chats = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    Telegram(Consumer<ChatRef> whileSending) {
      this.whileSending = whileSending;
    }

    @Override
    public String platform() {
      return "telegram";
    }

    @Override
    public MessageRef send(ChatRef chat, OutboundMessage message) {
      whileSending.accept(chat);
      synchronized (this) {
        chats.add(chat);
        texts.add(message.text());
        return new MessageRef(chat, Integer.toString(texts.size()));
      }
    }

    @Override
    public void edit(MessageRef message, OutboundMessage replacement) {
      throw new UnsupportedOperationException("only sends here");
    }

    @Override
    public boolean delete(MessageRef message) {
      return false;
    }

    synchronized List<String> sent() {
      return List.copyOf(texts);
    }

    synchronized List<String> sentTo(String chatId) {
      List<String> to = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        if (chats.get(i).chatId().equals(chatId)) {
          to.add(texts.get(i));
        }
      }
      return to;
    }
  }
}
