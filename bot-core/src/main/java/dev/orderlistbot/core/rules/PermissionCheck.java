package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the symbol lets anyone place: its status, the list-kind flags ({@code ocoAllowed}, {@code
 * otoAllowed}, {@code opoAllowed}: OTOCO needs OTO and OCO, OPO needs OTO and OPO, OPOCO all
 * three), the order types of the legs and trailing stops.
 */
final class PermissionCheck implements PlanCheck {

  /** Only TRADING places orders; CANCEL_ONLY has its own sentence. */
  static Optional<Violation> status(SymbolRules rules) {
    return switch (rules.status()) {
      case TRADING -> Optional.empty();
      case CANCEL_ONLY -> Optional.of(RuleMessages.cancelOnly(rules.symbol()));
      case END_OF_DAY, HALT, BREAK, UNKNOWN -> Optional.of(RuleMessages.notTrading(rules.symbol(), rules.status()));
    };
  }

  @Override
  public List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market) {
    List<Violation> violations = new ArrayList<>();
    List<String> off = switchedOff(plan.kind(), rules);
    if (!off.isEmpty()) {
      violations.add(RuleMessages.listKindNotAllowed(rules.symbol(), plan.kind(), off));
    }
    Map<OrderType, PlannedLeg> refusedTypes = new EnumMap<>(OrderType.class);
    for (PlannedLeg leg : plan.legs()) {
      if (!rules.orderTypes().contains(leg.leg().type())) {
        refusedTypes.putIfAbsent(leg.leg().type(), leg);
      }
    }
    refusedTypes.values().forEach(leg -> violations.add(RuleMessages.orderTypeNotAllowed(rules.symbol(), leg)));
    boolean trailing = plan.legs().stream().anyMatch(leg -> leg.leg().trailingDelta().isPresent());
    if (trailing && !rules.allowTrailingStop()) {
      violations.add(RuleMessages.trailingNotAllowed(rules.symbol()));
    }
    return violations;
  }

  /** The Binance list names whose flag this kind needs but the symbol has off. */
  private static List<String> switchedOff(ListKind kind, SymbolRules rules) {
    List<String> off = new ArrayList<>(3);
    if (kind.hasEntry() && !rules.otoAllowed()) {
      off.add("OTO");
    }
    if (kind.exitIsPair() && !rules.ocoAllowed()) {
      off.add("OCO");
    }
    if (kind.paysFromFill() && !rules.opoAllowed()) {
      off.add("OPO");
    }
    return off;
  }
}
