package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderlistbot.core.domain.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The whole bot over Telegram in webhook mode: every scenario of {@link TradingOverTelegramTest},
 * with updates POSTed by the emulator to the bot's listener instead of polled, and a Confirm press
 * Telegram delivers again.
 */
class TradingOverTelegramWebhookTest extends TradingOverTelegramTest {
  private static final String SECRET = "trading-webhook-secret_4Jq9Wx2";

  @Override
  TelegramConfig telegramConfig(String token, BotApiEmulator emulator) {
    int port = TelegramWebhookTest.freePort();
    URI hook = URI.create("http://127.0.0.1:" + port + "/telegram");
    return TelegramConfig.of(Secret.of(token))
        .withApiUrl(emulator.baseUrl())
        .withRequestTimeout(Duration.ofSeconds(5))
        .withWebhook(new TelegramWebhookConfig(hook, Secret.of(SECRET), "127.0.0.1", port));
  }

  @Test
  void aConfirmPressDeliveredAgainPlacesTheListOnce() throws InterruptedException {
    emulator.userSends(ALICE, "private", ALICE, "/oco BTCUSDT sell 0.01 tp 32000 sl 29000");
    JsonNode preview = awaitBotMessage(ALICE, text -> text.startsWith("PREVIEW"));
    String confirm = preview.path("message").path("reply_markup").path("inline_keyboard").path(0).path(0).path("callback_data").asText();

    emulator.userPresses(ALICE, preview, confirm);
    awaitEdited(ALICE, preview, text -> text.startsWith("✅ Placed on PAPER"));
    int press = await().atMost(Duration.ofSeconds(10))
        .until(() -> emulator.deliveries().getLast(), d -> d.path("status").asInt() == 200)
        .path("update_id").asInt();

    assertThat(emulator.redeliver(press)).isEqualTo(200);

    Thread.sleep(500);
    assertThat(paper.openOrderLists(paperKey(ALICE))).hasSize(1);
    assertThat(emulator.calls("setWebhook")).hasSize(1);
  }
}
