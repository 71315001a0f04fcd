package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Secret;
import java.net.URI;
import org.junit.jupiter.api.Test;

class TelegramWebhookConfigTest {
  private static final Secret SECRET = Secret.of("A-good_secret-123");

  @Test
  void anHttpsUrlIsTakenAndItsPathIsTheOneServed() {
    TelegramWebhookConfig config =
        new TelegramWebhookConfig(URI.create("https://bot.example.com/telegram/hook"), SECRET, "0.0.0.0", 8443);

    assertThat(config.path()).isEqualTo("/telegram/hook");
    assertThat(config.listenAddress().getPort()).isEqualTo(8443);
  }

  @Test
  void aUrlWithoutAPathServesTheRoot() {
    assertThat(new TelegramWebhookConfig(URI.create("https://bot.example.com"), SECRET, "0.0.0.0", 8443).path()).isEqualTo("/");
  }

  @Test
  void plainHttpIsRefusedExceptForALoopbackHost() {
    assertThatThrownBy(() -> TelegramWebhookConfig.checkUrl(URI.create("http://bot.example.com/hook")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("must be https://");
    assertThatThrownBy(() -> TelegramWebhookConfig.checkUrl(URI.create("http://10.0.0.5:8443/hook")))
        .hasMessageStartingWith("must be https://");
    assertThatCode(() -> TelegramWebhookConfig.checkUrl(URI.create("http://127.0.0.1:8443/hook"))).doesNotThrowAnyException();
    assertThatCode(() -> TelegramWebhookConfig.checkUrl(URI.create("http://localhost:8443/hook"))).doesNotThrowAnyException();
    assertThatCode(() -> TelegramWebhookConfig.checkUrl(URI.create("http://[::1]:8443/hook"))).doesNotThrowAnyException();
  }

  @Test
  void aUrlThatIsNotAnAbsoluteWebUrlOrHasAQueryIsRefused() {
    assertThatThrownBy(() -> TelegramWebhookConfig.checkUrl(URI.create("ftp://bot.example.com/hook")))
        .hasMessageStartingWith("must be an absolute https:// URL");
    assertThatThrownBy(() -> TelegramWebhookConfig.checkUrl(URI.create("/hook"))).hasMessageStartingWith("must be an absolute");
    assertThatThrownBy(() -> TelegramWebhookConfig.checkUrl(URI.create("https://bot.example.com/hook?x=1")))
        .hasMessageStartingWith("must have no query");
  }

  @Test
  void aSecretOfOtherCharactersIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> TelegramWebhookConfig.checkSecret(Secret.of("has space+plus=")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A-Z")
        .hasMessageContaining("openssl rand -hex 32")
        .hasMessageNotContaining("space+plus");
  }

  @Test
  void aSecretMustBeOneTo256CharactersLong() {
    assertThatThrownBy(() -> TelegramWebhookConfig.checkSecret(Secret.of(""))).hasMessageContaining("1 to 256");
    assertThatThrownBy(() -> TelegramWebhookConfig.checkSecret(Secret.of("a".repeat(257)))).hasMessageContaining("1 to 256");
    assertThatCode(() -> TelegramWebhookConfig.checkSecret(Secret.of("a".repeat(256)))).doesNotThrowAnyException();
  }

  @Test
  void theListenPortMustBeAPort() {
    assertThatThrownBy(() -> new TelegramWebhookConfig(URI.create("https://b.example/h"), SECRET, "0.0.0.0", 0))
        .hasMessageContaining("1 to 65535");
  }

  @Test
  void webhookModeIsOffUnlessSet() {
    TelegramConfig polling = TelegramConfig.of(Secret.of(DeliveryFailuresTest.TOKEN));

    assertThat(polling.webhook()).isEmpty();
    assertThat(polling.withWebhook(new TelegramWebhookConfig(URI.create("https://b.example/h"), SECRET, "::", 8443)).webhook())
        .isPresent();
  }
}
