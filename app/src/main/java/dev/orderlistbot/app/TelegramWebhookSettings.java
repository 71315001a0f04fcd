package dev.orderlistbot.app;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.telegram.TelegramWebhookConfig;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram's webhook mode, on when {@code TELEGRAM_WEBHOOK_URL} is set (long polling otherwise).
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>TELEGRAM_WEBHOOK_URL</td><td>unset (polling)</td><td>the public https URL of the
 *       operator's reverse proxy; http only for a loopback host</td></tr>
 *   <tr><td>TELEGRAM_WEBHOOK_SECRET / _FILE</td><td>required with the URL</td><td>1 to 256 of A-Z
 *       a-z 0-9 _ -, e.g. {@code openssl rand -hex 32}</td></tr>
 *   <tr><td>TELEGRAM_WEBHOOK_LISTEN</td><td>0.0.0.0:8443</td><td>host:port the bot listens on,
 *       where the proxy forwards to</td></tr>
 * </table>
 *
 * <p>A secret or listen address without the URL is a problem, not silently ignored: the bot would
 * poll instead, and polling deletes the webhook the other instances receive on. No problem quotes
 * the secret.
 */
final class TelegramWebhookSettings {
  static final String URL = "TELEGRAM_WEBHOOK_URL";
  static final String SECRET = "TELEGRAM_WEBHOOK_SECRET";
  static final String LISTEN = "TELEGRAM_WEBHOOK_LISTEN";
  static final String DEFAULT_LISTEN = "0.0.0.0:8443";
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^\\s:/\\[\\]]+):([0-9]{1,5})");

  private TelegramWebhookSettings() {}

  /** The webhook settings when the URL is set; every problem goes to {@code env}. */
  static Optional<TelegramWebhookConfig> from(Env env, boolean telegramOn) {
    Optional<URI> url = env.uri(URL, "https", "http");
    boolean urlSet = env.text(URL).isPresent();
    int problemsBefore = env.problems().size();
    Optional<Secret> secret = env.secret(SECRET);
    boolean secretUnreadable = env.problems().size() > problemsBefore; // both set, or a file not read
    Optional<String> listen = env.text(LISTEN);
    if (!urlSet) {
      secret.ifPresent(s -> env.problem(SECRET, "set, but " + URL + " is not: set the URL for webhook mode, or unset this for long polling"));
      listen.ifPresent(l -> env.problem(LISTEN, "set, but " + URL + " is not: set the URL for webhook mode, or unset this for long polling"));
      return Optional.empty();
    }
    if (!telegramOn) {
      env.problem(URL, "set, but " + PlatformSettings.TELEGRAM_TOKEN + " is not");
    }
    url = url.filter(u -> checked(env, URL, () -> TelegramWebhookConfig.checkUrl(u)));
    if (secret.isEmpty() && !secretUnreadable) {
      env.problem(
          SECRET,
          "required in webhook mode (" + URL + " is set): 1 to 256 of A-Z a-z 0-9 _ -, make one with: openssl rand -hex 32");
    }
    secret = secret.filter(s -> checked(env, SECRET, () -> TelegramWebhookConfig.checkSecret(s)));
    Matcher hostPort = HOST_PORT.matcher(listen.orElse(DEFAULT_LISTEN));
    int port = hostPort.matches() ? Integer.parseInt(hostPort.group(2)) : -1;
    if (port < 1 || port > 65_535) {
      env.problem(LISTEN, "must be host:port with a port of 1 to 65535, such as 0.0.0.0:8443 or [::]:8443, was '" + listen.orElse("") + "'");
      return Optional.empty();
    }
    if (url.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    String host = hostPort.group(1).replace("[", "").replace("]", "");
    return Optional.of(new TelegramWebhookConfig(url.get(), secret.get(), host, port));
  }

  private static boolean checked(Env env, String variable, Runnable check) {
    try {
      check.run();
      return true;
    } catch (IllegalArgumentException e) {
      env.problem(variable, e.getMessage());
      return false;
    }
  }
}
