package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A chat user the bot knows, with their role and free-form settings (e.g. {@code lang=en}).
 *
 * @param settings name to value, both short texts; never a secret (secrets go to the key vault)
 */
public record ChatUser(UserRef ref, UserRole role, Map<String, String> settings, Instant createdAt) {
  public ChatUser {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(role, "role");
    settings = Map.copyOf(settings);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
