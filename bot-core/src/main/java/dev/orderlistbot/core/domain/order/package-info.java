/**
 * The five Binance Spot order lists (OCO, OTO, OTOCO, OPO, OPOCO) and their legs, exactly as the
 * Binance REST API defines them. Every record validates itself on construction, so an order list
 * that Binance would refuse for its structure (leg types, sides, above/below ordering) cannot be
 * built. Checks that need market data (last price, filters) live in {@code core.rules}.
 */
package dev.orderlistbot.core.domain.order;
