package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cancelling order lists on the exchange for {@code /cancel ID}, the Cancel buttons of {@code
 * /orders} and {@code /cancel all}: each cancel is sent once, audited, and the tracked list marked
 * done; an exchange refusal or a lost answer becomes a plain sentence. Thread-safe.
 */
final class ListCancels {
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final Transactor transactor;
  private final Clock clock;

  ListCancels(ExchangeClient exchange, Accounts accounts, Transactor transactor, Clock clock) {
    this.exchange = exchange;
    this.accounts = accounts;
    this.transactor = transactor;
    this.clock = clock;
  }

  /** Cancels one list; answers what to tell the trader. */
  String cancel(UserRef user, ChatRef chat, ListHandle list) {
    return accounts
        .withCredentials(user, credentials -> outcome(credentials, user, chat, list).sentence())
        .orElse(Replies.noKeyAnyMore());
  }

  /** Cancels each of {@code lists}; answers one summary. */
  String cancelAll(UserRef user, ChatRef chat, List<ListHandle> lists) {
    return accounts
        .withCredentials(
            user,
            credentials -> {
              int cancelled = 0;
              List<String> failures = new ArrayList<>();
              for (ListHandle list : lists) {
                Outcome outcome = outcome(credentials, user, chat, list);
                if (outcome.done()) {
                  cancelled++;
                } else {
                  failures.add(Replies.cancelFailed(list.orderListId(), outcome.sentence()));
                }
              }
              return Replies.cancelAllDone(cancelled, lists.size(), failures);
            })
        .orElse(Replies.noKeyAnyMore());
  }

  /** The user's open list with this id: from the bot's own records, else from the exchange. */
  Optional<ListHandle> findOpen(UserRef user, ApiCredentials credentials, long orderListId) {
    Optional<TrackedOrderList> tracked =
        transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(orderListId))
            .filter(t -> t.owner().equals(user) && t.state() == OrderListState.EXECUTING);
    if (tracked.isPresent()) {
      return Optional.of(new ListHandle(tracked.get().symbol(), orderListId));
    }
    return exchange.openOrderLists(credentials).stream()
        .filter(list -> list.id().value() == orderListId)
        .findFirst()
        .map(list -> new ListHandle(list.symbol(), orderListId));
  }

  /** {@code BTCUSDT OCO #8821} when the bot placed it, else {@code BTCUSDT #8821}. */
  String name(ListHandle list) {
    return transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(list.orderListId()))
        .map(t -> Replies.listName(t.symbol(), t.kind(), list.orderListId()))
        .orElse(list.symbol() + " #" + list.orderListId());
  }

  private record Outcome(boolean done, String sentence) {}

  /**
   * The bot's record is marked done before the cancel is sent: an exchange reports the cancel's own
   * events (the paper exchange even before the call returns), and the router must not announce the
   * list as "closed" on top of this answer. If nothing happened (rate limit, no connection, a
   * refused key) or the outcome is unknown, the record gets its state back.
   */
  private Outcome outcome(ApiCredentials credentials, UserRef user, ChatRef chat, ListHandle list) {
    Optional<TrackedOrderList> mine =
        transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(list.orderListId()))
            .filter(t -> t.owner().equals(user));
    mine.ifPresent(t -> setState(t, OrderListState.ALL_DONE));
    try {
      PlacedOrderList cancelled =
          exchange.cancel(credentials, list.symbol(), OrderListRef.of(new OrderListId(list.orderListId())));
      recordCancel(user, chat, list);
      return new Outcome(true, Replies.cancelled(name(new ListHandle(cancelled.symbol(), list.orderListId()))));
    } catch (ExchangeException e) {
      // Refused means there was nothing left to cancel: the list is done either way
      if (!(e.error() instanceof ExchangeError.Refused)) {
        mine.ifPresent(t -> setState(t, t.state()));
      }
      return new Outcome(
          false,
          e.error() instanceof ExchangeError.OutcomeUnknown
              ? Replies.cancelUnknown(list.orderListId())
              : Replies.exchangeError(e.error()));
    }
  }

  private void setState(TrackedOrderList list, OrderListState state) {
    transactor.inTransaction(stores -> stores.orderLists().updateState(list.listClientOrderId(), state));
  }

  private void recordCancel(UserRef user, ChatRef chat, ListHandle list) {
    transactor.inTransaction(
        stores -> {
          stores.audit().record(
              new AuditEntry(
                  clock.instant(),
                  user,
                  AuditAction.ORDER_LIST_CANCELLED,
                  "list:" + list.symbol() + ":" + list.orderListId(),
                  Optional.of(chat)));
          return null;
        });
  }
}
