package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.TelegramUrl;

class TelegramConfigTest {
  private static final String TOKEN = DeliveryFailuresTest.TOKEN;

  @Test
  void defaultsToTelegramsOwnBotApiWithLongPolling() {
    TelegramConfig config = TelegramConfig.of(Secret.of(TOKEN));

    assertThat(config.telegramUrl()).isEqualTo(TelegramUrl.DEFAULT_URL);
    assertThat(config.pollTimeout()).isEqualTo(Duration.ofSeconds(50));
    assertThat(config.minPollInterval()).isZero();
  }

  @Test
  void apiUrlPointsAtASelfHostedBotApiServer() {
    TelegramConfig config = TelegramConfig.of(Secret.of(TOKEN)).withApiUrl(URI.create("http://127.0.0.1:8081"));

    assertThat(config.telegramUrl()).isEqualTo(new TelegramUrl("http", "127.0.0.1", 8081, false));
  }

  @Test
  void apiUrlWithoutAPortUsesTheSchemesDefault() {
    assertThat(TelegramConfig.of(Secret.of(TOKEN)).withApiUrl(URI.create("https://bots.example/")).telegramUrl())
        .isEqualTo(new TelegramUrl("https", "bots.example", 443, false));
  }

  @Test
  void apiUrlWithAPathIsRefusedBecauseTelegramBotsWouldIgnoreIt() {
    assertThatThrownBy(() -> TelegramConfig.of(Secret.of(TOKEN)).withApiUrl(URI.create("http://h:1/api")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("base URL");
  }

  @Test
  void apiUrlMustBeHttpOrHttps() {
    assertThatThrownBy(() -> TelegramConfig.of(Secret.of(TOKEN)).withApiUrl(URI.create("ftp://h:1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokenThatCouldBreakTheUrlPathIsRefusedWithoutBeingQuoted() {
    assertThatThrownBy(() -> TelegramConfig.of(Secret.of("123:abc/../x")))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("abc");
    assertThatThrownBy(() -> TelegramConfig.of(Secret.of("  "))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void printingTheConfigNeverShowsTheToken() {
    assertThat(TelegramConfig.of(Secret.of(TOKEN)).toString()).doesNotContain(TOKEN).contains("***");
  }

  @Test
  void pollingSettingsAreChecked() {
    TelegramConfig config = TelegramConfig.of(Secret.of(TOKEN));
    assertThatThrownBy(() -> config.withPolling(Duration.ofSeconds(-1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withPolling(Duration.ofMinutes(11), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withRequestTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
