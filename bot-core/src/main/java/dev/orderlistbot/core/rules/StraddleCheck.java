package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where each order sits relative to the price it is measured against.
 *
 * <p><b>OCO</b>: the legs straddle the last price, as Binance requires. SELL: the profit price (the
 * LIMIT_MAKER or TAKE_PROFIT_LIMIT price, a TAKE_PROFIT's stop price) above the last price, the
 * stop-loss stop price below it; BUY the reverse. Breaking these gives Binance -1165/-1166 (a
 * LIMIT_MAKER on the wrong side, which would also match at once), -1198/-1199 (a take-profit) and
 * -1196/-1197 (a stop that would trigger immediately); the code is kept on the violation.
 *
 * <p><b>OTO, OTOCO, OPO, OPOCO</b>: a LIMIT_MAKER entry must not cross the last price (it would
 * match and be rejected; a plain LIMIT entry may cross, it just fills). The exits start working
 * only when the entry has filled, at the entry price, so they are measured against the entry: after
 * a BUY entry at 30000 the SELL take-profit must be above 30000 and the stop below it. The pending
 * pair of an OTOCO/OPOCO then obeys the OCO codes; a single OTO/OPO exit would be rejected with
 * -2010 at activation.
 *
 * <p>In both cases a take-profit-limit's trigger must be on the profit side too, or it would trigger
 * immediately (-2010).
 */
final class StraddleCheck implements PlanCheck {
  private static final int ENGINE_REJECTED = -2010;

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> out = new ArrayList<>();
    BigDecimal tick = rules.filter(PriceFilter.class).map(PriceFilter::tickSize).orElse(BigDecimal.ZERO);
    plan.entry().ifPresent(entry -> entry(entry, plan.last(), tick, out));
    plan.takeProfit().ifPresent(tp -> takeProfit(plan, tp, tick, out));
    plan.stopLoss().ifPresent(sl -> stopLoss(plan, sl, tick, out));
    return out;
  }

  private static void entry(PlannedLeg entry, Price last, BigDecimal tick, List<Violation> out) {
    if (entry.leg().type() != OrderType.LIMIT_MAKER) {
      return;
    }
    boolean below = entry.side() == Side.BUY;
    entry.limitPrice().filter(p -> !beyond(p.price(), last, !below)).ifPresent(p ->
        out.add(RuleMessages.makerEntryWouldTake(p, entry.side(), last, example(last, !below, tick))));
  }

  private static void takeProfit(Plan plan, PlannedLeg tp, BigDecimal tick, List<Violation> out) {
    boolean above = plan.exitSide() == Side.SELL;
    Price reference = plan.exitReference();
    Optional<NamedPrice> profit = tp.limitPrice().or(tp::stopPrice);
    profit.filter(p -> !beyond(p.price(), reference, above)).ifPresent(p -> {
      int code = !plan.kind().exitIsPair()
          ? ENGINE_REJECTED
          : tp.leg().type() == OrderType.LIMIT_MAKER ? (above ? -1166 : -1165) : (above ? -1199 : -1198);
      Optional<BigDecimal> example = example(reference, above, tick);
      out.add(RuleMessages.wrongSide(Rule.TAKE_PROFIT_WRONG_SIDE, code, p, above, plan, example));
    });
    if (tp.leg().limitPrice().isPresent()) {
      tp.stopPrice().filter(p -> !beyond(p.price(), reference, above)).ifPresent(p ->
          out.add(RuleMessages.wrongSide(
              Rule.TAKE_PROFIT_TRIGGER_WRONG_SIDE, ENGINE_REJECTED, p, above, plan, example(reference, above, tick))));
    }
  }

  private static void stopLoss(Plan plan, PlannedLeg sl, BigDecimal tick, List<Violation> out) {
    boolean above = plan.exitSide() == Side.BUY;
    Price reference = plan.exitReference();
    sl.stopPrice().filter(p -> !beyond(p.price(), reference, above)).ifPresent(p -> {
      int code = !plan.kind().exitIsPair() ? ENGINE_REJECTED : above ? -1196 : -1197;
      out.add(RuleMessages.wrongSide(Rule.STOP_LOSS_WRONG_SIDE, code, p, above, plan, example(reference, above, tick)));
    });
  }

  /** Whether {@code price} lies strictly above (or below) {@code reference}. */
  private static boolean beyond(Price price, Price reference, boolean above) {
    return above ? price.isAbove(reference) : price.isBelow(reference);
  }

  /** The first tick strictly beyond the reference, as a concrete suggestion. */
  private static Optional<BigDecimal> example(Price reference, boolean above, BigDecimal tick) {
    if (tick.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal value = reference.value();
    BigDecimal next = above ? Steps.strictlyAbove(value, tick) : Steps.strictlyBelow(value, tick);
    return next.signum() > 0 ? Optional.of(next) : Optional.empty();
  }
}
