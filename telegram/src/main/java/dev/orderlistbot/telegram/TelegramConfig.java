package dev.orderlistbot.telegram;

import dev.orderlistbot.core.domain.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * What the Telegram adapter needs, read by the app from {@code TELEGRAM_BOT_TOKEN}, {@code
 * TELEGRAM_API_URL} and, for webhook mode, the {@code TELEGRAM_WEBHOOK_*} variables.
 *
 * @param token the bot token from BotFather; it ends up in every Bot API URL path, so the adapter
 *     scrubs it from every log line and exception it lets out
 * @param apiUrl the Bot API base URL, e.g. {@code http://127.0.0.1:8081} for a self-hosted Bot API
 *     server or an emulator; empty means Telegram's own
 * @param pollTimeout the long-polling {@code timeout} Telegram holds a {@code getUpdates} open (0 to
 *     10 minutes; Telegram suggests at most 50 s)
 * @param requestTimeout how long one send, edit or delete may take before it counts as a network
 *     error (and so as retryable)
 * @param minPollInterval the least time between two {@code getUpdates} calls: zero for Telegram,
 *     which holds each call open itself; a little for an emulator that answers at once
 * @param webhook how Telegram delivers updates: empty for long polling (the default), else webhook
 *     mode with these settings
 */
public record TelegramConfig(
    Secret token,
    Optional<URI> apiUrl,
    Duration pollTimeout,
    Duration requestTimeout,
    Duration minPollInterval,
    Optional<TelegramWebhookConfig> webhook) {

  public static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(50);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration MAX_POLL_TIMEOUT = Duration.ofMinutes(10);

  public TelegramConfig {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(minPollInterval, "minPollInterval");
    Objects.requireNonNull(webhook, "webhook");
    checkToken(token);
    apiUrl.ifPresent(TelegramConfig::checkApiUrl);
    if (pollTimeout.isNegative() || pollTimeout.compareTo(MAX_POLL_TIMEOUT) > 0) {
      throw new IllegalArgumentException("the poll timeout must be 0 to 10 minutes");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("the request timeout must be positive");
    }
    if (minPollInterval.isNegative()) {
      throw new IllegalArgumentException("the minimum poll interval must not be negative");
    }
  }

  /** Telegram's own Bot API with the default timeouts. */
  public static TelegramConfig of(Secret token) {
    return new TelegramConfig(
        token, Optional.empty(), DEFAULT_POLL_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Duration.ZERO, Optional.empty());
  }

  /** The same, against another Bot API server ({@code TELEGRAM_API_URL}). */
  public TelegramConfig withApiUrl(URI url) {
    return new TelegramConfig(token, Optional.of(url), pollTimeout, requestTimeout, minPollInterval, webhook);
  }

  /** The same, with other long-polling settings. */
  public TelegramConfig withPolling(Duration timeout, Duration minInterval) {
    return new TelegramConfig(token, apiUrl, timeout, requestTimeout, minInterval, webhook);
  }

  /** The same, with another timeout for one send, edit or delete. */
  public TelegramConfig withRequestTimeout(Duration timeout) {
    return new TelegramConfig(token, apiUrl, pollTimeout, timeout, minPollInterval, webhook);
  }

  /** The same, receiving updates by webhook instead of long polling. */
  public TelegramConfig withWebhook(TelegramWebhookConfig settings) {
    return new TelegramConfig(token, apiUrl, pollTimeout, requestTimeout, minPollInterval, Optional.of(settings));
  }

  /** The base URL as TelegramBots takes it. */
  TelegramUrl telegramUrl() {
    return apiUrl
        .map(url -> new TelegramUrl(url.getScheme(), url.getHost(), port(url), false))
        .orElse(TelegramUrl.DEFAULT_URL);
  }

  private static int port(URI url) {
    if (url.getPort() >= 0) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  private static void checkToken(Secret token) {
    // never put the token itself in these messages
    String value = token.reveal();
    if (value.isBlank()) {
      throw new IllegalArgumentException("the Telegram bot token is empty");
    }
    if (value.chars().anyMatch(c -> Character.isWhitespace(c) || "/?#%".indexOf(c) >= 0)) {
      throw new IllegalArgumentException(
          "the Telegram bot token has characters a token never has (space, /, ?, # or %)");
    }
  }

  private static void checkApiUrl(URI url) {
    String scheme = url.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw new IllegalArgumentException("the Telegram API URL must start with http:// or https://");
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("the Telegram API URL has no host");
    }
    String path = url.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || url.getRawQuery() != null
        || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the Telegram API URL is a base URL only, like http://127.0.0.1:8081 (no path, query or user)");
    }
  }
}
