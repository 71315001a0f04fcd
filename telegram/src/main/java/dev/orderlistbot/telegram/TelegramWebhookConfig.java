package dev.orderlistbot.telegram;

import dev.orderlistbot.core.domain.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Webhook mode: Telegram POSTs each update to {@code url} (the operator's reverse proxy, which
 * terminates TLS and forwards to {@code listenHost:listenPort}) with the header {@code
 * X-Telegram-Bot-Api-Secret-Token: secret}. Read by the app from {@code TELEGRAM_WEBHOOK_URL}, {@code
 * TELEGRAM_WEBHOOK_SECRET} (or {@code _FILE}) and {@code TELEGRAM_WEBHOOK_LISTEN}.
 *
 * <p>No message of this record quotes the secret.
 *
 * @param url the public URL Telegram calls: {@code https}, or {@code http} for a loopback host only
 *     (tests, an emulator); its path is the one path the bot answers
 * @param secret what Telegram sends in the header: 1 to 256 of {@code A-Z a-z 0-9 _ -}
 * @param listenHost the address the bot's HTTP server binds to, e.g. {@code 0.0.0.0}
 * @param listenPort the port it binds to, 1 to 65535
 */
public record TelegramWebhookConfig(URI url, Secret secret, String listenHost, int listenPort) {
  /** The largest update body read; Telegram's updates are a few kilobytes. */
  static final int MAX_BODY_BYTES = 1 << 20;
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

  public TelegramWebhookConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(listenHost, "listenHost");
    checkUrl(url);
    checkSecret(secret);
    if (listenHost.isBlank()) {
      throw new IllegalArgumentException("the webhook listen host is empty");
    }
    if (listenPort < 1 || listenPort > 65_535) {
      throw new IllegalArgumentException("the webhook listen port must be 1 to 65535, was " + listenPort);
    }
  }

  /** The one path the bot answers: the URL's path, {@code /} when it has none. */
  public String path() {
    String path = url.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  InetSocketAddress listenAddress() {
    return new InetSocketAddress(listenHost, listenPort);
  }

  /**
   * Refuses a URL Telegram would not call, or that would carry updates in clear over a network.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException("must be an absolute https:// URL, like https://bot.example.com/telegram");
    }
    if (scheme.equals("http") && !isLoopback(url.getHost())) {
      throw new IllegalArgumentException(
          "must be https:// (Telegram calls webhooks over TLS only; http:// is accepted for a loopback host only), was "
              + url);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
      throw new IllegalArgumentException("must have no query, fragment or user, like https://bot.example.com/telegram");
    }
  }

  /**
   * Refuses a secret Telegram would refuse: 1 to 256 characters of {@code A-Z a-z 0-9 _ -}.
   *
   * @throws IllegalArgumentException saying what is wrong, never quoting the secret
   */
  public static void checkSecret(Secret secret) {
    String value = secret.reveal();
    if (value.isEmpty() || value.length() > 256) {
      throw new IllegalArgumentException("must be 1 to 256 characters long, was " + value.length());
    }
    if (!SECRET.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "may hold only the letters A-Z and a-z, the digits 0-9, _ and - (make one with: openssl rand -hex 32)");
    }
  }

  private static boolean isLoopback(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!bare.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
      return false; // a name: never resolved here, so only "localhost" counts
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
