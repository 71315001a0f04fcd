package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each chat platform is sent to on its own: one that hangs holds up no other. */
class PlatformLanesTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch sending = new CountDownLatch(1);
  private final CountDownLatch answer = new CountDownLatch(1);
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 8), clock);
  }

  @AfterEach
  void close() {
    answer.countDown();
    workers.close();
    database.close();
  }

  @Test
  void aPlatformWhoseSendHangsDoesNotHoldUpAnotherPlatformsNotices() throws InterruptedException {
    ScriptedChatPlatform telegram = new ScriptedChatPlatform("telegram", send -> hang());
    ScriptedChatPlatform discord = new ScriptedChatPlatform("discord", send -> {});
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(database.transactor(), ChatPlatforms.of(telegram, discord), clock, workers);
    enqueue(new OutboxMessage("t", new ChatRef("telegram", "1001"), "to telegram"));
    enqueue(new OutboxMessage("d", new ChatRef("discord", "42"), "to discord"));

    dispatcher.trigger();

    assertThat(sending.await(5, TimeUnit.SECONDS)).as("Telegram's send started").isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(discord.sent()).as("Discord, while Telegram hangs").containsExactly("to discord"));
    answer.countDown();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(telegram.sent()).containsExactly("to telegram"));
  }

  private void hang() {
    sending.countDown();
    try {
      answer.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void enqueue(OutboxMessage message) {
    database.transactor().inTransaction(stores -> stores.outbox().enqueue(message));
  }
}
