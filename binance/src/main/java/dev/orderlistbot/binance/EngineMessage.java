package dev.orderlistbot.binance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The matching engine's reasons behind {@code -2010} (and {@code -2011}, {@code -2038}), by message fragment, in
 * the order they are tried. Binance's messages vary slightly over time; fragments are matched
 * case-insensitively.
 */
enum EngineMessage {
  INSUFFICIENT_BALANCE("insufficient balance", "Not enough free balance for this order."),
  DUPLICATE_ORDER("duplicate order", "An order list with this id is already open: this order was already placed."),
  MARKET_CLOSED("market is closed", "This market is closed right now."),
  WOULD_TRIGGER_IMMEDIATELY("would trigger immediately", "A stop price has already been crossed by the market, so the order would trigger at once."),
  WOULD_MATCH_AND_TAKE("would immediately match and take", "The take-profit would fill at once against the order book; a maker-only order has to rest on the book."),
  BAD_PRICES("relationship of the prices", "The prices are on the wrong sides of the current price: take-profit and stop-loss must be on opposite sides of it."),
  OCO_NOT_SUPPORTED("oco orders are not supported", "This pair does not allow OCO lists."),
  OPO_NOT_SUPPORTED("opo orders are not supported", "This pair does not allow OPO lists."),
  STOP_LOSS_NOT_SUPPORTED("stop loss", "This pair does not allow stop-loss orders."),
  TAKE_PROFIT_NOT_SUPPORTED("take profit", "This pair does not allow take-profit orders."),
  TRAILING_NOT_SUPPORTED("trailing stop", "This pair does not allow trailing stops."),
  ICEBERG_EXCEEDS_QTY("icebergqty exceeds qty", "The iceberg quantity is larger than the order's quantity."),
  ICEBERG_NOT_SUPPORTED("iceberg orders are not supported", "This pair does not allow iceberg orders."),
  PEGGED_NOT_SUPPORTED("pegged orders are not supported", "This pair does not allow pegged orders."),
  ZERO_VALUE("price * qty is zero or less", "The order's value is zero."),
  UNSUPPORTED_COMBINATION("unsupported order combination", "That combination of order types isn't supported."),
  SYMBOL_NOT_PERMITTED("symbol is not permitted", "Your account may not trade this pair."),
  SYMBOL_RESTRICTED("symbol is restricted", "Your account may not trade this pair."),
  ACTION_DISABLED("action is disabled", "Your account may not place or cancel orders right now."),
  ACCOUNT_MAY_NOT_TRADE("may not place or cancel orders", "Your account may not place or cancel orders right now."),
  REST_TRADING_DISABLED("rest api trading is not enabled", "Your API key does not allow trading: enable Spot trading for it."),
  OPO_AMEND("pending opo order", "The exit of an OPO can't be amended before its entry has filled."),
  AMEND_INCREASE("quantity increase", "An order's quantity can only be lowered, never raised."),
  AMEND_NO_CHANGE("would change no state", "The order already has that quantity; nothing changed."),
  AMEND_NOT_SUPPORTED("order amend is not supported", "This pair does not allow changing an order's quantity."),
  MARKET_NOT_SUPPORTED("market orders are not supported", "This pair does not allow market orders."),
  UNKNOWN_ORDER("unknown order sent", "Nothing to cancel: the order list already filled, expired or was cancelled.");

  private static final List<EngineMessage> IN_ORDER = List.of(values());

  private final String fragment;
  private final String explanation;

  EngineMessage(String fragment, String explanation) {
    this.fragment = fragment;
    this.explanation = explanation;
  }

  static Optional<EngineMessage> of(String message) {
    String lower = message.toLowerCase(Locale.ROOT);
    return IN_ORDER.stream().filter(m -> lower.contains(m.fragment)).findFirst();
  }

  static Optional<String> explain(String message) {
    return of(message).map(m -> m.explanation);
  }
}
