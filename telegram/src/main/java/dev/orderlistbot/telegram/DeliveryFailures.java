package dev.orderlistbot.telegram;

import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Turns what TelegramBots throws into the one exception core understands, decided once, here:
 *
 * <ul>
 *   <li>{@code 429 Too Many Requests}: retry later, after {@code parameters.retry_after} seconds
 *       when Telegram said so;
 *   <li>{@code 5xx}, network errors, timeouts and answers that are not Bot API JSON (a proxy's
 *       error page): retry later;
 *   <li>other {@code 4xx} ({@code 400 chat not found}, {@code 403 bot was blocked by the user}),
 *       and requests TelegramBots refused to send: permanent.
 * </ul>
 *
 * <p>Messages and causes are scrubbed of the bot token; they name the method and Telegram's own
 * description, never the text that was being sent.
 */
final class DeliveryFailures {
  private final Redactor redactor;

  DeliveryFailures(Redactor redactor) {
    this.redactor = redactor;
  }

  ChatDeliveryException of(String method, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (hasInterrupt(cause)) {
      Thread.currentThread().interrupt();
      return ChatDeliveryException.retryLater(
          "interrupted while calling Telegram " + method, Optional.empty(), redactor.scrub(cause));
    }
    Optional<TelegramApiRequestException> refusal = apiRefusal(cause);
    if (refusal.isPresent()) {
      return refused(method, refusal.get());
    }
    if (cause instanceof TelegramApiValidationException) {
      return ChatDeliveryException.permanent(
          "Telegram " + method + " not sent, the request is invalid: " + redactor.describe(cause),
          redactor.scrub(cause));
    }
    return ChatDeliveryException.retryLater(
        "Telegram unreachable for " + method + ": " + redactor.describeChain(cause),
        Optional.empty(),
        redactor.scrub(cause));
  }

  /** Telegram's error code, when the failure is a Bot API answer with one. */
  static Optional<Integer> errorCode(Throwable failure) {
    return apiRefusal(unwrap(failure)).map(TelegramApiRequestException::getErrorCode);
  }

  /** Telegram's description ({@code Bad Request: message is not modified}), when there is one. */
  static Optional<String> description(Throwable failure) {
    return apiRefusal(unwrap(failure)).map(TelegramApiRequestException::getApiResponse);
  }

  /** Whether the failure is Telegram's {@code 400 Bad Request} whose description contains {@code words}. */
  static boolean isBadRequest(Throwable failure, String words) {
    return errorCode(failure).filter(code -> code == 400).isPresent()
        && description(failure).filter(d -> d.contains(words)).isPresent();
  }

  private ChatDeliveryException refused(String method, TelegramApiRequestException refusal) {
    int code = refusal.getErrorCode();
    String message =
        "Telegram refused " + method + ": [" + code + "] "
            + redactor.scrub(Objects.toString(refusal.getApiResponse(), "(no description)"));
    Throwable cause = redactor.scrub(refusal);
    if (code == 429) {
      return ChatDeliveryException.retryLater(message, retryAfter(refusal), cause);
    }
    if (code >= 500) {
      return ChatDeliveryException.retryLater(message, Optional.empty(), cause);
    }
    return ChatDeliveryException.permanent(message, cause);
  }

  private static Optional<Duration> retryAfter(TelegramApiRequestException refusal) {
    return Optional.ofNullable(refusal.getParameters())
        .map(ResponseParameters::getRetryAfter)
        .filter(seconds -> seconds > 0)
        .map(Duration::ofSeconds);
  }

  /** A Bot API answer {@code {"ok":false,"error_code":…}} somewhere in the chain. */
  private static Optional<TelegramApiRequestException> apiRefusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TelegramApiRequestException refusal
          && refusal.getErrorCode() != null
          && refusal.getErrorCode() > 0) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }

  private static boolean hasInterrupt(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
