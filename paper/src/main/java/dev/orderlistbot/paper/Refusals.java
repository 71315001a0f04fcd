package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.port.out.ExchangeError.NotFound;
import dev.orderlistbot.core.port.out.ExchangeError.Refused;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Every refusal of the paper exchange (and its "nothing to cancel"): Binance's code for the same mistake, with a sentence for the
 * trader (the Binance adapter's wording where it has one, plus the numbers involved).
 */
final class Refusals {
  static final int FILTER_FAILURE = -1013;
  static final int BAD_SYMBOL = -1121;
  static final int BUY_OCO_LIMIT_MUST_BE_BELOW = -1165;
  static final int SELL_OCO_LIMIT_MUST_BE_ABOVE = -1166;
  static final int BUY_OCO_STOP_LOSS_MUST_BE_ABOVE = -1196;
  static final int SELL_OCO_STOP_LOSS_MUST_BE_BELOW = -1197;
  static final int BUY_OCO_TAKE_PROFIT_MUST_BE_BELOW = -1198;
  static final int SELL_OCO_TAKE_PROFIT_MUST_BE_ABOVE = -1199;
  static final int NEW_ORDER_REJECTED = -2010;
  static final int CANCEL_REJECTED = -2011;
  static final int NO_SUCH_ORDER = -2013;
  static final int ORDER_AMEND_REJECTED = -2038;

  private Refusals() {}

  static Refused unknownSymbol(Symbol symbol, Collection<Symbol> listed) {
    return new Refused(
        BAD_SYMBOL,
        "Unknown pair: the paper exchange does not list " + symbol + " (it lists "
            + listed.stream().map(Symbol::value).collect(Collectors.joining(", ")) + ").");
  }

  static Refused filter(String sentence) {
    return new Refused(FILTER_FAILURE, sentence);
  }

  static Refused marketClosed() {
    return new Refused(NEW_ORDER_REJECTED, "This market is closed right now.");
  }

  static Refused kindNotSupported(ListKind kind) {
    return new Refused(NEW_ORDER_REJECTED, "This pair does not allow " + kind + " lists.");
  }

  static Refused typeNotSupported(OrderType type) {
    String what = type.isStopLoss() ? "stop-loss" : type.isTriggered() ? "take-profit" : type.name();
    return new Refused(NEW_ORDER_REJECTED, "This pair does not allow " + what + " orders.");
  }

  static Refused trailingNotSupported() {
    return new Refused(NEW_ORDER_REJECTED, "This pair does not allow trailing stops.");
  }

  /** An OCO leg on the wrong side of the last price: Binance's -1165/-1166/-1196..-1199. */
  static Refused ocoSide(int code, Side side, String leg, boolean mustBeAbove, BigDecimal last) {
    return new Refused(
        code,
        "In a " + side + " OCO the " + leg + " must be " + (mustBeAbove ? "above" : "below")
            + " the current price (" + plain(last) + ").");
  }

  static Refused wouldTriggerImmediately(BigDecimal stop, BigDecimal last) {
    return new Refused(
        NEW_ORDER_REJECTED,
        "The stop price " + plain(stop) + " has already been crossed by the market (" + plain(last)
            + "), so the order would trigger at once.");
  }

  static Refused wouldMatchImmediately(BigDecimal price, BigDecimal last) {
    return new Refused(
        NEW_ORDER_REJECTED,
        "The maker-only order at " + plain(price) + " would fill at once against the current price ("
            + plain(last) + "); a LIMIT_MAKER has to rest on the book.");
  }

  static Refused duplicate() {
    return new Refused(
        NEW_ORDER_REJECTED, "An order list with this id is already open: this order was already placed.");
  }

  static Refused insufficientBalance(Asset asset, BigDecimal needed, BigDecimal free) {
    return new Refused(
        NEW_ORDER_REJECTED,
        "Not enough free balance for this order: it needs " + plain(needed) + " " + asset + ", and "
            + plain(free) + " " + asset + " is free.");
  }

  static NotFound nothingToCancel() {
    return new NotFound(
        CANCEL_REJECTED, "Nothing to cancel: the order list already filled, expired or was cancelled.");
  }

  /** An amend of an order that is not open (any more): Binance's "Order does not exist." */
  static NotFound orderGone() {
    return new NotFound(NO_SUCH_ORDER, "That order is no longer open: it filled, expired or was cancelled.");
  }

  /** Binance's "Order amend (quantity increase) is not supported." */
  static Refused amendIncrease(BigDecimal wanted, BigDecimal quantity) {
    return new Refused(
        ORDER_AMEND_REJECTED,
        "An order's quantity can only be lowered, never raised: it is " + plain(quantity) + ", not " + plain(wanted) + ".");
  }

  /** Binance's "The requested action would change no state; rejecting." */
  static Refused amendNoChange(BigDecimal quantity) {
    return new Refused(ORDER_AMEND_REJECTED, "The order already has the quantity " + plain(quantity) + "; nothing changed.");
  }

  /** An amend to no more than the order already filled. */
  static Refused amendBelowFilled(BigDecimal wanted, BigDecimal executed) {
    return new Refused(
        ORDER_AMEND_REJECTED,
        "The order already filled " + plain(executed) + ", so its quantity can't go down to " + plain(wanted) + ".");
  }

  /** Binance's "Order amend (pending OPO order) is not supported." */
  static Refused amendPendingOpo() {
    return new Refused(ORDER_AMEND_REJECTED, "The exit of an OPO can't be amended before its entry has filled.");
  }

  /** Binance's {@code -1013 "Filter failure: MAX_NUM_ORDER_AMENDS"}. */
  static Refused tooManyAmends(int limit) {
    return filter("That order was already amended " + limit + " times, as many as the pair allows; it can't be reduced again.");
  }

  static String plain(BigDecimal value) {
    return Decimals.canonical(value).toPlainString();
  }
}
