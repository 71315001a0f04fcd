package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.port.out.ExchangeError;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The sentences of the trade actions (moving a stop, closing at market, reducing a size): every
 * refusal names what is wrong and how to write it right; every result says what is live now. A
 * sentence catalogue: long by design, nothing else.
 */
final class TradeReplies {
  static final String RETRY = "🔁 Retry";
  static final String CLOSE_NOW = "Close at market";

  private TradeReplies() {}

  private static String n(BigDecimal value) {
    return Figures.number(value);
  }

  // ---- finding the list

  static String notYourList(long orderListId) {
    return "❌ #" + orderListId + " is not an open order list you placed through this bot. /orders lists yours.";
  }

  static String notOpen(String list) {
    return "❌ " + list + " has ended: there is nothing left to manage. /orders lists your open lists.";
  }

  static String cancelOnItsWay(String list) {
    return "⏳ A cancel of " + list + " is on its way; wait for its answer, then try again.";
  }

  // ---- moving the stop

  static String needsBothExits(String list, long orderListId) {
    return "❌ Moving the stop needs a list with a take-profit and a stop-loss (OCO, OTOCO, OPOCO); " + list
        + " has only one exit. Cancel it with /cancel " + orderListId + " and place a new one, e.g. /oco BTCUSDT sell"
        + " 0.01 tp 32000 sl 29500.";
  }

  static String stopNotWaiting(String list, LegStatus status) {
    return "❌ The stop-loss of " + list + " is no longer waiting (it is " + status + "), so it cannot be moved.";
  }

  static String trailingStop(String list) {
    return "❌ The stop-loss of " + list + " trails the price by itself; it has no fixed price to move.";
  }

  static String entryPartlyFilled(String list, long orderListId) {
    return "❌ The entry of " + list + " is partly filled. Wait until it fills, or close what it bought with /close "
        + orderListId + ".";
  }

  static String breakevenNeedsEntry(String list, long orderListId) {
    return "❌ " + list + " has no entry the bot saw fill, so there is no breakeven price. Give the price instead:"
        + " /movestop " + orderListId + " 29500.";
  }

  static String alreadyThere(String list, BigDecimal stop) {
    return "❌ The stop-loss of " + list + " is already at " + n(stop) + ".";
  }

  static String limitWouldBeNegative(BigDecimal stop) {
    return "❌ A stop at " + n(stop) + " keeps the old gap to its limit price, which would fall to zero or below."
        + " Choose a higher stop.";
  }

  static String takeProfitNotMovable(String list) {
    return "❌ The take-profit of " + list + " is of a kind the bot does not place again; it cannot be moved.";
  }

  static String stopCannotGoThere(BigDecimal stop, String why) {
    return "❌ The stop cannot move to " + n(stop) + ".\n" + why;
  }

  static String moveStopPreview(
      TradingEnvironment environment, String list, BigDecimal from, BigDecimal to, boolean breakeven, String replacement,
      Duration ttl) {
    return "🔧 " + environment.name() + ": move the stop of " + list + " from " + n(from) + " to " + n(to)
        + (breakeven ? " (breakeven)" : "") + ".\nBinance cannot change a list's prices in place, so this cancels "
        + list + " and at once places " + replacement + ".\nBetween the two the position has no stop for a moment;"
        + " if the new list fails you are told at once.\nConfirm within " + ttl.toSeconds() + " s.";
  }

  static String movingStop(String list) {
    return "⏳ Moving the stop: cancelling " + list + "…";
  }

  static String restoringStop(String list) {
    return "⏳ Placing again the new list that replaces " + list + "…";
  }

  static String stopMoved(TradingEnvironment environment, String old, String replacement, String legs) {
    return "✅ Stop moved on " + environment.name() + ": " + old + " is cancelled and " + replacement
        + " is live; orders: " + legs + ".";
  }

  static String stopNotMoved(String list, String why) {
    return "⚠️ The stop was not moved: " + why + " " + list + " works as before.";
  }

  static String stopNotMovedListEnded(String list, String why) {
    return "ℹ️ The stop was not moved: " + list + " had already ended (" + why.strip() + "). Nothing new was placed.";
  }

  static String filledMeanwhile(String list, BigDecimal held, Symbol symbol, long orderListId) {
    return "🚨 " + list + " is cancelled, but part of it filled meanwhile, so the new list (sized before) was NOT"
        + " placed. The position it held, " + n(held) + " on " + symbol + ", has NO stop now. Close it at market"
        + " below, or place a new /oco for it (e.g. /oco " + symbol + " ... tp ... sl ...). Ref #" + orderListId + ".";
  }

  static String noStopNow(String list, ExchangeError error, BigDecimal held, Symbol symbol) {
    return "🚨 " + list + " is cancelled, but the new list was NOT placed: " + Replies.exchangeError(error)
        + "\nYour position of " + n(held) + " on " + symbol + " has NO stop now. Retry places the same new list"
        + " once more; Close at market sells (or buys back) exactly that quantity.";
  }

  static String replacementUnknown(String list, String clientId) {
    return "⚠️ " + list + " is cancelled; Binance did not confirm the new list (" + clientId + ") yet. It will never"
        + " be sent twice: I look it up and tell you here within minutes whether it is live or your position has"
        + " no stop.";
  }

  static String replacementNotPlacedAfterAll(TradingEnvironment environment, String list) {
    return "🚨 The new list that was to replace " + list + " is not on " + environment.name() + ": it was never"
        + " placed. If " + list + " was cancelled, your position has NO stop now: /close it or place a new /oco.";
  }

  static String replacementNotPlacedOldWorks(TradingEnvironment environment, String list) {
    return "⚠️ The stop was not moved: the bot stopped before it was done, and the new list is not on "
        + environment.name() + ". " + list + " still works as before; move its stop again if you still want to.";
  }

  // ---- panic

  static String panicPreview(TradingEnvironment environment, java.util.List<String> lists, boolean close, Duration ttl) {
    return "🚨 " + environment.name() + ": PANIC. This cancels every open order list of yours (" + lists.size() + "):\n• "
        + String.join("\n• ", lists) + "\n"
        + (close
            ? "and then sells (or buys back) at market, per list, what it held when its cancel answered; never more."
            : "What filled stays in your balance; nothing is sold. (/panic close also closes it at market.)")
        + "\nEach runs once. Confirm within " + ttl.toSeconds() + " s.";
  }

  static String panicDone(boolean close, int done, int all, java.util.List<String> lines) {
    return (done == all ? "✅ " : "⚠️ ") + (close ? "Panic close" : "Panic") + ": " + done + " of " + all + " list(s) done.\n"
        + String.join("\n", lines) + (done == all ? "" : "\nThe buttons below run once more what failed.");
  }

  static String panicAllPreview(
      TradingEnvironment environment, java.util.List<String> lists, java.util.List<String> unread, Duration ttl) {
    return "🚨 " + environment.name() + ": PANIC ALL. This cancels every open order list of every user (" + lists.size()
        + "):\n• " + String.join("\n• ", lists) + "\n"
        + (unread.isEmpty() ? "" : String.join("\n", unread) + "\n")
        + "Nothing is sold; each user is told in private. Each cancel runs once. Confirm within " + ttl.toSeconds() + " s.";
  }

  static String panicAllUnread(UserRef user, String why) {
    return "⚠️ " + user + ": their lists could not be read, so none of them is in this panic (" + why.strip() + ")";
  }

  static String panicAllNothing(java.util.List<String> unread) {
    return "No user of the bot has an open order list." + (unread.isEmpty() ? "" : "\n" + String.join("\n", unread));
  }

  static String panicAllToOwner(java.util.List<String> lines) {
    return "🚨 An admin of this bot cancelled your open order lists (/panic all). What filled stays in your balance;"
        + " nothing was sold.\n" + String.join("\n", lines);
  }

  static String panicAllBotFailed() {
    return "the bot failed while handling it (the log says why), so it may still be working";
  }

  static String panicAllAdminsOnly() {
    return "/panic all cancels every user's lists, so only the bot's admins may send it. To cancel your own lists,"
        + " send /panic.";
  }

  static String closeHeldButton(PendingAction.CloseHeld close) {
    return close.side() + " " + n(close.quantity()) + " " + close.symbol() + " at market";
  }

  static String panicNotCancelled(String list, String why) {
    return "⚠️ " + list + " was not cancelled and still works: " + why;
  }

  /** A list a panic cut short by a stop never got to: its cancel was never sent. */
  static String panicCutShortStillWorks(String list) {
    return "⚠️ " + list + " was not cancelled and still works: the bot stopped before it got to it.";
  }

  /** A list a panic cut short by a stop had ended by the time it was settled: the bot cannot tell by what. */
  static String panicCutShortEnded(String list) {
    return "⏹ " + list + " is no longer open (the bot stopped before it could say how it ended).";
  }

  /** The same, for a list whose entry had filled and whose exits are gone with it. */
  static String panicCutShortEndedHolding(String list, String held, String ocoCommand) {
    return panicCutShortEnded(list) + " " + Replies.entryHeldWithNoExit(held, ocoCommand);
  }

  static String panicAlreadyEnded(String list, String why) {
    return "ℹ️ " + list + " had already ended (" + why.strip() + ").";
  }

  static String panicCancelledOnly(String list) {
    return "✖ Cancelled " + list + ". It was not placed through the bot, so the bot cannot tell what it held and"
        + " closed nothing.";
  }

  // ---- the be plan of a ladder

  static String cardBreakevenFirst() {
    return "🔧 be: when this list's target fills, the bot moves the ladder's other stops to breakeven (only while"
        + " it runs).";
  }

  static String cardBreakevenLater() {
    return "🔧 be: when the ladder's first target fills, the bot moves this stop to breakeven (only while it runs).";
  }

  static String breakevenMoving(String list, BigDecimal to) {
    return "🔧 Your ladder's first target filled: moving the stop of " + list + " to breakeven (" + n(to) + "), as its be"
        + " asked…";
  }

  static String breakevenMoveRun(String list) {
    return "• " + list + ": its stop's move is told above.";
  }

  static String breakevenListEnded(String list) {
    return "• " + list + " had already ended; nothing to move.";
  }

  static String breakevenPlanDone(String first, java.util.List<String> outcomes) {
    return "🔧 Breakeven plan done: " + first + " reached its target, so the other lists' stops were moved to"
        + " breakeven.\n" + String.join("\n", outcomes);
  }

  static String breakevenPlanOver(String first) {
    return "ℹ️ " + first + " ended without its take-profit filling, so the ladder's breakeven plan is over: the other"
        + " lists keep their stops.";
  }

  static String breakevenPlanNeverStarted(Symbol symbol) {
    return "ℹ️ The first list of your " + symbol + " ladder was never placed, so its breakeven plan is over: the other"
        + " lists keep their stops.";
  }

  // ---- closing at market

  static String cancelPreview(TradingEnvironment environment, String list, Duration ttl) {
    return "🔧 " + environment.name() + ": cancel " + list + ", every order of it that has not filled. What filled"
        + " stays in your balance.\nConfirm within " + ttl.toSeconds() + " s.";
  }

  static String nothingHeld(String list, long orderListId) {
    return "❌ " + list + " holds nothing yet: its entry has not filled. To remove it, send /cancel " + orderListId + ".";
  }

  static String closePreview(
      TradingEnvironment environment, String list, Side side, BigDecimal quantity, Symbol symbol, BigDecimal last,
      Duration ttl) {
    return "🔧 " + environment.name() + ": close " + list + ".\nThis cancels it, then sends one MARKET " + side + " of"
        + " the quantity it still holds when the cancel answers: now " + n(quantity) + " on " + symbol + " (last price "
        + n(last) + ", about " + n(quantity.multiply(last)) + " in the quote asset). Never more than the list holds."
        + "\nConfirm within " + ttl.toSeconds() + " s.";
  }

  static String heldClosePreview(TradingEnvironment environment, Side side, BigDecimal quantity, Symbol symbol, Duration ttl) {
    return "🔧 " + environment.name() + ": one MARKET " + side + " of " + n(quantity) + " on " + symbol
        + ". Confirm within " + ttl.toSeconds() + " s.";
  }

  static String closing(String list) {
    return "⏳ Closing: cancelling " + list + "…";
  }

  static String notClosed(String list, String why) {
    return "⚠️ Not closed: " + why + " " + list + " works as before.";
  }

  static String notClosedListEnded(String list, String why) {
    return "ℹ️ Not closed: " + list + " had already ended (" + why.strip() + "). Nothing was sold or bought.";
  }

  static String closedHoldingNothing(String list) {
    return "✖ Cancelled " + list + ". It held nothing (its entry had not filled), so no market order was sent.";
  }

  static String closed(String what, Side side, BigDecimal quantity, BigDecimal average, BigDecimal quote) {
    return "✅ " + what + ": MARKET " + side + " " + n(quantity) + " filled at an average of " + n(average) + " ("
        + n(quote) + " in the quote asset).";
  }

  static String closedPartly(String what, Side side, BigDecimal executed, BigDecimal quantity, BigDecimal average) {
    return "⚠️ " + what + ": MARKET " + side + " filled only " + n(executed) + " of " + n(quantity) + " at an average of "
        + n(average) + "; the book ran out. The rest is still held, with no order on it.";
  }

  static String marketRefused(String what, ExchangeError error, Side side, BigDecimal quantity, Symbol symbol) {
    return "🚨 " + what + ", but the MARKET " + side + " of " + n(quantity) + " on " + symbol + " was refused: "
        + Replies.exchangeError(error) + "\nThat quantity is held with no order protecting it. Retry sends the"
        + " same market order once more.";
  }

  static String marketUnknown(String what, Side side, BigDecimal quantity, String clientOrderId) {
    return "⚠️ " + what + ", but Binance did not confirm the MARKET " + side + " of " + n(quantity) + " and does not show"
        + " it (" + clientOrderId + "). It will never be sent again; check /balance before you act.";
  }

  static String closeCutShortListWorks(String list) {
    return "⚠️ Not closed: the bot stopped before it was done, and " + list + " was never cancelled. It works as"
        + " before; close it again if you still want to.";
  }

  static String closeCutShortNothingSold(String list, BigDecimal quantity, Symbol symbol) {
    return "🚨 " + list + " is cancelled, but the bot stopped before its market order, which was never sent. "
        + n(quantity) + " on " + symbol + " is held with no order protecting it. Retry sends the market order once.";
  }

  static String marketNeverSent(Side side, BigDecimal quantity, Symbol symbol) {
    return "🚨 The bot stopped before the MARKET " + side + " of " + n(quantity) + " on " + symbol + ", which was never"
        + " sent. That quantity is still held with no order protecting it. Retry sends it once.";
  }

  static String heldWithNoOrder(BigDecimal quantity, Symbol symbol) {
    return "⚠️ " + n(quantity) + " on " + symbol + " is held with no order protecting it.";
  }

  static String marketHeldBack(String what, Side side, BigDecimal quantity, Symbol symbol) {
    return "⚠️ " + what + ", but the MARKET " + side + " of " + n(quantity) + " on " + symbol + " was not sent: this close"
        + " was held up, and another instance answered for it meanwhile, with a Retry that sends it once. Unless that"
        + " Retry was used, " + n(quantity) + " on " + symbol + " is held with no order protecting it.";
  }

  static String earlierMarketSent(String clientOrderId, String filled) {
    return "ℹ️ Nothing more was sent: the earlier market order (" + clientOrderId + ") was sent after all, by the close"
        + " that was still running.\n" + filled;
  }

  static String earlierMarketNotChecked(String clientOrderId, String why) {
    return "⚠️ Nothing was sent: the bot could not check whether the earlier market order (" + clientOrderId + ") went"
        + " through after all: " + why + "\nRetry checks again, and sends the market order only if that one was never sent.";
  }

  static String dustLeft(BigDecimal dust) {
    return "\n(" + n(dust) + " below the symbol's step size stays in your balance.)";
  }

  // ---- reducing the size

  static String reduceBeforeEntry(String list, long orderListId) {
    return "❌ The entry of " + list + " has not filled, and Binance does not amend orders of a list that wait for it."
        + " Cancel it (/cancel " + orderListId + ") and place it again with the smaller size.";
  }

  static String nothingToReduce(String list) {
    return "❌ " + list + " has no working exit to reduce.";
  }

  static String notAReduction(BigDecimal wanted, BigDecimal current, long orderListId) {
    return "❌ " + n(wanted) + " is not below the list's size " + n(current) + ": /reduce only lowers it. To trade more,"
        + " place a new list. Example: /reduce " + orderListId + " " + n(current.divide(BigDecimal.TWO)) + ".";
  }

  static String belowFilled(BigDecimal wanted, BigDecimal executed) {
    return "❌ " + n(wanted) + " is not above what already filled (" + n(executed) + "). Close the rest with /close"
        + " instead.";
  }

  static String offStep(BigDecimal wanted, BigDecimal step, BigDecimal lower, long orderListId) {
    return "❌ " + n(wanted) + " is not a multiple of the step size " + n(step) + ". Example: /reduce " + orderListId
        + " " + n(lower) + ".";
  }

  static String belowMinimum(BigDecimal wanted, BigDecimal minimum) {
    return "❌ " + n(wanted) + " is under the symbol's minimum quantity " + n(minimum) + ".";
  }

  static String reducePreview(
      TradingEnvironment environment, String list, BigDecimal from, BigDecimal to, boolean pair, int amendLimit,
      Duration ttl) {
    return "🔧 " + environment.name() + ": reduce " + list + " from " + n(from) + " to " + n(to) + ".\nOne amend that keeps"
        + " the orders' places in the queue" + (pair ? " (Binance reduces both legs of the OCO together)" : "")
        + (amendLimit > 0 ? "; Binance allows " + amendLimit + " amends per order" : "") + ".\nThe "
        + n(from.subtract(to)) + " taken off will have no take-profit or stop-loss from this list.\nConfirm within "
        + ttl.toSeconds() + " s.";
  }

  static String reduced(String list, BigDecimal to) {
    return "✅ " + list + " is reduced to " + n(to) + ", keeping its place in the queue.";
  }

  static String notReduced(String list, String why) {
    return "⚠️ " + list + " was not reduced: " + why;
  }

  static String reduceCutShort(String list) {
    return "⚠️ " + list + " was not reduced: the bot stopped before it had the answer, and its order keeps its size."
        + " Reduce it again if you still want to.";
  }

  static String reduceUnknown(String list, long orderListId) {
    return "⚠️ Binance did not confirm the reduction of " + list + " and its order does not show it. It will not be"
        + " sent again; check with /status " + orderListId + ".";
  }
}
