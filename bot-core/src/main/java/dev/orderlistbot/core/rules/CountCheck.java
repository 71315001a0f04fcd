package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.rules.SymbolFilter.MaxNumAlgoOrders;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrderLists;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrders;
import java.util.ArrayList;
import java.util.List;

/**
 * MAX_NUM_ORDERS (open orders + the list's orders), MAX_NUM_ORDER_LISTS (open lists + 1) and
 * MAX_NUM_ALGO_ORDERS (open stop/take-profit orders + the list's triggered legs, pending ones
 * included), each only when the snapshot knows the open count. A limit of 0 is off.
 */
final class CountCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> out = new ArrayList<>();
    int orders = plan.kind().orderCount();
    int algo = (int) plan.legs().stream().filter(leg -> leg.leg().type().isTriggered()).count();
    rules.filter(MaxNumOrders.class).ifPresent(f -> market.openOrders().ifPresent(open -> {
      if (f.limit() > 0 && open + orders > f.limit()) {
        out.add(RuleMessages.tooManyOrders(open, orders, f.limit(), plan.kind(), rules.symbol()));
      }
    }));
    rules.filter(MaxNumOrderLists.class).ifPresent(f -> market.openOrderLists().ifPresent(open -> {
      if (f.limit() > 0 && open + 1 > f.limit()) {
        out.add(RuleMessages.tooManyLists(open, f.limit(), rules.symbol()));
      }
    }));
    rules.filter(MaxNumAlgoOrders.class).ifPresent(f -> market.openAlgoOrders().ifPresent(open -> {
      if (f.limit() > 0 && algo > 0 && open + algo > f.limit()) {
        out.add(RuleMessages.tooManyAlgoOrders(open, algo, f.limit(), plan.kind(), rules.symbol()));
      }
    }));
    return out;
  }
}
