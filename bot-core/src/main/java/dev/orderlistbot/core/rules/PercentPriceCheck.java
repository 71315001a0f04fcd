package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPrice;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPriceBySide;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PERCENT_PRICE_BY_SIDE (BUY prices against the bid multipliers, SELL against the ask ones) and
 * PERCENT_PRICE, on every limit price, around {@link MarketSnapshot#bandReference()} (the reference
 * price, else the average price, else the last price, as Binance does), which the refusal names.
 * The suggested price is the band's edge rounded inwards to the tick. Binance documents these for the order
 * price only, so stop prices are not held to them.
 */
final class PercentPriceCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> violations = new ArrayList<>();
    BandReference reference = market.bandReference();
    BigDecimal tick = rules.filter(PriceFilter.class).map(PriceFilter::tickSize).orElse(BigDecimal.ZERO);
    Optional<PercentPriceBySide> bySide = rules.filter(PercentPriceBySide.class);
    Optional<PercentPrice> plain = rules.filter(PercentPrice.class);
    for (PlannedLeg leg : plan.legs()) {
      leg.limitPrice().ifPresent(price -> {
        bySide.ifPresent(f -> {
          boolean buy = leg.side() == Side.BUY;
          BigDecimal up = buy ? f.bidMultiplierUp() : f.askMultiplierUp();
          BigDecimal down = buy ? f.bidMultiplierDown() : f.askMultiplierDown();
          band(price, leg.side(), up, down, Rule.PERCENT_PRICE_BY_SIDE, reference, tick, violations);
        });
        plain.ifPresent(f -> band(
            price, leg.side(), f.multiplierUp(), f.multiplierDown(), Rule.PERCENT_PRICE, reference, tick, violations));
      });
    }
    return violations;
  }

  private static void band(
      NamedPrice named, Side side, BigDecimal up, BigDecimal down, Rule rule, BandReference reference, BigDecimal tick,
      List<Violation> out) {
    BigDecimal price = named.price().value();
    if (up.signum() > 0) {
      BigDecimal high = reference.price().value().multiply(up);
      if (price.compareTo(high) > 0) {
        BigDecimal fix = tick.signum() > 0 ? Steps.down(high, tick) : high;
        out.add(RuleMessages.tooFarFromMarket(rule, named, side, reference, true, fix));
      }
    }
    if (down.signum() > 0) {
      BigDecimal low = reference.price().value().multiply(down);
      if (price.compareTo(low) < 0) {
        BigDecimal fix = tick.signum() > 0 ? Steps.up(low, tick) : low;
        out.add(RuleMessages.tooFarFromMarket(rule, named, side, reference, false, fix));
      }
    }
  }
}
