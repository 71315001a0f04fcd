package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.telegram.TelegramWebhookConfig;
import java.net.URI;
import java.util.Optional;

/**
 * Which chat platforms to start: a token turns one on; with none, the console chat runs.
 *
 * @param telegramToken {@code TELEGRAM_BOT_TOKEN} or {@code TELEGRAM_BOT_TOKEN_FILE}
 * @param telegramApiUrl {@code TELEGRAM_API_URL}: a self-hosted Bot API server (or a test emulator)
 * @param telegramWebhook Telegram's webhook mode, when {@code TELEGRAM_WEBHOOK_URL} is set; long
 *     polling otherwise (see {@link TelegramWebhookSettings})
 * @param discordToken {@code DISCORD_BOT_TOKEN} or {@code DISCORD_BOT_TOKEN_FILE}
 */
record PlatformSettings(
    Optional<Secret> telegramToken,
    Optional<URI> telegramApiUrl,
    Optional<TelegramWebhookConfig> telegramWebhook,
    Optional<Secret> discordToken) {
  static final String TELEGRAM_TOKEN = "TELEGRAM_BOT_TOKEN";
  static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
  static final String DISCORD_TOKEN = "DISCORD_BOT_TOKEN";

  static PlatformSettings from(Env env) {
    Optional<Secret> telegramToken = env.secret(TELEGRAM_TOKEN);
    return new PlatformSettings(
        telegramToken,
        env.uri(TELEGRAM_API_URL, "http", "https"),
        TelegramWebhookSettings.from(env, telegramToken.isPresent()),
        env.secret(DISCORD_TOKEN));
  }

  /** Whether no chat network is configured, so the console chat runs. */
  boolean consoleOnly() {
    return telegramToken.isEmpty() && discordToken.isEmpty();
  }
}
