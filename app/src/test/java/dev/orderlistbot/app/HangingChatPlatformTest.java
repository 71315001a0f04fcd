package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.testing.Gate;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running bot with a chat platform that stops answering (Telegram unreachable: every send hangs
 * until its timeout): the bot's timers and the other platforms carry on.
 */
class HangingChatPlatformTest {
  private static final Symbol BTCUSDT = new Symbol("BTCUSDT");

  @TempDir Path dir;
  private final Gate telegramAnswers = new Gate();

  @Test
  void aChatPlatformWhoseSendsHangHoldsUpNeitherTheBotsTimersNorAnotherPlatformsNotices() throws InterruptedException {
    AppConfig config =
        AppConfig.from(Map.of("BOT_DATA_DIR", dir.toString(), "BOT_PAPER_WALK_SECONDS", "1", "BOT_HTTP_PORT", "0"));
    SecureRandom random = new SecureRandom();
    Platform telegram = new Platform("telegram", telegramAnswers::pass);
    Platform console = new Platform("console", () -> {});
    try (Storage storage = new Assembly(Clock.systemUTC(), random).openStorage(config);
        BotRuntime bot =
            BotRuntime.start(
                config, storage, List.of(telegram, console), Optional.empty(), Clock.systemUTC(), random, new BotMetrics())) {
      try {
        enqueue(storage, new OutboxMessage("hangs", new ChatRef("telegram", "1001"), "to telegram"));
        assertThat(telegramAnswers.awaitReached(Duration.ofSeconds(10))).as("the outbox's drain reached Telegram").isTrue();
        Price before = bot.exchange().lastPrice(BTCUSDT);
        // no event wakes the dispatcher for this one: only the drain timer can deliver it
        enqueue(storage, new OutboxMessage("goes", new ChatRef("console", "local"), "to the console"));

        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () ->
                    assertThat(bot.exchange().lastPrice(BTCUSDT))
                        .as("the paper market's price, walked by a timer every second, while Telegram hangs")
                        .isNotEqualByComparingTo(before));
        await()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(
                () -> assertThat(console.sent).as("the console's notice, while Telegram hangs").containsExactly("to the console"));
      } finally {
        telegramAnswers.open();
      }
    }
  }

  private static void enqueue(Storage storage, OutboxMessage message) {
    storage.database().transactor().inTransaction(stores -> stores.outbox().enqueue(message));
  }

  /** Records what it was sent after running {@code beforeEachSend}. */
  private record Platform(String platform, Runnable beforeEachSend, List<String> sent) implements ChatPlatform {
    Platform(String platform, Runnable beforeEachSend) {
      this(platform, beforeEachSend, new CopyOnWriteArrayList<>());
    }

    @Override
    public MessageRef send(ChatRef chat, OutboundMessage message) {
      beforeEachSend.run();
      sent.add(message.text());
      return new MessageRef(chat, platform + "-" + sent.size());
    }

    @Override
    public void edit(MessageRef message, OutboundMessage replacement) {
      sent.add(replacement.text());
    }

    @Override
    public boolean delete(MessageRef message) {
      return false;
    }
  }
}
