package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** PRICE_FILTER on every price and stop price: minimum, maximum, tick size (0 switches one off). */
final class PriceFilterCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> violations = new ArrayList<>();
    rules.filter(PriceFilter.class).ifPresent(filter -> {
      for (PlannedLeg leg : plan.legs()) {
        for (NamedPrice price : leg.prices()) {
          check(price, filter, rules, violations);
        }
      }
    });
    return violations;
  }

  private static void check(NamedPrice named, PriceFilter filter, SymbolRules rules, List<Violation> out) {
    BigDecimal price = named.price().value();
    if (filter.minPrice().signum() > 0 && price.compareTo(filter.minPrice()) < 0) {
      out.add(RuleMessages.priceOutOfRange(named, rules.symbol(), filter.minPrice(), false));
    }
    if (filter.maxPrice().signum() > 0 && price.compareTo(filter.maxPrice()) > 0) {
      out.add(RuleMessages.priceOutOfRange(named, rules.symbol(), filter.maxPrice(), true));
    }
    BigDecimal tick = filter.tickSize();
    if (!Steps.onGrid(price, tick)) {
      out.add(RuleMessages.offTick(named, tick, Steps.down(price, tick), Steps.up(price, tick)));
    }
  }
}
