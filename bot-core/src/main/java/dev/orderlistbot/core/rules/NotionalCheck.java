package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MinNotional;
import dev.orderlistbot.core.rules.SymbolFilter.Notional;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * NOTIONAL and legacy MIN_NOTIONAL, per leg: quantity × the price the leg fills at (its limit
 * price; for a stop-market leg its stop price, conservatively, since Binance does not document the
 * price it uses; for a trailing stop the reference moved by the delta). Market-on-trigger legs are
 * held to a bound only when its {@code applyToMarket} flag is on, as Binance does for market orders.
 * A bound of 0 is off. The corrected quantity in a message satisfies every leg of the list at once.
 */
final class NotionalCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> out = new ArrayList<>();
    plan.quantity().ifPresent(quantity -> {
      Bounds bounds = new Bounds(plan, quantity, rules, out);
      rules.filter(Notional.class).ifPresent(f -> {
        bounds.apply(Rule.NOTIONAL_MIN, f.minNotional(), leg -> f.applyMinToMarket() || !marketOnTrigger(leg));
        bounds.apply(Rule.NOTIONAL_MAX, f.maxNotional(), leg -> f.applyMaxToMarket() || !marketOnTrigger(leg));
      });
      rules.filter(MinNotional.class).ifPresent(f ->
          bounds.apply(Rule.MIN_NOTIONAL, f.minNotional(), leg -> f.applyToMarket() || !marketOnTrigger(leg)));
    });
    return out;
  }

  private static boolean marketOnTrigger(PlannedLeg leg) {
    return leg.leg().type().isMarketOnTrigger();
  }

  /** Applies one bound to every leg of one plan. */
  private record Bounds(Plan plan, Quantity quantity, SymbolRules rules, List<Violation> out) {

    void apply(Rule rule, BigDecimal bound, Predicate<PlannedLeg> applies) {
      if (bound.signum() <= 0) {
        return;
      }
      boolean max = rule == Rule.NOTIONAL_MAX;
      Optional<BigDecimal> step = rules.filter(LotSize.class).map(LotSize::stepSize).filter(s -> s.signum() > 0);
      List<PlannedLeg> failing = new ArrayList<>();
      Optional<BigDecimal> fix = Optional.empty();
      for (PlannedLeg leg : plan.legs()) {
        BigDecimal price = price(leg);
        int against = quantity.value().multiply(price).compareTo(bound);
        if (applies.test(leg) && price.signum() > 0 && (max ? against > 0 : against < 0)) {
          failing.add(leg);
          Optional<BigDecimal> own =
              step.map(s -> max ? Steps.quantityWithin(bound, price, s) : Steps.quantityReaching(bound, price, s));
          fix = fix.isEmpty() ? own : fix.flatMap(f -> own.map(o -> max ? f.min(o) : f.max(o)));
        }
      }
      Optional<BigDecimal> corrected = fix.filter(f -> f.signum() > 0);
      for (PlannedLeg leg : failing) {
        BigDecimal worth = quantity.value().multiply(price(leg));
        out.add(RuleMessages.notionalOutOfRange(rule, leg.role(), price(leg), worth, bound, corrected, rules));
      }
    }

    private BigDecimal price(PlannedLeg leg) {
      return leg.fillPrice(plan.exitReference());
    }
  }
}
