/**
 * Pre-trade checks: a parsed order-list command, a symbol's exchange rules and a market snapshot
 * (last price, balances, open counts) become a concrete {@link
 * dev.orderlistbot.core.domain.order.OrderListRequest} with the figures a preview needs, or a list
 * of violations a trader understands. Pure functions; depends on {@code java..}, {@code
 * core.domain} and {@code core.command} only.
 */
package dev.orderlistbot.core.rules;
