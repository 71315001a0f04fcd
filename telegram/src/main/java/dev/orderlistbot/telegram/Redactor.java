package dev.orderlistbot.telegram;

import dev.orderlistbot.core.domain.Secret;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the bot token (and, in webhook mode, the webhook secret) out of text and exceptions. The token sits in every Bot API URL path ({@code
 * /bot<token>/sendMessage}), so anything that may quote a URL, an error page or a request must pass
 * through here before it is logged or leaves the module.
 *
 * <p>Besides the configured token it masks anything shaped like a bot token ({@code
 * 123456:AA…}), so a token read from elsewhere is not printed either. Thread-safe.
 */
final class Redactor {
  static final String MASK = "<bot-token>";
  static final String SECRET_MASK = "<webhook-secret>";
  private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{3,}(:|%3A|%3a)[A-Za-z0-9_-]{20,}");

  private final String token;
  private final String encodedToken;
  private final Optional<String> webhookSecret;

  Redactor(Secret token) {
    this(token, Optional.empty());
  }

  /** Also masks {@code webhookSecret}, what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}. */
  Redactor(Secret token, Optional<Secret> webhookSecret) {
    this.token = token.reveal();
    this.encodedToken = URLEncoder.encode(this.token, StandardCharsets.UTF_8);
    this.webhookSecret = webhookSecret.map(Secret::reveal).filter(s -> !s.isEmpty());
  }

  /** The text with every form of the token replaced by {@link #MASK}; null stays null. */
  String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text.replace(token, MASK).replace(encodedToken, MASK);
    if (webhookSecret.isPresent()) {
      out = out.replace(webhookSecret.get(), SECRET_MASK);
    }
    return TOKEN_SHAPE.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
  }

  /**
   * A stand-in for {@code failure} and its causes that keeps their types' names and stack traces but
   * carries only scrubbed messages; safe to log and to attach as a cause.
   */
  Throwable scrub(Throwable failure) {
    if (failure == null) {
      return null;
    }
    RedactedFailure copy = new RedactedFailure(describe(failure), scrub(failure.getCause()));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** The same for an I/O failure inside OkHttp, still an {@link IOException}. */
  IOException scrub(IOException failure) {
    IOException copy = new IOException(describe(failure), scrub(failure.getCause()));
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /**
   * {@code SimpleName: scrubbed message; caused by …} for the failure and up to two causes: one
   * line for a log or an exception message.
   */
  String describeChain(Throwable failure) {
    StringBuilder out = new StringBuilder(describe(failure));
    Throwable cause = failure.getCause();
    for (int depth = 0; cause != null && depth < 2; depth++, cause = cause.getCause()) {
      out.append("; caused by ").append(describe(cause));
    }
    return out.toString();
  }

  /** {@code SimpleName: scrubbed message}, one line for a log or an exception message. */
  String describe(Throwable failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null ? name : name + ": " + scrub(message);
  }

  /** A scrubbed copy of an exception: its message names the original type. */
  static final class RedactedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RedactedFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
