package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.telegram.TelegramWebhookConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramWebhookSettingsTest {
  private static final String SECRET = "Wh-secret_0123456789abcdef";

  @Test
  void withoutAWebhookUrlTelegramPolls() {
    assertThat(AppConfig.from(Map.of("TELEGRAM_BOT_TOKEN", "123:abc")).platforms().telegramWebhook()).isEmpty();
  }

  @Test
  void aUrlAndASecretFileTurnOnWebhookModeListeningOnPort8443OfEveryAddress(@TempDir Path dir) throws Exception {
    Path secretFile = dir.resolve("webhook.secret");
    Files.writeString(secretFile, SECRET + "\n");

    TelegramWebhookConfig webhook =
        AppConfig.from(
                Map.of(
                    "TELEGRAM_BOT_TOKEN", "123:abc",
                    "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram",
                    "TELEGRAM_WEBHOOK_SECRET_FILE", secretFile.toString()))
            .platforms()
            .telegramWebhook()
            .orElseThrow();

    assertThat(webhook.url()).isEqualTo(URI.create("https://bot.example.com/telegram"));
    assertThat(webhook.secret().reveal()).isEqualTo(SECRET);
    assertThat(webhook.listenHost()).isEqualTo("0.0.0.0");
    assertThat(webhook.listenPort()).isEqualTo(8443);
  }

  @Test
  void anEmptySecretFileCountsAsNoSecret(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.secret"), "\n");
    Map<String, String> env = new HashMap<>(base());
    env.remove("TELEGRAM_WEBHOOK_SECRET");
    env.put("TELEGRAM_WEBHOOK_SECRET_FILE", empty.toString());

    assertThat(problemsOf(env)).singleElement().asString().startsWith("TELEGRAM_WEBHOOK_SECRET: required in webhook mode");
  }

  @Test
  void theListenAddressIsHostColonPortWithIpv6InBrackets() {
    assertThat(webhook(Map.of("TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1:9000")).listenHost()).isEqualTo("127.0.0.1");
    TelegramWebhookConfig ipv6 = webhook(Map.of("TELEGRAM_WEBHOOK_LISTEN", "[::]:8444"));
    assertThat(ipv6.listenHost()).isEqualTo("::");
    assertThat(ipv6.listenPort()).isEqualTo(8444);
  }

  @Test
  void plainHttpIsRefusedNamingTheVariableButAcceptedForALoopbackHost() {
    assertThat(problems(Map.of("TELEGRAM_WEBHOOK_URL", "http://bot.example.com/telegram")))
        .singleElement()
        .asString()
        .startsWith("TELEGRAM_WEBHOOK_URL: must be https://");
    assertThat(webhook(Map.of("TELEGRAM_WEBHOOK_URL", "http://127.0.0.1:8443/telegram")).url().getScheme()).isEqualTo("http");
  }

  @Test
  void theSecretIsRequiredInWebhookModeWithHowToMakeOne() {
    Map<String, String> env = new HashMap<>(base());
    env.remove("TELEGRAM_WEBHOOK_SECRET");

    assertThat(problemsOf(env))
        .singleElement()
        .asString()
        .startsWith("TELEGRAM_WEBHOOK_SECRET: required in webhook mode")
        .contains("openssl rand -hex 32");
  }

  @Test
  void aSecretWithCharactersTelegramRefusesIsRefusedWithoutQuotingIt() {
    List<String> problems = problems(Map.of("TELEGRAM_WEBHOOK_SECRET", "not/allowed+secret"));

    assertThat(problems).singleElement().asString().startsWith("TELEGRAM_WEBHOOK_SECRET: may hold only");
    assertThat(problems).noneMatch(p -> p.contains("not/allowed+secret"));
    assertThat(problems(Map.of("TELEGRAM_WEBHOOK_SECRET", "x".repeat(257))))
        .singleElement().asString().startsWith("TELEGRAM_WEBHOOK_SECRET: must be 1 to 256 characters long");
  }

  @Test
  void aListenAddressThatIsNotHostColonPortIsRefused() {
    assertThat(problems(Map.of("TELEGRAM_WEBHOOK_LISTEN", "8443"))).singleElement().asString().startsWith("TELEGRAM_WEBHOOK_LISTEN: must be host:port");
    assertThat(problems(Map.of("TELEGRAM_WEBHOOK_LISTEN", "0.0.0.0:70000"))).singleElement().asString().contains("1 to 65535");
  }

  @Test
  void aSecretOrListenAddressWithoutTheUrlIsAProblemNotASilentFallBackToPolling() {
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("TELEGRAM_BOT_TOKEN", "123:abc", "TELEGRAM_WEBHOOK_SECRET", SECRET, "TELEGRAM_WEBHOOK_LISTEN", "0.0.0.0:8443")))
        .isInstanceOfSatisfying(
            AppException.class,
            e -> assertThat(e.problems())
                .containsExactly(
                    "TELEGRAM_WEBHOOK_SECRET: set, but TELEGRAM_WEBHOOK_URL is not: set the URL for webhook mode, or unset this for long polling",
                    "TELEGRAM_WEBHOOK_LISTEN: set, but TELEGRAM_WEBHOOK_URL is not: set the URL for webhook mode, or unset this for long polling"));
  }

  @Test
  void aWebhookWithoutATelegramTokenIsAProblem() {
    Map<String, String> env = new HashMap<>(base());
    env.remove("TELEGRAM_BOT_TOKEN");

    assertThat(problemsOf(env)).containsExactly("TELEGRAM_WEBHOOK_URL: set, but TELEGRAM_BOT_TOKEN is not");
  }

  private static Map<String, String> base() {
    return Map.of(
        "TELEGRAM_BOT_TOKEN", "123:abc",
        "TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram",
        "TELEGRAM_WEBHOOK_SECRET", SECRET);
  }

  private static Map<String, String> with(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(base());
    env.putAll(overrides);
    return env;
  }

  private static TelegramWebhookConfig webhook(Map<String, String> overrides) {
    return AppConfig.from(with(overrides)).platforms().telegramWebhook().orElseThrow();
  }

  private static List<String> problems(Map<String, String> overrides) {
    return problemsOf(with(overrides));
  }

  private static List<String> problemsOf(Map<String, String> env) {
    try {
      AppConfig.from(env);
    } catch (AppException e) {
      return e.problems();
    }
    throw new AssertionError("expected a configuration problem");
  }
}
