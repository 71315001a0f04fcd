package dev.orderlistbot.core.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat platform did not take a message. {@code retryable} says whether sending again later may
 * work (a rate limit, a network error) or not (the chat is gone, the bot was blocked); {@code
 * retryAfter} is the wait the platform asked for, when it said one. The message never holds the
 * text that was being sent, nor a token.
 */
public final class ChatDeliveryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean retryable;
  private final transient Optional<Duration> retryAfter;

  public ChatDeliveryException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public static ChatDeliveryException permanent(String message, Throwable cause) {
    return new ChatDeliveryException(message, false, Optional.empty(), cause);
  }

  public static ChatDeliveryException retryLater(String message, Optional<Duration> after, Throwable cause) {
    return new ChatDeliveryException(message, true, after, cause);
  }

  public boolean retryable() {
    return retryable;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
