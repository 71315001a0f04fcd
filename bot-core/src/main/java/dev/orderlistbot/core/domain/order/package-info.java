/**
 * The five Binance Spot order lists (OCO, OTO, OTOCO, OPO, OPOCO) and their legs, exactly as the
 * Binance REST API defines them. Every record validates itself on construction, so an order list
 * that Binance would refuse for its structure (leg types, sides, above/below ordering) cannot be
 * built. Checks that need market data (last price, filters) live in {@code core.rules}.
 *
 * <p>Also the exchange's view of lists it holds: {@link
 * dev.orderlistbot.core.domain.order.PlacedOrderList} with its legs and their reports, the ids
 * Binance assigns ({@link dev.orderlistbot.core.domain.order.OrderListId}) and the client ids the
 * bot assigns ({@link dev.orderlistbot.core.domain.order.ClientListId}, from which every leg's
 * {@link dev.orderlistbot.core.domain.order.ClientOrderId} is derived).
 */
package dev.orderlistbot.core.domain.order;
