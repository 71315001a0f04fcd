package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.paper.Holds.Hold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs one open list against one market price, the paper exchange's matching rules:
 *
 * <ul>
 *   <li><b>Limits.</b> A LIMIT or LIMIT_MAKER (and a triggered stop-limit or take-profit-limit) BUY
 *       trades when the price is at or below its limit, a SELL at or above. It fills at its own limit
 *       price if it was already resting on the book before this price arrived (a maker); if it is
 *       marketable the moment it starts working (an entry priced through the market, a stop-limit
 *       triggering with the price already past its limit, an exit activating marketable) it fills at
 *       the current price (a taker), never worse than its limit.
 *   <li><b>Triggers.</b> STOP_LOSS SELL and TAKE_PROFIT BUY trigger at or below the stop price,
 *       STOP_LOSS BUY and TAKE_PROFIT SELL at or above it; trailing stops as {@link
 *       PaperLeg#triggersAt} describes. A triggered STOP_LOSS or TAKE_PROFIT fills at the current
 *       price; a triggered *_LIMIT rests at its limit price.
 *   <li><b>OCO.</b> When the limit leg trades, it fills first and its sibling expires after it ({@code
 *       OCO_TRIGGER}); when a stop triggers, the sibling expires first and the stop executes after
 *       (Binance's documented order).
 *   <li><b>OTO family.</b> A FULL fill of the entry activates the exits ({@code PENDING_NEW} to {@code
 *       NEW}), which lock their funds then; an OPO's exits sell exactly what the entry bought. They are
 *       matched against the same price at once: an exit that Binance would refuse at activation (a
 *       stop already crossed, a LIMIT_MAKER that would take) trades at once instead. If the funds for
 *       the exits are not free, they expire with {@code REJECTED}.
 * </ul>
 *
 * <p>Fills are whole (no partial fills: the paper market has unlimited depth) and pay the
 * configured commission in the asset received ({@link Commission}).
 * A BUY stop-market that triggers above the price its lock covered pays the difference from free
 * balance; when that is short it expires with {@code REJECTED}. A list is {@code ALL_DONE} once
 * every leg is final; until then it can be cancelled (Binance reports {@code ALL_DONE} as soon as an
 * OCO resolves; the two agree whenever the surviving leg fills at once, the usual case).
 */
final class Matcher {
  private static final int MAX_ROUNDS = 8;

  private final Book book;

  Matcher(Book book) {
    this.book = book;
  }

  /** Matches {@code list} against {@code market} until nothing more happens at that price. */
  void match(PaperList list, BigDecimal market, Instant now) {
    Account account = book.account(list.apiKey);
    SymbolRules rules = book.markets.rules(list.symbol).orElseThrow();
    Step step = new Step(list, account, rules, market, now);
    for (int round = 0; round < MAX_ROUNDS && list.isOpen() && step.run(); round++) {
      // each round acts on what the previous one changed, e.g. exits activated by an entry fill
    }
    for (PaperLeg leg : list.legs) {
      if (leg.restsAsLimit()) {
        leg.resting = true;
      }
    }
  }

  /** Cancels every leg that is not final yet and releases the list's lock. */
  void cancel(PaperList list, Instant now) {
    Account account = book.account(list.apiKey);
    for (PaperLeg leg : list.legs) {
      if (!leg.isFinal()) {
        leg.end(LegStatus.CANCELED, ExpiryReason.NONE, now);
        book.emitLeg(list, leg, LegExecution.CANCELED, BigDecimal.ZERO, BigDecimal.ZERO, now);
      }
    }
    finishIfDone(list, account, now);
  }

  private void finishIfDone(PaperList list, Account account, Instant now) {
    if (!list.isOpen() || !list.allFinal()) {
      return;
    }
    list.lockAsset.ifPresent(asset -> account.release(asset, list.locked));
    list.releaseHold();
    list.status = ListOrderStatus.ALL_DONE;
    list.transactionTime = now;
    book.emitList(list, now);
    book.finished(list);
  }

  /** One list at one price. */
  private final class Step {
    private final PaperList list;
    private final Account account;
    private final SymbolRules rules;
    private final BigDecimal market;
    private final Instant now;

    Step(PaperList list, Account account, SymbolRules rules, BigDecimal market, Instant now) {
      this.list = list;
      this.account = account;
      this.rules = rules;
      this.market = market;
      this.now = now;
    }

    /** One round; true if anything happened. */
    boolean run() {
      var entry = list.working().filter(PaperLeg::isWorking);
      if (entry.isPresent()) {
        if (!entry.get().marketable(market)) {
          return false;
        }
        if (fill(entry.get())) {
          activateExits();
        }
        return true;
      }
      List<PaperLeg> exits = list.exits().stream().filter(PaperLeg::isWorking).toList();
      for (PaperLeg leg : exits) {
        if (leg.restsAsLimit() && leg.marketable(market)) {
          fill(leg);
          expireSiblingsOf(leg, ExpiryReason.OCO_TRIGGER);
          finishIfDone(list, account, now);
          return true;
        }
      }
      for (PaperLeg leg : exits) {
        if (leg.waitsForTrigger() && leg.triggersAt(market)) {
          leg.triggered = true;
          leg.updatedAt = now;
          expireSiblingsOf(leg, ExpiryReason.OCO_TRIGGER);
          if (leg.price.isEmpty() || leg.marketable(market)) {
            fill(leg);
          }
          finishIfDone(list, account, now);
          return true;
        }
      }
      return false;
    }

    /** Fills the whole leg and settles it; false if a BUY could not pay (the list then ends). */
    private boolean fill(PaperLeg leg) {
      boolean maker = leg.price.isPresent() && leg.resting;
      BigDecimal at = maker ? leg.price.get() : market;
      BigDecimal quantity = leg.quantity.orElseThrow();
      BigDecimal quote = Decimals.canonical(quantity.multiply(at));
      if (leg.side == Side.SELL) {
        account.spendLocked(rules.baseAsset(), list.locked);
        account.credit(rules.quoteAsset(), Commission.net(book.config.fees(), maker, quote));
      } else {
        account.release(rules.quoteAsset(), list.locked);
        if (!account.spendFree(rules.quoteAsset(), quote)) {
          list.releaseHold();
          leg.end(LegStatus.EXPIRED, ExpiryReason.REJECTED, now);
          book.emitLeg(list, leg, LegExecution.EXPIRED, BigDecimal.ZERO, BigDecimal.ZERO, now);
          expireSiblingsOf(leg, ExpiryReason.REJECTED);
          finishIfDone(list, account, now);
          return false;
        }
        account.credit(rules.baseAsset(), Commission.net(book.config.fees(), maker, quantity));
      }
      list.releaseHold();
      leg.fill(quantity, at, now);
      book.emitLeg(list, leg, LegExecution.TRADE, leg.executedQty, Decimals.canonical(at), now);
      return true;
    }

    /** The entry filled: the exits go live with their own lock, or expire if it cannot be had. */
    private void activateExits() {
      PaperLeg entry = list.working().orElseThrow();
      List<PaperLeg> exits = list.exits();
      if (list.kind.paysFromFill()) {
        // Binance: the pending orders get the whole fill when the fee can come out of other free
        // balance, else the fill net of its fee (reference, OPO)
        BigDecimal whole = entry.executedQty;
        BigDecimal pays =
            account.free(rules.baseAsset()).compareTo(whole) >= 0
                ? whole
                : Commission.net(book.config.fees(), entry.price.isPresent() && entry.resting, whole);
        exits.forEach(exit -> exit.quantity = Optional.of(pays));
      }
      Hold hold = Holds.exits(list, rules, market);
      if (!account.lock(hold.asset(), hold.amount())) {
        for (PaperLeg exit : exits) {
          exit.end(LegStatus.EXPIRED, ExpiryReason.REJECTED, now);
          book.emitLeg(list, exit, LegExecution.EXPIRED, BigDecimal.ZERO, BigDecimal.ZERO, now);
        }
        finishIfDone(list, account, now);
        return;
      }
      list.hold(hold.asset(), hold.amount());
      for (PaperLeg exit : exits) {
        exit.start(market, now);
        book.emitLeg(list, exit, LegExecution.NEW, BigDecimal.ZERO, BigDecimal.ZERO, now);
      }
    }

    private void expireSiblingsOf(PaperLeg leg, ExpiryReason reason) {
      for (PaperLeg other : list.exits()) {
        if (other != leg && !other.isFinal()) {
          other.end(LegStatus.EXPIRED, reason, now);
          book.emitLeg(list, other, LegExecution.EXPIRED, BigDecimal.ZERO, BigDecimal.ZERO, now);
        }
      }
    }
  }
}
