package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.List;

/**
 * Group alert subscriptions: which chats hear about which user's order lists.
 *
 * <p>Contract: one subscription per (chat, owner); {@link #subscribe} adds it or changes its mode.
 * Thread-safe. Failure modes: {@link StorageException}.
 */
public interface AlertSubscriptionStore {
  void subscribe(AlertSubscription subscription);

  /** Returns false when there was no such subscription. */
  boolean unsubscribe(ChatRef chat, UserRef owner);

  List<AlertSubscription> forOwner(UserRef owner);

  List<AlertSubscription> forChat(ChatRef chat);
}
