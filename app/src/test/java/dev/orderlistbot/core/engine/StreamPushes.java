package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.util.Optional;

/** The user data stream's pushes for a list a {@link TestBot} placed (an OTOCO buying 0.01), handed to its router. */
final class StreamPushes {
  private StreamPushes() {}

  /**
   * {@code role}'s leg now {@code status} with {@code cumulative} filled for {@code quote}, the whole
   * of it as one trade (its last quantity is {@code cumulative}); a cancel when nothing traded.
   */
  static void push(TestBot bot, UserRef owner, TrackedOrderList list, LegRole role, LegStatus status, String cumulative, String quote) {
    long listId = list.orderListId().orElseThrow();
    TrackedOrderList tracked = bot.tracked(listId).orElseThrow();
    String legId = new ClientListId(list.listClientOrderId()).legId(role).value();
    long orderId =
        tracked.legs().stream().filter(leg -> leg.clientOrderId().equals(legId)).map(TrackedLeg::orderId)
            .filter(o -> o.isPresent()).map(o -> o.getAsLong()).findFirst().orElseThrow();
    BigDecimal filled = new BigDecimal(cumulative);
    boolean trade = status == LegStatus.FILLED || status == LegStatus.PARTIALLY_FILLED;
    BigDecimal price = filled.signum() > 0 ? new BigDecimal(quote).divide(filled) : BigDecimal.ZERO;
    bot.router().onUpdate(
        owner,
        new OrderListUpdate.LegChanged(
            OrderEventIds.legState("binance", list.symbol(), orderId, status, filled), list.symbol(), new OrderListId(listId),
            orderId, new ClientOrderId(legId), ReportedOrderType.LIMIT,
            role == LegRole.WORKING ? Side.BUY : Side.SELL, trade ? LegExecution.TRADE : LegExecution.CANCELED, status,
            new BigDecimal("0.01"), trade ? filled : BigDecimal.ZERO, price, filled, new BigDecimal(quote), Optional.empty(),
            Optional.empty(), ExpiryReason.NONE, bot.clock.instant()));
  }
}
