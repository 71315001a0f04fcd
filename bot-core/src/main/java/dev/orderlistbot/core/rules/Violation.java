package dev.orderlistbot.core.rules;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One reason a command cannot be placed, for the trader: {@code message} is a full sentence that
 * names the problem and, where one exists, the corrected value ("32000.005 is not a multiple of the
 * tick size 0.01: use 32000 or 32000.01"). {@code rule} tells tests and the engine which check
 * failed; {@code binanceCode} is the error Binance would answer with (for example -1199 for a SELL
 * OCO whose take-profit is not above the last price, -1013 for a filter failure, -2010 for an
 * engine rejection), when there is one, so the engine can mention it.
 *
 * @param rule which check failed
 * @param message the sentence shown in the chat
 * @param binanceCode the Binance error code the exchange would return, if any
 */
public record Violation(Rule rule, String message, OptionalInt binanceCode) {
  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(binanceCode, "binanceCode");
    if (message.isBlank()) {
      throw new IllegalArgumentException("a violation needs a message");
    }
  }

  /** The check that failed. Switch over it exhaustively to react to particular rules. */
  public enum Rule {
    /** A safety limit of the operator or the trader (issue 16): a notional, the open lists, a pair, the loss halt. */
    SAFETY_LIMIT,
    /** The symbol is halted, in a break, at end of day or in an unknown state. */
    SYMBOL_NOT_TRADING,
    /** The symbol accepts cancels only. */
    SYMBOL_CANCEL_ONLY,
    /** The list kind needs an {@code ocoAllowed}/{@code otoAllowed}/{@code opoAllowed} flag that is off. */
    LIST_KIND_NOT_ALLOWED,
    /** A leg's order type is not in the symbol's {@code orderTypes}. */
    ORDER_TYPE_NOT_ALLOWED,
    /** A trailing stop on a symbol without {@code allowTrailingStop}. */
    TRAILING_STOP_NOT_ALLOWED,
    /** A quote amount in an asset that is not the symbol's quote asset. */
    QUOTE_ASSET_MISMATCH,
    /** A {@code $} amount on a symbol not quoted in a US-dollar stablecoin. */
    USD_AMOUNT_NEEDS_USD_QUOTE,
    /** A share of the balance was asked for, but the balances are not known. */
    BALANCES_UNKNOWN,
    /** An amount cannot be converted because the symbol publishes no step size. */
    QUANTITY_NOT_CONVERTIBLE,
    /** A converted amount rounds down to zero steps. */
    QUANTITY_ROUNDS_TO_ZERO,
    /** A relative price rounds to zero at the tick size. */
    PRICE_ROUNDS_TO_ZERO,
    /** PRICE_FILTER: not a multiple of the tick size. */
    PRICE_TICK,
    /** PRICE_FILTER: below the minimum price. */
    PRICE_MIN,
    /** PRICE_FILTER: above the maximum price. */
    PRICE_MAX,
    /** LOT_SIZE: not a multiple of the step size. */
    LOT_SIZE_STEP,
    /** LOT_SIZE: below the minimum quantity. */
    LOT_SIZE_MIN,
    /** LOT_SIZE: above the maximum quantity. */
    LOT_SIZE_MAX,
    /** MARKET_LOT_SIZE (market-on-trigger legs): not a multiple of the step size. */
    MARKET_LOT_SIZE_STEP,
    /** MARKET_LOT_SIZE: below the minimum quantity. */
    MARKET_LOT_SIZE_MIN,
    /** MARKET_LOT_SIZE: above the maximum quantity. */
    MARKET_LOT_SIZE_MAX,
    /** NOTIONAL: an order worth less than the minimum. */
    NOTIONAL_MIN,
    /** NOTIONAL: an order worth more than the maximum. */
    NOTIONAL_MAX,
    /** Legacy MIN_NOTIONAL: an order worth less than the minimum. */
    MIN_NOTIONAL,
    /** PERCENT_PRICE_BY_SIDE: a limit price too far from the market for its side. */
    PERCENT_PRICE_BY_SIDE,
    /** PERCENT_PRICE: a limit price too far from the market. */
    PERCENT_PRICE,
    /** The take-profit is not on the profit side of the last price (OCO) or of the entry. */
    TAKE_PROFIT_WRONG_SIDE,
    /** A take-profit-limit's trigger is already crossed, so it would trigger immediately. */
    TAKE_PROFIT_TRIGGER_WRONG_SIDE,
    /** The stop-loss trigger is already crossed (OCO: vs the last price; else vs the entry). */
    STOP_LOSS_WRONG_SIDE,
    /** A LIMIT_MAKER entry would match at once and be rejected. */
    ENTRY_WOULD_TAKE,
    /** Bot policy: a stop-loss-limit whose limit lies beyond its trigger may never fill. */
    STOP_LIMIT_WRONG_SIDE,
    /** TRAILING_DELTA: the trailing distance is below the minimum. */
    TRAILING_DELTA_MIN,
    /** TRAILING_DELTA: the trailing distance is above the maximum. */
    TRAILING_DELTA_MAX,
    /** MAX_NUM_ORDERS: too many open orders on the symbol. */
    MAX_NUM_ORDERS,
    /** MAX_NUM_ORDER_LISTS: too many open order lists on the symbol. */
    MAX_NUM_ORDER_LISTS,
    /** MAX_NUM_ALGO_ORDERS: too many stop and take-profit orders waiting to trigger on the symbol. */
    MAX_NUM_ALGO_ORDERS,
    /** EXCHANGE_MAX_NUM_ORDERS: too many open orders on the whole account. */
    EXCHANGE_MAX_NUM_ORDERS,
    /** EXCHANGE_MAX_NUM_ORDER_LISTS: too many open order lists on the whole account. */
    EXCHANGE_MAX_NUM_ORDER_LISTS,
    /** EXCHANGE_MAX_NUM_ALGO_ORDERS: too many stop and take-profit orders waiting on the whole account. */
    EXCHANGE_MAX_NUM_ALGO_ORDERS,
    /** The free balance does not cover the order. */
    INSUFFICIENT_BALANCE,
    /** Sizing by risk without a stop-loss, or with a stop that risks nothing. */
    RISK_NEEDS_STOP,
    /** Sizing by risk needs the account's fee or equity, which could not be read. */
    RISK_FACTS_UNKNOWN,
    /** The risk buys less than the minimum quantity or notional. */
    RISK_TOO_SMALL,
    /** A ladder's resolved targets are not in order from the nearest to the farthest. */
    TARGETS_OUT_OF_ORDER
  }
}
