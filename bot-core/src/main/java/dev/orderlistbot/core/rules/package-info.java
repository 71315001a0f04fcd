/**
 * Pre-trade checks: a parsed order-list command, a symbol's exchange rules and a market snapshot
 * (last price, balances, open counts) become a concrete {@link
 * dev.orderlistbot.core.domain.order.OrderListRequest} with the figures a preview needs, or a list
 * of violations a trader understands. {@link dev.orderlistbot.core.rules.PreTradeCheck} is the
 * entry; {@link dev.orderlistbot.core.rules.CheckResult}, {@link dev.orderlistbot.core.rules.Violation}
 * and {@link dev.orderlistbot.core.rules.Preview} are what it answers. Everything else here is
 * package-private: resolution ({@code PlanResolver}, {@code PriceResolver}, {@code
 * QuantityResolver}, {@code LegMapper}), one {@code PlanCheck} per concern, the preview figures and
 * every sentence ({@code RuleMessages}). Pure functions; depends on {@code java..}, {@code
 * core.domain} and {@code core.command} only.
 */
package dev.orderlistbot.core.rules;
