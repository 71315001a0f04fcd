package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting and stopping in webhook mode, and going back to polling, against a fresh emulator each. */
class WebhookLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long CHAT = 801;

  private BotApiEmulator emulator;
  private int port;
  private URI hook;

  @BeforeEach
  void startEmulator() {
    emulator = BotApiEmulator.start(TelegramWebhookTest.TOKEN);
    port = TelegramWebhookTest.freePort();
    hook = URI.create("http://127.0.0.1:" + port + "/hook");
  }

  @AfterEach
  void stopEmulator() {
    emulator.close();
  }

  @Test
  void stoppingFinishesTheEventInHandAndLeavesTheWebhookSetForTheOtherInstances() {
    TelegramChatPlatform platform = new TelegramChatPlatform(TelegramWebhookTest.config(emulator, hook, port));
    EchoHandler core = new EchoHandler();
    core.use(platform);
    platform.start(core);
    emulator.userSends(CHAT, "private", CHAT, "/slow");
    await().atMost(WAIT).until(() -> !core.events.isEmpty());

    platform.close();

    assertThat(emulator.botMessages(CHAT)).extracting(m -> m.path("message").path("text").asText()).containsExactly("slow done");
    assertThat(emulator.calls("deleteWebhook")).isEmpty();
    assertThat(emulator.webhookInfo().path("url").asText()).isEqualTo(hook.toString());
  }

  @Test
  void aPollingStartDeletesTheWebhookAndTakesTheUpdatesOver() {
    TelegramChatPlatform webhook = new TelegramChatPlatform(TelegramWebhookTest.config(emulator, hook, port));
    webhook.start(new EchoHandler());
    webhook.close();
    TelegramChatPlatform polling =
        new TelegramChatPlatform(
            TelegramConfig.of(Secret.of(TelegramWebhookTest.TOKEN))
                .withApiUrl(emulator.baseUrl())
                .withPolling(Duration.ofSeconds(1), Duration.ofMillis(50))
                .withRequestTimeout(Duration.ofSeconds(5)));
    EchoHandler core = new EchoHandler();
    core.use(polling);
    try {
      polling.start(core);
      emulator.userSends(CHAT, "private", CHAT, "/echo polled");

      await().atMost(WAIT).until(() -> !emulator.botMessages(CHAT).isEmpty());
      assertThat(emulator.botMessages(CHAT).getLast().path("message").path("text").asText()).isEqualTo("echo: polled");
      assertThat(emulator.calls("deleteWebhook")).hasSize(1);
      assertThat(emulator.calls("deleteWebhook").getFirst().path("drop_pending_updates").asBoolean(false)).isFalse();
      assertThat(emulator.webhookInfo().path("url").asText()).isEmpty();
    } finally {
      polling.close();
    }
  }

  @Test
  void aWebhookTelegramRefusesStopsTheStartAndFreesThePort() throws IOException {
    emulator.failNext(
        "setWebhook", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: bad webhook: HTTPS url must be provided for webhook\"}", 1);
    TelegramChatPlatform platform = new TelegramChatPlatform(TelegramWebhookTest.config(emulator, hook, port));
    try {
      assertThatThrownBy(() -> platform.start(new EchoHandler()))
          .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse())
          .hasMessageContaining("setWebhook")
          .hasMessageContaining("HTTPS url must be provided");
    } finally {
      platform.close();
    }
    try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void aListenAddressInUseStopsTheStartSayingWhichOne() throws IOException {
    try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      TelegramChatPlatform platform = new TelegramChatPlatform(TelegramWebhookTest.config(emulator, hook, taken.getLocalPort()));
      try {
        assertThatThrownBy(() -> platform.start(new EchoHandler()))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
      } finally {
        platform.close();
      }
    }
    assertThat(emulator.calls("setWebhook")).isEmpty();
  }
}
