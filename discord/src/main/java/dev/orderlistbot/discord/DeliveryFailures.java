package dev.orderlistbot.discord;

import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * JDA's failures as core's {@link ChatDeliveryException}, so core's outbox knows whether to retry.
 *
 * <ul>
 *   <li>Rate limits are JDA's to wait out (its queues); if one still surfaces ({@link
 *       RateLimitedException}) it is retryable after the wait Discord asked for.
 *   <li>A Discord server error (5xx), a network error, a timeout or a JDA that is shutting down is
 *       retryable.
 *   <li>Every other Discord error code (unknown channel or message, missing access or permission,
 *       the user blocks DMs, an expired interaction) is permanent.
 * </ul>
 *
 * <p>The exception's message names what failed and Discord's code, never the message text. Only a
 * Discord error response is kept as the cause: JDA's own argument checks may quote the content.
 */
final class DeliveryFailures {
  private DeliveryFailures() {}

  /** Runs one blocking JDA call; a failure comes out as a {@link ChatDeliveryException}. */
  static <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (ChatDeliveryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw map(what, e);
    }
  }

  static ChatDeliveryException map(String what, Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof RateLimitedException limited) {
        return ChatDeliveryException.retryLater(
            what + ": rate limited by Discord",
            Optional.of(Duration.ofMillis(Math.max(0, limited.getRetryAfter()))),
            null);
      }
      if (cause instanceof ErrorResponseException response) {
        return fromResponse(what, response);
      }
      if (cause instanceof IOException
          || cause instanceof UncheckedIOException
          || cause instanceof TimeoutException
          || cause instanceof CancellationException
          || cause instanceof RejectedExecutionException) {
        return ChatDeliveryException.retryLater(
            what + ": Discord could not be reached (" + cause.getClass().getSimpleName() + ")",
            Optional.empty(),
            null);
      }
    }
    return ChatDeliveryException.permanent(
        what + ": JDA refused the request (" + failure.getClass().getSimpleName() + ")", null);
  }

  private static ChatDeliveryException fromResponse(String what, ErrorResponseException response) {
    ErrorResponse error = response.getErrorResponse();
    String reason = what + ": Discord answered " + error + " (" + response.getErrorCode() + ")";
    if (response.isServerError() || error == ErrorResponse.SERVER_ERROR) {
      return ChatDeliveryException.retryLater(reason, Optional.empty(), response);
    }
    return ChatDeliveryException.permanent(reason, response);
  }
}
