package dev.orderlistbot.core.rules;

import java.util.List;

/** One concern of the pre-trade checks. Stateless; returns every violation it finds, or none. */
interface PlanCheck {
  List<Violation> check(Plan plan, SymbolRules rules, MarketSnapshot market);
}
