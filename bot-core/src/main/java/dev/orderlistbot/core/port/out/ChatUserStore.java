package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.UserRef;
import java.util.Optional;

/**
 * The chat users the bot knows: their role and their settings.
 *
 * <p>Contract: {@link #register} is insert-if-absent (the first registration wins, later ones return
 * the stored user unchanged). Setting names are 1 to 64 characters and values at most 1,024.
 *
 * <p>Thread-safety: implementations are thread-safe. Failure modes: {@link StorageException} when the
 * database fails, or when a setting is put for a user that was never registered.
 */
public interface ChatUserStore {
  /** Registers {@code user} with {@code role} unless known; returns the stored user either way. */
  ChatUser register(UserRef user, UserRole role);

  Optional<ChatUser> find(UserRef user);

  /** Returns false when the user is unknown. */
  boolean changeRole(UserRef user, UserRole role);

  /** Sets or replaces one setting of a registered user. */
  void putSetting(UserRef user, String name, String value);

  /** Returns false when there was no such setting. */
  boolean removeSetting(UserRef user, String name);
}
