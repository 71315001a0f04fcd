package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * The subscriptions of each of {@code owners}, each owner's list as {@link #forOwner} answers it
   * (an owner with none maps to an empty list); a store may read them all at once (the router asks
   * once per batch of order events).
   */
  default Map<UserRef, List<AlertSubscription>> forOwners(Collection<UserRef> owners) {
    Map<UserRef, List<AlertSubscription>> each = new HashMap<>();
    for (UserRef owner : owners) {
      each.put(owner, forOwner(owner));
    }
    return each;
  }

  List<AlertSubscription> forChat(ChatRef chat);
}
