package dev.orderlistbot.core.port.in;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;

/**
 * Where order-list events arrive, for the user whose account they belong to. Implemented by core's
 * notification router; called by an {@code OrderEventSource} (Binance's user data stream, the paper
 * exchange).
 *
 * <p><b>Contract.</b> Idempotent: the same event (same {@link OrderListUpdate#eventId()}) may be
 * delivered more than once (replays after a reconnect) and must be acted on once. Never throws for
 * an event it cannot match (a list placed outside the bot); it logs and drops it.
 *
 * <p><b>Thread-safety.</b> May be called from the source's own thread; safe to call concurrently.
 */
public interface OrderUpdateHandler {
  void onUpdate(UserRef owner, OrderListUpdate update);
}
