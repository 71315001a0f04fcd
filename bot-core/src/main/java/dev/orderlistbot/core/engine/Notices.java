package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What an order-list event means for its trader: the sentence to send (if any) and the state the
 * bot's record moves to (if it does). Pure.
 *
 * <p>A trader hears about fills (full and partial), about expiries and rejections that were not
 * simply the other side of an OCO (each expiry with why and what it means, see {@link Expiries}),
 * and about a list that closed without a fill the bot reported (cancelled or expired elsewhere). A
 * fill of an OCO exit says the sibling expired in the same sentence: {@code ✅ BTCUSDT OCO #8821:
 * take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.}
 *
 * <p>A list is done for the bot when an exit filled after its entry was seen to end, or every leg has
 * ended, not when Binance calls the list done: Binance ends an OCO as soon as it resolves, and a
 * triggered stop-loss limit may then still rest on the book. Until then the record stays EXECUTING, so the catch-up keeps looking
 * at it, and the list's end says which legs have not ended yet.
 */
final class Notices {
  private static final int PRICE_SCALE = 8;

  private Notices() {}

  /** How a notice joins the outbox: on its own, or folded into the pending notice of its order. */
  enum Merge {
    /** A notice of its own. */
    NONE,
    /** A partial fill: waits the merge window, and later partial fills of the order replace it. */
    PARTIAL,
    /** The final fill: replaces a pending partial fill of the order and goes at once. */
    FINAL
  }

  /**
   * @param text the sentence for the chats that hear everything
   * @param redacted the same without quantities, for groups that asked for {@code /alerts redacted}
   * @param mergeKey the order whose partial and final fills merge (its client order id), when {@code
   *     merge} is not {@link Merge#NONE}
   * @param filled the order's cumulative filled quantity: with {@code merge}, the notice's {@link
   *     #rank()}, so an older snapshot never replaces a newer notice
   */
  record Notice(
      Optional<String> text,
      Optional<String> redacted,
      Optional<OrderListState> newState,
      Merge merge,
      String mergeKey,
      BigDecimal filled) {
    Notice(Optional<String> text, Optional<OrderListState> newState) {
      this(text, text, newState, Merge.NONE, "", BigDecimal.ZERO);
    }

    /** How far this notice's order has come: a final fill above every partial one, partial ones by quantity. */
    MergeRank rank() {
      return merge == Merge.FINAL ? MergeRank.finalNotice(filled) : MergeRank.partial(filled);
    }

    static Notice silent() {
      return new Notice(Optional.empty(), Optional.empty());
    }
  }

  static Notice of(TrackedOrderList list, OrderListUpdate update) {
    String name = Replies.listName(list.symbol(), list.kind(), update.orderListId().value());
    return switch (update) {
      case OrderListUpdate.LegChanged leg -> leg(list, name, leg);
      case OrderListUpdate.ListChanged changed -> {
        if (changed.isDone() && list.state() == OrderListState.CANCELLING) {
          // the bot's own cancel ends every leg, and its answer tells the trader; but a leg whose end
          // the bot has not seen may have filled unseen (its event lost in a stream gap, the cancel's
          // answer showing the fill): the list stays followed until that end is told (by its event,
          // the cancel's answer or the catch-up), or the fill would never be (simulation seed 10963)
          yield new Notice(
              Optional.empty(), notEnded(list).isEmpty() ? Optional.of(OrderListState.ALL_DONE) : Optional.empty());
        }
        if (changed.isDone() && isOpen(list)) {
          List<LegRole> resting = notEnded(list);
          yield resting.isEmpty()
              ? new Notice(Optional.of(Replies.listClosed(name)), Optional.of(OrderListState.ALL_DONE))
              : new Notice(Optional.of(Replies.listDoneLegsResting(name, resting)), Optional.empty());
        }
        // a REJECT answers a failed placement or cancel (reference 5.4): it ends only a list whose
        // placement is not known to have gone through; a refused cancel leaves a working list working
        if (changed.orderStatus() == ListOrderStatus.REJECT && list.state() == OrderListState.UNKNOWN) {
          yield new Notice(Optional.empty(), Optional.of(OrderListState.REJECTED));
        }
        yield Notice.silent();
      }
    };
  }

  private static Notice leg(TrackedOrderList list, String name, OrderListUpdate.LegChanged leg) {
    // the last leg to end ends the list for the bot, also one it is cancelling: a leg whose end is
    // told only after the list's own end (a fill lost in a stream gap, told by the catch-up) is the
    // end that list was kept followed for (simulation seed 30550)
    boolean cancelling = list.state() == OrderListState.CANCELLING;
    Optional<OrderListState> last =
        ends(leg.status()) && (isOpen(list) || cancelling) && othersEnded(list, leg.clientOrderId().value())
            ? Optional.of(OrderListState.ALL_DONE)
            : Optional.empty();
    Optional<LegRole> role = Texts.roleOf(leg.clientOrderId().value());
    if (role.isEmpty()) {
      return new Notice(Optional.empty(), last);
    }
    String who = Replies.role(role.get()) + " " + leg.side();
    return switch (leg.status()) {
      case FILLED -> {
        if (role.get() == LegRole.WORKING && exitsEndedUnfilled(list)) {
          yield unprotectedEntry(list, name, who, leg, last);
        }
        String price = " @ " + Figures.number(averagePrice(leg));
        String filled = who + " " + Figures.number(leg.cumulativeQuantity()) + price;
        String followUp = followUp(list, role.get());
        yield new Notice(
            Optional.of(Replies.filled(name, filled, followUp)),
            Optional.of(Replies.filled(name, who + price, followUp)),
            // an exit's fill ends the list (its sentence tells the other exit's end) once the entry
            // is seen ended: an entry whose fill a stream gap swallowed keeps the list followed until
            // the catch-up tells it
            role.get() != LegRole.WORKING && entryEnded(list) ? Optional.of(OrderListState.ALL_DONE) : last,
            Merge.FINAL,
            leg.clientOrderId().value(),
            leg.cumulativeQuantity());
      }
      case PARTIALLY_FILLED ->
          new Notice(
              Optional.of(
                  Replies.partiallyFilled(
                      name, who, Figures.number(leg.cumulativeQuantity()), Figures.number(leg.orderQuantity()))),
              Optional.of(Replies.partiallyFilledRedacted(name, who)),
              Optional.empty(),
              Merge.PARTIAL,
              leg.clientOrderId().value(),
              leg.cumulativeQuantity());
      case EXPIRED, EXPIRED_IN_MATCH ->
          // only the OCO working as designed is silent: the other side of a fill or a trigger (after
          // a full fill, the fill's sentence already said so), and the legs of the bot's own cancel;
          // a stop-loss expired because its take-profit started filling leaves the rest unguarded;
          // any other expiry says why and what it means
          leg.expiryReason() == ExpiryReason.OCO_TRIGGER && role.get() == LegRole.STOP_LOSS && isOpen(list) && takeProfitStillWorks(list)
              ? new Notice(Optional.of(Replies.stopLossExpiredByPartialTakeProfit(name)), last)
              : leg.expiryReason() == ExpiryReason.OCO_TRIGGER
                  || list.state() == OrderListState.ALL_DONE
                  || list.state() == OrderListState.CANCELLING
              ? new Notice(Optional.empty(), last)
              : new Notice(
                  Optional.of(Expiries.text(name, role.get(), leg, false)),
                  Optional.of(Expiries.text(name, role.get(), leg, true)),
                  last,
                  Merge.NONE,
                  "",
                  BigDecimal.ZERO);
      case CANCELED -> cancelled(list, name, leg, role.get(), last);
      // the last leg to end closes the list whatever its end, even after the list's own end was heard
      case REJECTED -> rejected(list, name, leg, role.get(), last);
      case NEW, PENDING_NEW, PENDING_CANCEL, UNKNOWN -> Notice.silent();
    };
  }

  /**
   * A leg cancelled. Cancelled elsewhere (the list open, not the bot's own cancel), what was bought
   * or sold and is left with no exit is said (an entry cancelled after a partial fill, whose exits are
   * placed only on a full one; the exits cancelled after the entry filled), and otherwise the last
   * leg to go closes the list. The bot's own cancel is silent here: its answer says what it leaves
   * held, and a trade action that cancels first (closing, moving the stop) deals with it itself.
   */
  private static Notice cancelled(
      TrackedOrderList list, String name, OrderListUpdate.LegChanged leg, LegRole role, Optional<OrderListState> last) {
    if (!isOpen(list)) {
      return new Notice(Optional.empty(), last);
    }
    boolean hasExits = exitLegs(list).findAny().isPresent();
    if (role == LegRole.WORKING && hasExits && leg.cumulativeQuantity().signum() > 0) {
      String filled = Figures.number(leg.cumulativeQuantity());
      String of = filled + " of " + Figures.number(leg.orderQuantity());
      String exitSide = leg.side().opposite().name().toLowerCase(Locale.ROOT);
      return new Notice(
          Optional.of(Replies.entryCancelledPartlyFilled(name, leg.side(), Optional.of(of), exits(list), Optional.of(filled + " on " + leg.symbol()),
              ocoCommand(leg, exitSide, Optional.of(leg.cumulativeQuantity())))),
          Optional.of(Replies.entryCancelledPartlyFilled(name, leg.side(), Optional.empty(), exits(list), Optional.empty(),
              ocoCommand(leg, exitSide, Optional.empty()))),
          last, Merge.NONE, "", BigDecimal.ZERO);
    }
    BigDecimal unguarded = leg.orderQuantity().subtract(leg.cumulativeQuantity());
    // an OCO guards a position held before it: its exits cancelled while the bot held it open (elsewhere,
    // or by the bot's own cancel whose answer was lost) leave that position with none (seeds 84521, 85173)
    boolean oco = legs(list, r -> r == LegRole.WORKING).findAny().isEmpty();
    if (role != LegRole.WORKING && unguarded.signum() > 0 && (oco || entryFilled(list))
        && otherExitsEndedUnfilled(list, leg.clientOrderId().value())) {
      String exitSide = leg.side().name().toLowerCase(Locale.ROOT);
      return new Notice(
          Optional.of(Replies.exitsCancelledLeavingPosition(name, oco, exits(list), Optional.of(Figures.number(unguarded) + " on " + leg.symbol()),
              ocoCommand(leg, exitSide, Optional.of(unguarded)))),
          Optional.of(Replies.exitsCancelledLeavingPosition(name, oco, exits(list), Optional.empty(), ocoCommand(leg, exitSide, Optional.empty()))),
          last, Merge.NONE, "", BigDecimal.ZERO);
    }
    return last.isPresent() ? new Notice(Optional.of(Replies.listClosed(name)), last) : new Notice(Optional.empty(), last);
  }

  /**
   * A leg the exchange refused. An exit refused while the position it guards is held (an OCO placed,
   * or the entry seen filled: an OTO family's exits are placed then, reference 1.2) leaves that
   * position without it, which is said with how to guard it again. An entry refused, or a leg of a
   * placement not known to have gone through (its own answer tells the trader), is the refusal alone.
   */
  private static Notice rejected(
      TrackedOrderList list, String name, OrderListUpdate.LegChanged leg, LegRole role, Optional<OrderListState> last) {
    boolean guardsAHeldPosition =
        role != LegRole.WORKING
            && list.state() == OrderListState.EXECUTING
            && (legs(list, r -> r == LegRole.WORKING).findAny().isEmpty() || entryFilled(list));
    if (!guardsAHeldPosition) {
      return new Notice(Optional.of(Replies.legRejected(name, role)), last);
    }
    BigDecimal left = leg.orderQuantity().subtract(leg.cumulativeQuantity()).max(BigDecimal.ZERO);
    String exitSide = leg.side().name().toLowerCase(Locale.ROOT);
    return new Notice(
        Optional.of(Replies.exitRejected(name, role, Optional.of(Figures.number(left) + " on " + leg.symbol()), ocoCommand(leg, exitSide, Optional.of(left)))),
        Optional.of(Replies.exitRejected(name, role, Optional.empty(), ocoCommand(leg, exitSide, Optional.empty()))),
        last, Merge.NONE, "", BigDecimal.ZERO);
  }

  private static String ocoCommand(OrderListUpdate.LegChanged leg, String exitSide, Optional<BigDecimal> quantity) {
    return "/oco " + leg.symbol() + " " + exitSide + " " + quantity.map(q -> q.stripTrailingZeros().toPlainString()).orElse("…") + " tp … sl …";
  }

  /** Whether the list's entry is seen filled (its end recorded with a fill). */
  private static boolean entryFilled(TrackedOrderList list) {
    return legs(list, role -> role == LegRole.WORKING).anyMatch(leg -> leg.ended() && leg.filled());
  }

  /** Whether every exit but {@code clientOrderId} is seen ended without a fill (it being the last exit to end). */
  private static boolean otherExitsEndedUnfilled(TrackedOrderList list, String clientOrderId) {
    return exitLegs(list).allMatch(leg -> leg.clientOrderId().equals(clientOrderId) || (leg.ended() && !leg.filled()));
  }

  /** Whether the list's take-profit is not seen ended: touched but not filled in full, it rests on the book. */
  private static boolean takeProfitStillWorks(TrackedOrderList list) {
    return legs(list, role -> role == LegRole.TAKE_PROFIT).anyMatch(leg -> !leg.ended());
  }

  /**
   * The entry filled after its exits had ended without a fill (the list was cancelled meanwhile, the
   * entry's fill told only now): nothing guards what it bought or sold, which the trader must hear,
   * never "now working".
   */
  private static Notice unprotectedEntry(
      TrackedOrderList list, String name, String who, OrderListUpdate.LegChanged leg, Optional<OrderListState> last) {
    String filled = Figures.number(leg.cumulativeQuantity());
    String exitSide = leg.side().opposite().name().toLowerCase(Locale.ROOT);
    String price = " @ " + Figures.number(averagePrice(leg));
    return new Notice(
        Optional.of(
            Replies.entryFilledExitsEnded(
                name, who + " " + filled + price, exits(list), Optional.of(filled + " on " + leg.symbol()),
                ocoCommand(leg, exitSide, Optional.of(leg.cumulativeQuantity())))),
        Optional.of(
            Replies.entryFilledExitsEnded(name, who + price, exits(list), Optional.empty(), ocoCommand(leg, exitSide, Optional.empty()))),
        last,
        Merge.FINAL,
        leg.clientOrderId().value(),
        leg.cumulativeQuantity());
  }

  /**
   * The exits of a list whose entry the bot saw fill and whose exits it saw end without a fill: what
   * the entry bought or sold has none of them. Empty otherwise (an OCO: it has no entry).
   */
  static Optional<List<LegRole>> unguardedExits(TrackedOrderList list) {
    return entryFilled(list) && exitsEndedUnfilled(list) ? Optional.of(exits(list)) : Optional.empty();
  }

  /**
   * Whether the list is an OCO (no entry: it protects what the trader held) whose take-profit and
   * stop-loss the bot saw both end without filling anything: what it protected has neither now.
   */
  static boolean ocoEndedUnfilled(TrackedOrderList list) {
    return legs(list, role -> role == LegRole.WORKING).findAny().isEmpty() && exitsEndedUnfilled(list);
  }

  /** Whether the list has exits and the bot saw each of them end without filling anything. */
  private static boolean exitsEndedUnfilled(TrackedOrderList list) {
    return exitLegs(list).findAny().isPresent() && exitLegs(list).allMatch(leg -> leg.ended() && !leg.filled());
  }

  private static Stream<TrackedLeg> exitLegs(TrackedOrderList list) {
    return legs(list, role -> role != LegRole.WORKING);
  }

  /** The list's legs whose role (read off their client order id) is one of {@code roles}. */
  private static Stream<TrackedLeg> legs(TrackedOrderList list, Predicate<LegRole> roles) {
    return list.legs().stream().filter(leg -> Texts.roleOf(leg.clientOrderId()).filter(roles).isPresent());
  }

  /** Whether an order in this status is over: it will neither fill nor rest any more. */
  static boolean ends(LegStatus status) {
    return switch (status) {
      case FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH -> true;
      case NEW, PENDING_NEW, PARTIALLY_FILLED, PENDING_CANCEL, UNKNOWN -> false;
    };
  }

  private static boolean isOpen(TrackedOrderList list) {
    return list.state() == OrderListState.EXECUTING || list.state() == OrderListState.UNKNOWN;
  }

  /** Whether the list's entry (its working order) is seen ended; true for a list without one (an OCO). */
  private static boolean entryEnded(TrackedOrderList list) {
    return legs(list, role -> role == LegRole.WORKING).allMatch(TrackedLeg::ended);
  }

  private static boolean othersEnded(TrackedOrderList list, String clientOrderId) {
    return list.legs().stream().allMatch(leg -> leg.ended() || leg.clientOrderId().equals(clientOrderId));
  }

  /** The roles of the legs the bot has not seen end, take-profit before stop-loss. */
  private static List<LegRole> notEnded(TrackedOrderList list) {
    return roles(list.legs().stream().filter(leg -> !leg.ended()));
  }

  private static String followUp(TrackedOrderList list, LegRole filled) {
    if (filled == LegRole.WORKING) {
      // only the exits not seen ended are working: one that filled before this fill was told has
      // had its own notice, and then its pair's other exit is over too (its expiry may come later);
      // while the bot's cancel is on its way the exits are being cancelled, not working (if the
      // cancel fails, its answer says the list still works)
      boolean pairResolved = list.kind().exitIsPair() && exitLegs(list).anyMatch(TrackedLeg::filled);
      List<LegRole> working = roles(exitLegs(list).filter(leg -> !leg.ended()));
      return working.isEmpty() || pairResolved || list.state() == OrderListState.CANCELLING
          ? ""
          : Replies.exitsNowWorking(working);
    }
    if (list.kind().exitIsPair()) {
      return Replies.siblingExpired(filled == LegRole.TAKE_PROFIT ? LegRole.STOP_LOSS : LegRole.TAKE_PROFIT);
    }
    return "";
  }

  /** The list's exits, take-profit first, whatever order the exchange listed its legs in. */
  private static List<LegRole> exits(TrackedOrderList list) {
    return roles(exitLegs(list));
  }

  /** The roles of these legs, each once, take-profit before stop-loss. */
  private static List<LegRole> roles(Stream<TrackedLeg> legs) {
    return legs.map(TrackedLeg::clientOrderId).map(Texts::roleOf).flatMap(Optional::stream).distinct().sorted().toList();
  }

  private static BigDecimal averagePrice(OrderListUpdate.LegChanged leg) {
    if (leg.cumulativeQuantity().signum() == 0 || leg.cumulativeQuote().signum() == 0) {
      return leg.lastPrice();
    }
    return leg.cumulativeQuote().divide(leg.cumulativeQuantity(), PRICE_SCALE, RoundingMode.HALF_UP);
  }
}
