package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PendingOrder;
import dev.orderlistbot.core.domain.order.WorkingOrder;

/**
 * Builds the {@link OrderListRequest} from a plan that passed every check. The checks guarantee
 * the domain invariants (an OCO pair's profit leg lies on the profit side of its stop because both
 * straddle the last price or the entry), so the constructors here do not throw.
 *
 * <p>OCO legs: SELL puts the take-profit above and the stop-loss below; BUY the reverse.
 */
final class ListAssembler {
  private ListAssembler() {}

  static OrderListRequest assemble(Plan plan) {
    Quantity quantity = plan.quantity().orElseThrow();
    return switch (plan.kind()) {
      case OCO -> new OrderListRequest.Oco(plan.symbol(), quantity, pair(plan));
      case OTO ->
          new OrderListRequest.Oto(
              plan.symbol(), working(plan, quantity), new PendingOrder(plan.exitSide(), quantity, onlyExit(plan)));
      case OTOCO -> new OrderListRequest.Otoco(plan.symbol(), working(plan, quantity), quantity, pair(plan));
      case OPO -> new OrderListRequest.Opo(plan.symbol(), working(plan, quantity), onlyExit(plan));
      case OPOCO -> new OrderListRequest.Opoco(plan.symbol(), working(plan, quantity), pair(plan));
    };
  }

  private static WorkingOrder working(Plan plan, Quantity quantity) {
    return new WorkingOrder(plan.side(), quantity, plan.entry().orElseThrow().leg());
  }

  private static Leg onlyExit(Plan plan) {
    return plan.exits().getFirst().leg();
  }

  private static OcoPair pair(Plan plan) {
    Side side = plan.exitSide();
    Leg takeProfit = plan.takeProfit().orElseThrow().leg();
    Leg stopLoss = plan.stopLoss().orElseThrow().leg();
    return side == Side.SELL ? new OcoPair(side, takeProfit, stopLoss) : new OcoPair(side, stopLoss, takeProfit);
  }
}
