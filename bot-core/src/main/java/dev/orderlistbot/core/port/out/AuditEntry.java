package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audited act: who did what to which subject, when, from which chat.
 *
 * @param subject what was acted on, e.g. a confirmation id or a credential id (1 to 200 characters,
 *     never a secret)
 */
public record AuditEntry(Instant occurredAt, UserRef actor, AuditAction action, String subject, Optional<ChatRef> chat) {
  public AuditEntry {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(chat, "chat");
    if (subject.isBlank() || subject.length() > 200) {
      throw new IllegalArgumentException("a subject is 1 to 200 characters");
    }
  }
}
