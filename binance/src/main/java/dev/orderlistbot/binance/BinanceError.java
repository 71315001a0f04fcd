package dev.orderlistbot.binance;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binance's error codes that matter to an order-list bot (reference section 6.3), each with a
 * sentence a trader understands. Decode by <em>code</em>: Binance says codes are stable while
 * messages vary. Three codes carry details in their message that are mapped too: {@code -1013}
 * names the failed filter, {@code -2010}, {@code -2011} and {@code -2038} the engine's reason (insufficient
 * balance, duplicate order, would trigger immediately, unknown order...).
 *
 * <p>Example: {@code {"code":-1013,"msg":"Filter failure: LOT_SIZE"}} explains as "The quantity is
 * below the pair's minimum, above its maximum, or not a multiple of its step size."
 *
 * <p>{@code -1000}, {@code -1001}, {@code -1006} and {@code -1007} are {@link Kind#OUTCOME_UNKNOWN}
 * whatever the HTTP status they come with: Binance's errors.md says their execution status is
 * unknown (or, for {@code -1000}/{@code -1001}, an internal error with no promise that nothing
 * happened), and they have been seen with a 4xx (docs/decisions.md).
 */
enum BinanceError {
  UNKNOWN(-1000, Kind.OUTCOME_UNKNOWN, "Binance failed while handling the request, so its outcome is unknown; the bot checks before doing anything else."),
  DISCONNECTED(-1001, Kind.OUTCOME_UNKNOWN, "Binance had an internal error while handling the request, so its outcome is unknown; the bot checks before doing anything else."),
  UNEXPECTED_RESP(-1006, Kind.OUTCOME_UNKNOWN, "Binance's answer was garbled, so the outcome is unknown; the bot checks before doing anything else."),
  TOO_MANY_REQUESTS(-1003, Kind.RATE_LIMITED, "Binance is rate-limiting this bot; it sends nothing until the limit resets."),
  TIMEOUT(-1007, Kind.OUTCOME_UNKNOWN, "Binance did not answer in time, so the outcome is unknown; the bot checks before doing anything else."),
  INVALID_MESSAGE(-1013, Kind.REFUSED, "Binance refused the order before it reached the market."),
  UNKNOWN_ORDER_COMPOSITION(-1014, Kind.REFUSED, "That combination of order types isn't supported."),
  TOO_MANY_ORDERS(-1015, Kind.RATE_LIMITED, "Your account placed too many new orders recently; Binance's order-rate limit is reached."),
  INVALID_TIMESTAMP(-1021, Kind.CLOCK, "The bot's clock was out of step with Binance's; it has re-synchronised, so please try again."),
  INVALID_SIGNATURE(-1022, Kind.CREDENTIALS, "Binance did not accept the request's signature: your API secret or private key looks wrong, or does not belong to this API key."),
  ILLEGAL_CHARS(-1100, Kind.REFUSED, "A value contains characters Binance does not allow"),
  TOO_MANY_PARAMETERS(-1101, Kind.REFUSED, "The bot sent too many or duplicate values (a bot bug)."),
  MANDATORY_PARAM_EMPTY_OR_MALFORMED(-1102, Kind.REFUSED, "A required value was missing or malformed"),
  UNKNOWN_PARAM(-1103, Kind.REFUSED, "The bot sent a value Binance does not know (a bot bug)."),
  UNREAD_PARAMETERS(-1104, Kind.REFUSED, "The bot sent a value this order type does not take (a bot bug)."),
  PARAM_EMPTY(-1105, Kind.REFUSED, "A value was empty"),
  PARAM_NOT_REQUIRED(-1106, Kind.REFUSED, "The bot sent a value this order type does not take (a bot bug)"),
  BAD_PRECISION(-1111, Kind.REFUSED, "A price or quantity has more decimals than this pair allows."),
  INVALID_TIF(-1115, Kind.REFUSED, "That time in force is not valid."),
  INVALID_ORDER_TYPE(-1116, Kind.REFUSED, "That order type is not valid."),
  INVALID_SIDE(-1117, Kind.REFUSED, "That side is not valid."),
  BAD_SYMBOL(-1121, Kind.REFUSED, "Unknown pair: Binance has no such symbol."),
  OPTIONAL_PARAMS_BAD_COMBO(-1128, Kind.REFUSED, "That combination of optional settings is not valid."),
  BAD_STRATEGY_TYPE(-1134, Kind.REFUSED, "The strategy type must be at least 1000000."),
  OCO_ORDER_TYPE_REJECTED(-1158, Kind.REFUSED, "That order type can't be used in an OCO."),
  OCO_ICEBERGQTY_TIMEINFORCE(-1160, Kind.REFUSED, "An iceberg quantity needs time in force GTC on that leg."),
  BUY_OCO_LIMIT_MUST_BE_BELOW(-1165, Kind.REFUSED, "In a BUY OCO the limit (take-profit) order must be below the current price."),
  SELL_OCO_LIMIT_MUST_BE_ABOVE(-1166, Kind.REFUSED, "In a SELL OCO the limit (take-profit) order must be above the current price."),
  BOTH_OCO_ORDERS_CANNOT_BE_LIMIT(-1168, Kind.REFUSED, "An OCO needs a stop-loss leg; both legs can't be limit orders."),
  BUY_OCO_STOP_LOSS_MUST_BE_ABOVE(-1196, Kind.REFUSED, "In a BUY OCO the stop-loss must be above the current price."),
  SELL_OCO_STOP_LOSS_MUST_BE_BELOW(-1197, Kind.REFUSED, "In a SELL OCO the stop-loss must be below the current price."),
  BUY_OCO_TAKE_PROFIT_MUST_BE_BELOW(-1198, Kind.REFUSED, "In a BUY OCO the take-profit must be below the current price."),
  SELL_OCO_TAKE_PROFIT_MUST_BE_ABOVE(-1199, Kind.REFUSED, "In a SELL OCO the take-profit must be above the current price."),
  OPO_WORKING_MUST_BE_BUY(-1222, Kind.REFUSED, "An OPO needs a BUY entry order."),
  OPO_PENDING_MUST_BE_SELL(-1223, Kind.REFUSED, "The exit orders of an OPO must be SELL orders."),
  WORKING_PARAM_REQUIRED(-1224, Kind.REFUSED, "The entry order is missing a required value (a bot bug)"),
  PENDING_PARAM_NOT_REQUIRED(-1225, Kind.REFUSED, "The exit orders carry a value they must not have (a bot bug)"),
  NEW_ORDER_REJECTED(-2010, Kind.REFUSED, "Binance's matching engine rejected the order."),
  CANCEL_REJECTED(-2011, Kind.REFUSED, "Binance refused to cancel the order list."),
  NO_SUCH_ORDER(-2013, Kind.REFUSED, "No such order."),
  BAD_API_KEY_FMT(-2014, Kind.CREDENTIALS, "Your API key is malformed; please enter it again."),
  REJECTED_MBX_KEY(-2015, Kind.CREDENTIALS, "Binance refused the API key: it is invalid, this server's IP is not on its whitelist, or it lacks Spot trading permission."),
  ORDER_ARCHIVED(-2026, Kind.REFUSED, "That order ended unfilled more than 90 days ago and is archived."),
  SUBSCRIPTION_ACTIVE(-2035, Kind.REFUSED, "The account's update subscription is already active."),
  SUBSCRIPTION_INACTIVE(-2036, Kind.REFUSED, "The account's update subscription is not active."),
  ORDER_AMEND_REJECTED(-2038, Kind.REFUSED, "Binance refused to change the order's quantity; the order is as it was."),
  CLIENT_ORDER_ID_INVALID(-2039, Kind.REFUSED, "The order id and client order id do not belong to the same order."),
  MAXIMUM_SUBSCRIPTION_IDS(-2042, Kind.REFUSED, "Too many subscriptions on one connection; the bot has to reconnect."),
  NO_REFERENCE_PRICE(-2043, Kind.REFUSED, "Binance has no reference price for this pair yet.");

  /** How the bot reacts to a code. */
  enum Kind {
    /** Binance refused the request; nothing happened. */
    REFUSED,
    /** Back off: Binance asked the bot (or the account) to send nothing for a while. */
    RATE_LIMITED,
    /** The key, secret, IP whitelist or permissions are wrong. */
    CREDENTIALS,
    /** The timestamp was outside recvWindow: re-measure the clock offset. */
    CLOCK,
    /** The request may or may not have been executed. */
    OUTCOME_UNKNOWN
  }

  private static final Map<Integer, BinanceError> BY_CODE = new HashMap<>();
  private static final Pattern FILTER = Pattern.compile("Filter failure: ([A-Z_]+)");
  private static final Pattern QUOTED = Pattern.compile("'([A-Za-z0-9_]{1,64})'");

  static {
    for (BinanceError error : values()) {
      BY_CODE.put(error.code, error);
    }
  }

  private final int code;
  private final Kind kind;
  private final String explanation;

  BinanceError(int code, Kind kind, String explanation) {
    this.code = code;
    this.kind = kind;
    this.explanation = explanation;
  }

  int code() {
    return code;
  }

  Kind kind() {
    return kind;
  }

  static Optional<BinanceError> byCode(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** How the bot reacts to {@code code}; codes it does not know are refusals. */
  static Kind kindOf(int code) {
    return byCode(code).map(BinanceError::kind).orElse(Kind.REFUSED);
  }

  /**
   * Whether Binance does not know the order (list) a cancel named: {@code -2011} with "Unknown order
   * sent.", which is also its answer for a list that already ended (reference 1.7). {@code -2011}
   * has other messages too (an account that may not cancel, a closed market), and those leave the
   * list as it was.
   */
  static boolean unknownOrder(int code, String message) {
    return code == CANCEL_REJECTED.code
        && EngineMessage.of(message == null ? "" : message).filter(m -> m == EngineMessage.UNKNOWN_ORDER).isPresent();
  }

  /**
   * A sentence for the trader about error {@code code} whose Binance message was {@code message}.
   * Only a filter name or a parameter name is ever taken over from the message.
   */
  static String explain(int code, String message) {
    String msg = message == null ? "" : message;
    Optional<BinanceError> known = byCode(code);
    if (known.isEmpty()) {
      return "Binance refused the request (error code " + code + ").";
    }
    BinanceError error = known.get();
    return switch (error) {
      case INVALID_MESSAGE -> filterFailure(msg);
      case NEW_ORDER_REJECTED, CANCEL_REJECTED, ORDER_AMEND_REJECTED -> EngineMessage.explain(msg).orElse(error.explanation);
      case ILLEGAL_CHARS,
          MANDATORY_PARAM_EMPTY_OR_MALFORMED,
          PARAM_EMPTY,
          PARAM_NOT_REQUIRED,
          WORKING_PARAM_REQUIRED,
          PENDING_PARAM_NOT_REQUIRED ->
          withParameter(error.explanation, msg);
      default -> error.explanation;
    };
  }

  private static String withParameter(String sentence, String msg) {
    Matcher quoted = QUOTED.matcher(msg);
    return quoted.find() ? sentence + ": " + quoted.group(1) + "." : sentence + ".";
  }

  private static String filterFailure(String msg) {
    Matcher filter = FILTER.matcher(msg);
    if (!filter.find()) {
      return INVALID_MESSAGE.explanation;
    }
    String name = filter.group(1);
    return switch (name) {
      case "PRICE_FILTER" -> "A price is outside the pair's allowed range or not a multiple of its tick size.";
      case "PERCENT_PRICE", "PERCENT_PRICE_BY_SIDE" -> "A price is too far from the current market price.";
      case "LOT_SIZE" -> "The quantity is below the pair's minimum, above its maximum, or not a multiple of its step size.";
      case "MARKET_LOT_SIZE" -> "The quantity is outside what the pair allows for orders that execute at market.";
      case "MIN_NOTIONAL", "NOTIONAL" -> "The order's value (price × quantity) is below the pair's minimum order value or above its maximum.";
      case "ICEBERG_PARTS" -> "The iceberg quantity would split the order into too many parts.";
      case "MAX_POSITION" -> "The order would take your position in this asset above the pair's maximum.";
      case "MAX_NUM_ORDERS" -> "You have too many open orders on this pair.";
      case "MAX_NUM_ALGO_ORDERS" -> "You have too many open stop-loss and take-profit orders on this pair.";
      case "MAX_NUM_ICEBERG_ORDERS" -> "You have too many open iceberg orders on this pair.";
      case "MAX_NUM_ORDER_LISTS" -> "You have too many open order lists on this pair.";
      case "MAX_NUM_ORDER_AMENDS" -> "That order was already amended as many times as the pair allows; it can't be reduced again.";
      case "TRAILING_DELTA" -> "The trailing distance is outside what the pair allows.";
      case "EXCHANGE_MAX_NUM_ORDERS" -> "Your account has too many open orders.";
      case "EXCHANGE_MAX_NUM_ALGO_ORDERS" -> "Your account has too many open stop-loss and take-profit orders.";
      case "EXCHANGE_MAX_NUM_ICEBERG_ORDERS" -> "Your account has too many open iceberg orders.";
      case "EXCHANGE_MAX_NUM_ORDER_LISTS" -> "Your account has too many open order lists.";
      default -> "The order breaks the pair's " + name.toLowerCase(Locale.ROOT).replace('_', ' ') + " rule.";
    };
  }
}
