package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.util.ArrayList;
import java.util.List;

/** An {@code OrderUpdateHandler} that remembers what it was given, in order. Thread-safe. */
final class RecordingHandler implements dev.orderlistbot.core.port.in.OrderUpdateHandler {
  record Received(UserRef owner, OrderListUpdate update) {}

  private final List<Received> received = new ArrayList<>();

  @Override
  public synchronized void onUpdate(UserRef owner, OrderListUpdate update) {
    received.add(new Received(owner, update));
  }

  synchronized List<Received> all() {
    return List.copyOf(received);
  }

  synchronized List<OrderListUpdate> updates() {
    return received.stream().map(Received::update).toList();
  }

  /** The events received since the last call, each in one line (see {@link #describe}). */
  synchronized List<String> drain() {
    List<String> lines = received.stream().map(r -> describe(r.update())).toList();
    received.clear();
    return lines;
  }

  /**
   * One event as a line: {@code ob-t1-tp TRADE/FILLED 0.01@32000}, {@code ob-t1-sl EXPIRED/EXPIRED
   * OCO_TRIGGER}, {@code list ob-t1 ALL_DONE/ALL_DONE}.
   */
  static String describe(OrderListUpdate update) {
    return switch (update) {
      case OrderListUpdate.LegChanged leg ->
          leg.clientOrderId() + " " + leg.execution() + "/" + leg.status()
              + (leg.execution() == LegExecution.TRADE ? " " + leg.lastQuantity().toPlainString() + "@" + leg.lastPrice().toPlainString() : "")
              + (leg.expiryReason() == ExpiryReason.NONE ? "" : " " + leg.expiryReason());
      case OrderListUpdate.ListChanged list -> "list " + list.clientListId() + " " + list.statusType() + "/" + list.orderStatus();
    };
  }
}
