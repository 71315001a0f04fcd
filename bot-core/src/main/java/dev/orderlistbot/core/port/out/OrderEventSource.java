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
}
