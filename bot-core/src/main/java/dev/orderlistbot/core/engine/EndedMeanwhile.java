package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a cancel says of a list that ended while it was on its way, otherwise than by a cancel the
 * bot saw go through: the list's own events ended it, kept silent by the router as a cancel's, so
 * this answer is the one place left to say what its entry's fill has no exit left. Thread-safe.
 */
final class EndedMeanwhile {
  private static final Logger LOG = LoggerFactory.getLogger(EndedMeanwhile.class);
  /** How far back the trader's audit entries are searched for the bot's own cancel of a list. */
  private static final int RECENT_AUDIT = 200;

  private final ExchangeClient exchange;
  private final Transactor transactor;
  private final LiveLists liveLists;

  EndedMeanwhile(ExchangeClient exchange, Transactor transactor, LiveLists liveLists) {
    this.exchange = exchange;
    this.transactor = transactor;
    this.liveLists = liveLists;
  }

  /**
   * A cancel whose answer was lost, and the list has ended meanwhile: most likely this cancel went
   * through. The list is read back; what it still held when it ended (an OCO's unfilled size, what
   * an entry bought less what the exits sold) makes it a cancel that went through, so a close sells
   * it and the trader hears what is left with no exit. A list that held nothing any more (its exits
   * filled) had ended: nothing is working. One that cannot be read back (or that Binance still shows
   * open, its list answer lagging its orders) had ended too, and the bot's own record says whether
   * its entry's fill is left with no exit (simulation seed 111684).
   */
  CancelOutcome afterLostAnswer(
      ApiCredentials credentials, UserRef user, ListHandle list, String name, String listClientOrderId, ChatRef chat,
      boolean warnLater) {
    String ended = Replies.cancelUnknownButEnded(name, list.orderListId());
    Optional<PlacedOrderList> now;
    Optional<LiveList> live;
    try {
      now = exchange.orderList(credentials, OrderListRef.of(new OrderListId(list.orderListId()))).filter(l -> !l.isOpen());
      Optional<TrackedOrderList> tracked =
          transactor.inTransaction(stores -> stores.orderLists().findByListClientOrderId(listClientOrderId));
      // the exchange's list answer has no order reports: each leg is asked for, inside this try
      live = now.flatMap(placed -> tracked.map(t -> liveLists.fromAnswer(t, placed, credentials)));
    } catch (ExchangeException e) {
      LOG.warn("reading back list {} after a cancel with no answer failed: {}", listClientOrderId, e.getMessage());
      return otherwise(user, list, name, Optional.of(chat), ended, warnLater);
    }
    if (live.isEmpty()) {
      return otherwise(user, list, name, Optional.of(chat), ended, warnLater);
    }
    if (live.get().held().signum() == 0) {
      return new CancelOutcome(false, ended, Optional.empty(), true, Optional.empty());
    }
    if (live.get().leg(LegRole.WORKING).isEmpty()) {
      return new CancelOutcome(true, Replies.cancelled(name), now, false, Optional.empty());
    }
    HeldAfterCancel held = new HeldAfterCancel(live.get().held(), live.get().exitSide());
    String what = Figures.number(held.quantity()) + " on " + list.symbol();
    if (warnLater) {
      transactor.inTransaction(stores -> {
        HeldWarnings.defer(stores, chat, list, Replies.cancelledHoldingLater(name, what, held.ocoCommand(now.get())));
        return null;
      });
    }
    return new CancelOutcome(true, Replies.cancelledHolding(name, what, held.ocoCommand(now.get())), now, false, Optional.empty());
  }

  /**
   * A list that had ended (nothing to cancel, or a refused cancel while it ended meanwhile):
   * {@code sentence} says so, with the warning, from the bot's own record, that its entry's fill has
   * no exit left; kept to be said later too when {@code warnLater}, to the list's {@code chat},
   * should this answer never be shown.
   */
  CancelOutcome otherwise(
      UserRef user, ListHandle list, String name, Optional<ChatRef> chat, String sentence, boolean warnLater) {
    Optional<String> warning = unguarded(user, list, name);
    if (warnLater) {
      chat.ifPresent(to -> warning.ifPresent(w -> transactor.inTransaction(stores -> {
        HeldWarnings.defer(stores, to, list, w);
        return null;
      })));
    }
    return new CancelOutcome(false, sentence, Optional.empty(), true, warning);
  }

  /**
   * When the bot saw the list's entry fill and every exit end without a fill, or an OCO's take-profit
   * and stop-loss both end without a fill (simulation seed 148593): the warning that what it bought,
   * or what the OCO protected, is unguarded. None when another cancel of the bot's own went through (a stop move, a close, a
   * panic, another /cancel): that action's answer says what the list left, and a stop move's new OCO
   * protects it.
   */
  private Optional<String> unguarded(UserRef user, ListHandle list, String name) {
    return transactor.inTransaction(
        stores -> cancelledByTheBot(stores, user, list)
            ? Optional.<String>empty()
            : stores.orderLists().findByOrderListId(user, list.orderListId())
                .filter(tracked -> tracked.symbol().equals(list.symbol()))
                .flatMap(tracked -> Notices.ocoEndedUnfilled(tracked)
                    ? Optional.of(Replies.ocoUnguardedAfterEnd(name))
                    : Notices.unguardedExits(tracked).map(exits -> Replies.unguardedAfterEnd(name, exits))));
  }

  private static boolean cancelledByTheBot(Stores stores, UserRef user, ListHandle list) {
    String subject = ListCancels.subject(list);
    return stores.audit().recentBy(user, RECENT_AUDIT).stream()
        .anyMatch(entry -> entry.action() == AuditAction.ORDER_LIST_CANCELLED && entry.subject().equals(subject));
  }
}
