package dev.orderlistbot.core.rules;

/**
 * The account-wide limits Binance publishes in {@code exchangeInfo}'s top-level {@code
 * exchangeFilters}: they count the account's open orders across every symbol. A limit of zero is
 * off, as on Binance. ({@code EXCHANGE_MAX_NUM_ICEBERG_ORDERS} is not kept: the bot places no
 * icebergs.)
 */
public sealed interface ExchangeFilter {

  /** EXCHANGE_MAX_NUM_ORDERS: open orders on every symbol, stop and take-profit orders included. */
  record ExchangeMaxNumOrders(int limit) implements ExchangeFilter {}

  /** EXCHANGE_MAX_NUM_ORDER_LISTS: open order lists on every symbol (an OTOCO is one list). */
  record ExchangeMaxNumOrderLists(int limit) implements ExchangeFilter {}

  /** EXCHANGE_MAX_NUM_ALGO_ORDERS: stop-loss and take-profit orders waiting on every symbol. */
  record ExchangeMaxNumAlgoOrders(int limit) implements ExchangeFilter {}
}
