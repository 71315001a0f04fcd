package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.rules.ExchangeFilter.ExchangeMaxNumAlgoOrders;
import dev.orderlistbot.core.rules.ExchangeFilter.ExchangeMaxNumOrderLists;
import dev.orderlistbot.core.rules.ExchangeFilter.ExchangeMaxNumOrders;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumAlgoOrders;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrderLists;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * MAX_NUM_ORDERS (open orders + the list's orders), MAX_NUM_ORDER_LISTS (open lists + 1) and
 * MAX_NUM_ALGO_ORDERS (waiting stop/take-profit orders + the list's triggered legs, pending ones
 * included) on the symbol, and their account-wide EXCHANGE_MAX_* versions on every symbol; each
 * only when the snapshot knows the open count. A limit of 0 is off.
 */
final class CountCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> out = new ArrayList<>();
    int orders = plan.kind().orderCount();
    int algo = (int) plan.legs().stream().filter(leg -> leg.leg().type().isTriggered()).count();
    OpenCounts here = market.onSymbol();
    OpenCounts all = market.onExchange();

    Optional<Integer> maxOrders = rules.filter(MaxNumOrders.class).map(MaxNumOrders::limit);
    over(maxOrders, here.orders(), orders).ifPresent(open ->
        out.add(RuleMessages.tooManyOrders(open, orders, maxOrders.orElseThrow(), plan.kind(), rules.symbol())));
    Optional<Integer> maxLists = rules.filter(MaxNumOrderLists.class).map(MaxNumOrderLists::limit);
    over(maxLists, here.orderLists(), 1).ifPresent(open ->
        out.add(RuleMessages.tooManyLists(open, maxLists.orElseThrow(), rules.symbol())));
    Optional<Integer> maxAlgo = rules.filter(MaxNumAlgoOrders.class).map(MaxNumAlgoOrders::limit);
    over(maxAlgo, here.algoOrders(), algo).ifPresent(open ->
        out.add(RuleMessages.tooManyAlgoOrders(open, algo, maxAlgo.orElseThrow(), plan.kind(), rules.symbol())));

    Optional<Integer> allOrders =
        rules.exchangeFilter(ExchangeMaxNumOrders.class).map(ExchangeMaxNumOrders::limit);
    over(allOrders, all.orders(), orders).ifPresent(open ->
        out.add(RuleMessages.tooManyOrdersOnExchange(open, orders, allOrders.orElseThrow(), plan.kind())));
    Optional<Integer> allLists =
        rules.exchangeFilter(ExchangeMaxNumOrderLists.class).map(ExchangeMaxNumOrderLists::limit);
    over(allLists, all.orderLists(), 1).ifPresent(open ->
        out.add(RuleMessages.tooManyListsOnExchange(open, allLists.orElseThrow())));
    Optional<Integer> allAlgo =
        rules.exchangeFilter(ExchangeMaxNumAlgoOrders.class).map(ExchangeMaxNumAlgoOrders::limit);
    over(allAlgo, all.algoOrders(), algo).ifPresent(open ->
        out.add(RuleMessages.tooManyAlgoOrdersOnExchange(open, algo, allAlgo.orElseThrow(), plan.kind())));
    return out;
  }

  /** The open count, when the limit is on, the count known, the list adds to it and would pass the limit. */
  private static OptionalInt over(Optional<Integer> limit, OptionalInt open, int adds) {
    if (limit.isEmpty() || limit.get() <= 0 || open.isEmpty() || adds == 0 || open.getAsInt() + adds <= limit.get()) {
      return OptionalInt.empty();
    }
    return open;
  }
}
