package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.order.Leg;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves a command into a {@link Plan}: prices first (the exits may be relative to the entry),
 * then the legs, then the quantity (converted with a price that depends on the legs).
 */
final class PlanResolver {
  private final SymbolRules rules;
  private final MarketSnapshot market;

  PlanResolver(SymbolRules rules, MarketSnapshot market) {
    this.rules = rules;
    this.market = market;
  }

  /**
   * The plan, or empty when a price could not be formed (the reasons are in {@code problems}). A
   * quantity that cannot be resolved leaves the plan's quantity empty and adds its reason.
   */
  Optional<Plan> resolve(PlaceOrderList command, List<Violation> problems) {
    Price last = market.lastPrice();
    LegMapper mapper = new LegMapper(new PriceResolver(rules, last));
    int known = problems.size();
    Optional<Leg> entry = command.entry().flatMap(spec -> mapper.entry(spec, problems));
    Optional<Price> entryPrice = entry.flatMap(Leg::limitPrice);
    Optional<Leg> takeProfit = command.takeProfit().flatMap(spec -> mapper.takeProfit(spec, entryPrice, problems));
    Optional<Leg> stopLoss = command.stopLoss().flatMap(spec -> mapper.stopLoss(spec, entryPrice, problems));
    if (problems.size() > known) {
      return Optional.empty();
    }
    Optional<PlannedLeg> plannedEntry = entry.map(leg -> new PlannedLeg(LegRole.WORKING, command.side(), leg));
    Optional<PlannedLeg> plannedTp =
        takeProfit.map(leg -> new PlannedLeg(LegRole.TAKE_PROFIT, command.exitSide(), leg));
    Optional<PlannedLeg> plannedSl =
        stopLoss.map(leg -> new PlannedLeg(LegRole.STOP_LOSS, command.exitSide(), leg));
    List<PlannedLeg> exits = Stream.of(plannedTp, plannedSl).flatMap(Optional::stream).toList();
    Price conversion = QuantityResolver.conversionPrice(plannedEntry, command.side(), exits, last);
    Optional<RiskFigures> risk = Optional.empty();
    Optional<Quantity> quantity;
    if (command.quantity().sizesByRisk()) {
      Price entryOrLast = entryPrice.orElse(last);
      List<PlannedLeg> legs = Stream.concat(plannedEntry.stream(), exits.stream()).toList();
      risk = new RiskSizing(rules, market).size(command.quantity(), entryOrLast, plannedSl, legs, problems);
      quantity = risk.map(RiskFigures::quantity);
    } else {
      quantity = new QuantityResolver(rules, market).resolve(command.quantity(), command.side(), conversion, problems);
    }
    boolean converted = QuantityResolver.convertsWithPrice(command.quantity(), command.side());
    return Optional.of(
        new Plan(
            command.kind(),
            command.symbol(),
            command.side(),
            quantity,
            plannedEntry,
            plannedTp,
            plannedSl,
            last,
            converted ? Optional.of(conversion) : Optional.empty(),
            risk));
  }
}
