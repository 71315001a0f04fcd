package dev.orderlistbot.discord;

import dev.orderlistbot.core.domain.Secret;

/**
 * Why JDA would not start, as an exception that is safe to log: the token is cut out of the message,
 * and the original exception is not kept as the cause (its message, or a cause's, might quote the
 * token); its stack trace is kept.
 */
final class StartFailure {
  private StartFailure() {}

  static IllegalStateException of(RuntimeException failure, Secret token) {
    StringBuilder reasons = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      reasons.append(reasons.isEmpty() ? "" : "; caused by ").append(describe(cause, token));
    }
    IllegalStateException safe =
        new IllegalStateException("could not start the Discord bot: " + reasons);
    safe.setStackTrace(failure.getStackTrace());
    return safe;
  }

  private static String describe(Throwable failure, Secret token) {
    String message = failure.getMessage();
    String name = failure.getClass().getSimpleName();
    return message == null ? name : name + ": " + scrub(message, token);
  }

  static String scrub(String text, Secret token) {
    String value = token.reveal();
    return value.isEmpty() ? text : text.replace(value, "***");
  }
}
