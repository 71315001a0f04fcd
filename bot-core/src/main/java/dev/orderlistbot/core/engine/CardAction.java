package dev.orderlistbot.core.engine;

/**
 * What a button on an order card asks for. Pressing one does not act: it leads to a confirmation
 * preview of exactly what would be sent (see {@link TradeActions#cardPressed}).
 */
enum CardAction {
  /** Cancel the whole list. */
  CANCEL,
  /** Cancel the list, then sell (or buy back) its remaining base quantity at market. */
  CLOSE,
  /** Move the stop to the entry's average fill price (cancel and re-place the exits). */
  BREAKEVEN
}
