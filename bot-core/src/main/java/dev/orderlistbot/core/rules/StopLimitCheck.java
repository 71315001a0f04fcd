package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bot policy, not a Binance rule: a stop-loss-limit's limit price must not lie beyond its trigger
 * in the direction the market has to move for it to fill (SELL: limit at or below the stop; BUY: at
 * or above). Otherwise, once the stop triggers in a falling (rising) market, the limit order sits
 * above (below) the price and may never fill, leaving the position unprotected.
 */
final class StopLimitCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> out = new ArrayList<>();
    for (PlannedLeg leg : plan.legs()) {
      Optional<Price> stop = leg.leg().stopPrice();
      Optional<Price> limit = leg.leg().limitPrice();
      if (leg.leg().type().isStopLoss() && stop.isPresent() && limit.isPresent()) {
        boolean sell = leg.side() == Side.SELL;
        boolean wrong = sell ? limit.get().isAbove(stop.get()) : limit.get().isBelow(stop.get());
        if (wrong) {
          out.add(RuleMessages.stopLimitBeyondStop(leg.side(), stop.get(), limit.get()));
        }
      }
    }
    return out;
  }
}
