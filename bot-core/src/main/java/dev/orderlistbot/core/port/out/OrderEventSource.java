package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;

/**
 * A source of order-list events per user account, delivered to the {@code OrderUpdateHandler} the
 * source was built with: Binance's WebSocket user data stream, or the paper exchange.
 *
 * <p><b>Contract.</b> {@link #watch} starts (or restarts, with new credentials) delivering the
 * events of that user's account; {@link #unwatch} stops it. Both are idempotent and return at once;
 * connecting happens in the background, and a key the exchange refuses is reported to the user by
 * the source's owner, not thrown here.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe.
 */
public interface OrderEventSource {
  void watch(UserRef user, ApiCredentials credentials);

  void unwatch(UserRef user);

  /**
   * The user's key changed: restarts their events with {@code credentials} wherever they are
   * watched (with several instances, it moves them to this one). A single source just watches again.
   */
  default void restart(UserRef user, ApiCredentials credentials) {
    watch(user, credentials);
  }

  /**
   * Looks at {@code user}'s order lists over REST soon and reports what their events would have
   * said: the engine learned that an event of theirs may have been missed (a cancel answered
   * "nothing to cancel" for a list whose end was never heard). Returns at once; the source keeps
   * {@code credentials} for as long as it needs them.
   *
   * @return whether a catch-up will run; {@code false} from a source that cannot look back (the
   *     paper exchange, which delivers every event in process and keeps no history)
   */
  boolean catchUp(UserRef user, ApiCredentials credentials);
}
