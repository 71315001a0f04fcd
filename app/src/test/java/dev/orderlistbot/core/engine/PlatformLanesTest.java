package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.Gate;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each chat platform is sent to on its own: one that hangs holds up no other. */
class PlatformLanesTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Gate telegramAnswers = new Gate();
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 8), clock);
  }

  @AfterEach
  void close() {
    telegramAnswers.open();
    workers.close();
    database.close();
  }

  @Test
  void aPlatformWhoseSendHangsDoesNotHoldUpAnotherPlatformsNotices() throws InterruptedException {
    ScriptedChatPlatform telegram = new ScriptedChatPlatform("telegram", send -> telegramAnswers.pass());
    ScriptedChatPlatform discord = new ScriptedChatPlatform("discord", send -> {});
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(database.transactor(), ChatPlatforms.of(telegram, discord), clock, workers);
    enqueue(new OutboxMessage("t", new ChatRef("telegram", "1001"), "to telegram"));
    enqueue(new OutboxMessage("d", new ChatRef("discord", "42"), "to discord"));

    dispatcher.trigger();

    assertThat(telegramAnswers.awaitReached(Duration.ofSeconds(5))).as("Telegram's send started").isTrue();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(discord.sent()).as("Discord, while Telegram hangs").containsExactly("to discord"));
    telegramAnswers.open();
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(telegram.sent()).containsExactly("to telegram"));
  }

  @Test
  void anInstanceWithoutDiscordLeavesDiscordsNoticesToTheInstanceThatRunsIt() {
    ScriptedChatPlatform telegram = new ScriptedChatPlatform("telegram", send -> {});
    ScriptedChatPlatform discord = new ScriptedChatPlatform("discord", send -> {});
    DispatchSettings twoInstances = DispatchSettings.defaults().withOthersLive(() -> true);
    NotificationDispatcher withoutDiscord =
        new NotificationDispatcher(database.transactor(), ChatPlatforms.of(telegram), clock, Runnable::run, twoInstances);
    NotificationDispatcher withDiscord =
        new NotificationDispatcher(database.transactor(), ChatPlatforms.of(discord), clock, Runnable::run, twoInstances);
    enqueue(new OutboxMessage("d", new ChatRef("discord", "42"), "to discord"));

    withoutDiscord.drainOnce();
    withDiscord.drainOnce();

    assertThat(discord.sent()).as("not held back a minute by the instance without Discord").containsExactly("to discord");
  }

  private void enqueue(OutboxMessage message) {
    database.transactor().inTransaction(stores -> stores.outbox().enqueue(message));
  }
}
