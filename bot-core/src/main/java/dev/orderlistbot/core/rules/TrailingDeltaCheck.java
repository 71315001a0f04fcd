package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.rules.SymbolFilter.TrailingDeltaBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TRAILING_DELTA: the "Above" bounds govern STOP_LOSS* BUY and TAKE_PROFIT* SELL, the "Below"
 * bounds STOP_LOSS* SELL and TAKE_PROFIT* BUY. A bound of 0 is off.
 */
final class TrailingDeltaCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> out = new ArrayList<>();
    Optional<TrailingDeltaBounds> bounds = rules.filter(TrailingDeltaBounds.class);
    if (bounds.isEmpty()) {
      return out;
    }
    for (PlannedLeg leg : plan.legs()) {
      Optional<TrailingDelta> delta = leg.leg().trailingDelta();
      if (delta.isPresent()) {
        boolean above = leg.trailsAbove();
        int min = above ? bounds.get().minAbove() : bounds.get().minBelow();
        int max = above ? bounds.get().maxAbove() : bounds.get().maxBelow();
        if (min > 0 && delta.get().bips() < min) {
          out.add(RuleMessages.trailingOutOfRange(leg, delta.get(), min, false, rules.symbol()));
        }
        if (max > 0 && delta.get().bips() > max) {
          out.add(RuleMessages.trailingOutOfRange(leg, delta.get(), max, true, rules.symbol()));
        }
      }
    }
    return out;
  }
}
