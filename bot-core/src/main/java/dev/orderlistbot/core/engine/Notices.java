package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * What an order-list event means for its trader: the sentence to send (if any) and the state the
 * bot's record moves to (if it does). Pure.
 *
 * <p>A trader hears about fills (full and partial), about expiries and rejections that were not
 * simply the other side of an OCO, and about a list that closed without a fill the bot reported
 * (cancelled or expired elsewhere). A fill of an OCO exit says the sibling expired in the same
 * sentence: {@code ✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.}
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
        boolean cancelling = list.state() == OrderListState.CANCELLING;
        if (changed.isDone() && list.state().isOpen()) {
          // while the bot's own cancel is on its way, its answer tells the trader
          Optional<String> text = cancelling ? Optional.empty() : Optional.of(Replies.listClosed(name));
          yield new Notice(text, Optional.of(OrderListState.ALL_DONE));
        }
        if (changed.orderStatus() == ListOrderStatus.REJECT && list.state().isOpen()) {
          yield new Notice(Optional.empty(), Optional.of(OrderListState.REJECTED));
        }
        yield Notice.silent();
      }
    };
  }

  private static Notice leg(TrackedOrderList list, String name, OrderListUpdate.LegChanged leg) {
    Optional<LegRole> role = Texts.roleOf(leg.clientOrderId().value());
    if (role.isEmpty()) {
      return Notice.silent();
    }
    String who = Replies.role(role.get()) + " " + leg.side();
    return switch (leg.status()) {
      case FILLED -> {
        String price = " @ " + Figures.number(averagePrice(leg));
        String filled = who + " " + Figures.number(leg.cumulativeQuantity()) + price;
        String followUp = followUp(list, role.get());
        boolean exit = role.get() != LegRole.WORKING;
        yield new Notice(
            Optional.of(Replies.filled(name, filled, followUp)),
            Optional.of(Replies.filled(name, who + price, followUp)),
            exit ? Optional.of(OrderListState.ALL_DONE) : Optional.empty(),
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
          // the other side of a filled OCO expires by design: the fill's sentence already said so
          leg.expiryReason() == ExpiryReason.OCO_TRIGGER
                  || list.state() == OrderListState.ALL_DONE
                  || list.state() == OrderListState.CANCELLING
              ? Notice.silent()
              : new Notice(Optional.of(Replies.legExpired(name, role.get())), Optional.empty());
      case REJECTED -> new Notice(Optional.of(Replies.legRejected(name, role.get())), Optional.empty());
      case NEW, PENDING_NEW, CANCELED, PENDING_CANCEL, UNKNOWN -> Notice.silent();
    };
  }

  private static String followUp(TrackedOrderList list, LegRole filled) {
    if (filled == LegRole.WORKING) {
      List<LegRole> exits = exits(list);
      return exits.isEmpty() ? "" : Replies.exitsNowWorking(exits);
    }
    if (list.kind().exitIsPair()) {
      return Replies.siblingExpired(filled == LegRole.TAKE_PROFIT ? LegRole.STOP_LOSS : LegRole.TAKE_PROFIT);
    }
    return "";
  }

  /** The list's exits, take-profit first, whatever order the exchange listed its legs in. */
  private static List<LegRole> exits(TrackedOrderList list) {
    return list.legs().stream()
        .map(TrackedLeg::clientOrderId)
        .map(Texts::roleOf)
        .flatMap(Optional::stream)
        .filter(r -> r != LegRole.WORKING)
        .distinct()
        .sorted()
        .toList();
  }

  private static BigDecimal averagePrice(OrderListUpdate.LegChanged leg) {
    if (leg.cumulativeQuantity().signum() == 0 || leg.cumulativeQuote().signum() == 0) {
      return leg.lastPrice();
    }
    return leg.cumulativeQuote().divide(leg.cumulativeQuantity(), PRICE_SCALE, RoundingMode.HALF_UP);
  }
}
