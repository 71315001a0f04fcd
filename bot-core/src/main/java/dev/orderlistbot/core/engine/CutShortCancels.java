package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import dev.orderlistbot.core.port.out.ExchangeClient;
import java.util.Optional;

/**
 * What the cancel of one list by a panic that a stop cut short came to, read from the exchange
 * after the restart: the list still works (its cancel never went), or it has ended, with what its
 * entry left held with no exit. The bot cannot tell how it ended, and says so. Thread-safe.
 */
final class CutShortCancels {
  private final ExchangeClient exchange;
  private final ListCancels cancels;
  private final LiveLists lists;

  CutShortCancels(ExchangeClient exchange, ListCancels cancels, LiveLists lists) {
    this.exchange = exchange;
    this.cancels = cancels;
    this.lists = lists;
  }

  /** The line for {@code list} of {@code owner}; {@link CloseTold#listStillWorks} when it works still. */
  CloseTold settle(ApiCredentials credentials, UserRef owner, ListHandle list) {
    String name = cancels.name(list);
    Optional<PlacedOrderList> now = exchange.orderList(credentials, OrderListRef.of(new OrderListId(list.orderListId())));
    if (now.isEmpty() || now.get().isOpen()) {
      return CloseTold.notCancelled(TradeReplies.panicCutShortStillWorks(name));
    }
    Optional<LiveList> ended = lists.tracked(owner, list.orderListId()).map(t -> lists.fromAnswer(t, now.get(), credentials));
    return CloseTold.text(
        ended
            .filter(live -> live.leg(LegRole.WORKING).isPresent() && live.held().signum() > 0)
            .map(live -> TradeReplies.panicCutShortEndedHolding(
                name, Figures.number(live.held()) + " on " + list.symbol(),
                new HeldAfterCancel(live.held(), live.exitSide()).ocoCommand(now.get())))
            .orElse(TradeReplies.panicCutShortEnded(name)));
  }
}
