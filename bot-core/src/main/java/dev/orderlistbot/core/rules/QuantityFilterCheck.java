package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MarketLotSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LOT_SIZE on the list's one quantity, and MARKET_LOT_SIZE (its non-zero bounds only) when a leg
 * executes at market once triggered (STOP_LOSS, TAKE_PROFIT). For OPO and OPOCO the exits' quantity
 * is what the entry receives, which Binance rounds to the step itself, so only the bounds apply to
 * them.
 */
final class QuantityFilterCheck implements PlanCheck {

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> violations = new ArrayList<>();
    plan.quantity().ifPresent(quantity -> {
      rules.filter(LotSize.class).ifPresent(lot -> lotSize(quantity, lot, rules, violations));
      Optional<PlannedLeg> marketLeg =
          plan.legs().stream().filter(leg -> leg.leg().type().isMarketOnTrigger()).findFirst();
      Optional<MarketLotSize> filter = rules.filter(MarketLotSize.class);
      if (marketLeg.isPresent() && filter.isPresent()) {
        boolean quantitySent = !(plan.kind().paysFromFill() && marketLeg.get().role() != LegRole.WORKING);
        marketLotSize(quantity, marketLeg.get(), filter.get(), quantitySent, rules, violations);
      }
    });
    return violations;
  }

  private static void lotSize(Quantity quantity, LotSize lot, SymbolRules rules, List<Violation> out) {
    BigDecimal qty = quantity.value();
    if (lot.minQty().signum() > 0 && qty.compareTo(lot.minQty()) < 0) {
      out.add(RuleMessages.lotOutOfRange(quantity, lot.minQty(), false, rules));
    }
    if (lot.maxQty().signum() > 0 && qty.compareTo(lot.maxQty()) > 0) {
      out.add(RuleMessages.lotOutOfRange(quantity, lot.maxQty(), true, rules));
    }
    if (!Steps.onGrid(qty, lot.stepSize())) {
      BigDecimal step = lot.stepSize();
      out.add(RuleMessages.lotStep(quantity, step, Steps.down(qty, step), Steps.up(qty, step)));
    }
  }

  private static void marketLotSize(
      Quantity quantity,
      PlannedLeg leg,
      MarketLotSize lot,
      boolean quantitySent,
      SymbolRules rules,
      List<Violation> out) {
    BigDecimal qty = quantity.value();
    if (lot.minQty().signum() > 0 && qty.compareTo(lot.minQty()) < 0) {
      out.add(RuleMessages.marketLotOutOfRange(leg.role(), quantity, lot.minQty(), false, rules));
    }
    if (lot.maxQty().signum() > 0 && qty.compareTo(lot.maxQty()) > 0) {
      out.add(RuleMessages.marketLotOutOfRange(leg.role(), quantity, lot.maxQty(), true, rules));
    }
    if (quantitySent && !Steps.onGrid(qty, lot.stepSize())) {
      BigDecimal step = lot.stepSize();
      out.add(RuleMessages.marketLotStep(leg.role(), quantity, step, Steps.down(qty, step), Steps.up(qty, step)));
    }
  }
}
