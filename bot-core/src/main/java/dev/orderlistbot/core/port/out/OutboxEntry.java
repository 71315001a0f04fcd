package dev.orderlistbot.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored {@link OutboxMessage} handed to a dispatcher by {@link NotificationOutbox#claimDue}.
 *
 * @param attempts delivery attempts so far, this one included
 * @param claimToken the claim {@link NotificationOutbox#claimDue} took the message under, for {@link
 *     NotificationOutbox#renewClaim}; the last claim's (or empty) for a message listed otherwise
 */
public record OutboxEntry(
    long id, OutboxMessage message, Instant createdAt, int attempts, Instant nextAttemptAt, String claimToken) {
  public OutboxEntry {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(claimToken, "claimToken");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
  }
}
