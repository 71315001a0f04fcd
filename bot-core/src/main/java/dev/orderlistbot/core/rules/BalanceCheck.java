package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Free balance, when the snapshot knows it. A SELL needs the quantity in the base asset. A BUY
 * needs quantity × price in the quote asset: for an OCO the highest price among its legs (either
 * may fill, and how much Binance locks is not documented, so be conservative); for lists with an
 * entry the entry price (the exits pay from what the entry bought).
 */
final class BalanceCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> out = new ArrayList<>();
    if (plan.quantity().isEmpty()) {
      return out;
    }
    Quantity quantity = plan.quantity().get();
    Optional<BigDecimal> step = rules.filter(LotSize.class).map(LotSize::stepSize).filter(s -> s.signum() > 0);
    if (plan.side() == Side.SELL) {
      market.free(rules.baseAsset()).filter(free -> free.compareTo(quantity.value()) < 0).ifPresent(free -> {
        Optional<BigDecimal> fits = step.map(s -> Steps.down(free.max(BigDecimal.ZERO), s));
        out.add(RuleMessages.notEnoughBase(free, quantity, fits.filter(f -> f.signum() > 0), rules));
      });
      return out;
    }
    BigDecimal price = BigDecimal.ZERO;
    for (PlannedLeg leg : plan.spendingLegs()) {
      price = price.max(leg.highestPrice(plan.exitReference()));
    }
    BigDecimal cost = quantity.value().multiply(price);
    BigDecimal unitPrice = price;
    market.free(rules.quoteAsset()).filter(free -> free.compareTo(cost) < 0).ifPresent(free -> {
      Optional<BigDecimal> fits = step.filter(s -> unitPrice.signum() > 0)
          .map(s -> Steps.quantityWithin(free.max(BigDecimal.ZERO), unitPrice, s));
      out.add(RuleMessages.notEnoughQuote(free, cost, quantity, unitPrice, fits.filter(f -> f.signum() > 0), rules));
    });
    return out;
  }
}
