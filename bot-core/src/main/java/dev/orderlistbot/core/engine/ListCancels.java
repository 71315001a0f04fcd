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
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling order lists on the exchange for {@code /cancel ID}, the Cancel buttons of {@code
 * /orders} and {@code /cancel all}: each cancel is sent once, audited, and the tracked list marked
 * done. Only a cancel that went through, or the exchange's "nothing to cancel", ends the tracked
 * list; after any other answer it is still working and followed, and the trader is told so.
 * Thread-safe.
 */
final class ListCancels {
  private static final Logger LOG = LoggerFactory.getLogger(ListCancels.class);

  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final Transactor transactor;
  private final Clock clock;
  private final EndedMeanwhile ended;

  ListCancels(ExchangeClient exchange, Accounts accounts, Transactor transactor, Clock clock) {
    this.exchange = exchange;
    this.accounts = accounts;
    this.transactor = transactor;
    this.clock = clock;
    this.ended = new EndedMeanwhile(exchange, transactor, new LiveLists(exchange, transactor));
  }

  /**
   * Cancels one list; answers what to tell the trader. What the cancel leaves held with no exit is
   * also kept to be said later ({@link HeldWarnings}) unless {@link #answered} follows.
   */
  String cancel(UserRef user, ChatRef chat, ListHandle list) {
    return accounts
        .withCredentials(user, credentials -> outcome(credentials, user, chat, list, true).told())
        .orElse(Replies.noKeyAnyMore());
  }

  /** The answer about {@code lists} has been shown: what their cancels kept to say later is not said again. */
  void answered(List<ListHandle> lists) {
    transactor.inTransaction(
        stores -> {
          HeldWarnings.withdraw(stores, lists);
          return null;
        });
  }

  /** Cancels each of {@code lists}; answers one summary. */
  String cancelAll(UserRef user, ChatRef chat, List<ListHandle> lists) {
    return accounts
        .withCredentials(
            user,
            credentials -> {
              int cancelled = 0;
              // what the summary says per list: the failures, and what a cancel left held
              List<String> perList = new ArrayList<>();
              for (ListHandle list : lists) {
                CancelOutcome outcome = outcome(credentials, user, chat, list, true);
                if (outcome.done()) {
                  cancelled++;
                  // a cancel that left an entry's fill with no exit: the summary says it, as /cancel would
                  if (outcome.sentence().contains("⚠️")) {
                    perList.add(outcome.sentence());
                  }
                } else {
                  perList.add(Replies.cancelFailed(list.orderListId(), outcome.told()));
                }
              }
              return Replies.cancelAllDone(cancelled, lists.size(), perList);
            })
        .orElse(Replies.noKeyAnyMore());
  }

  /** The user's open list with this id: from the bot's own records, else from the exchange. */
  Optional<ListHandle> findOpen(UserRef user, ApiCredentials credentials, long orderListId) {
    Optional<TrackedOrderList> tracked =
        transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(user, orderListId))
            .filter(t -> t.state() == OrderListState.EXECUTING);
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
        .filter(t -> t.symbol().equals(list.symbol()))
        .map(t -> Replies.listName(t.symbol(), t.kind(), list.orderListId()))
        .orElse(list.symbol() + " #" + list.orderListId());
  }

  /** What became of the cancel a trade action sends before anything else. */
  sealed interface FirstCancel {
    /**
     * The list is cancelled; {@code answer} shows each of its orders as it stood (what filled), and
     * {@code sentence} says so as {@code /cancel} does, with what an entry that filled leaves held
     * with no exit.
     */
    record Done(PlacedOrderList answer, String sentence) implements FirstCancel {}

    /**
     * The exchange had nothing to cancel: the list had already ended (filled, expired, cancelled);
     * {@code unguarded}: the warning that what its entry bought has no exit, said after the action's answer.
     */
    record AlreadyEnded(String sentence, Optional<String> unguarded) implements FirstCancel {
      /** The action's answer, then the warning when there is one. */
      String after(String answer) {
        return unguarded.map(warning -> answer + " " + warning).orElse(answer);
      }
    }

    /** The cancel did not go through, or it cannot be told: the list may still be working. */
    record NotDone(String sentence) implements FirstCancel {}
  }

  /**
   * Cancels one list for a trade action (close, move the stop), which goes on only after {@link
   * FirstCancel.Done} and is owed its outcome until it tells it: it says what the list left held.
   */
  FirstCancel cancelFirst(ApiCredentials credentials, UserRef user, ChatRef chat, ListHandle list) {
    FirstCancel first = first(outcome(credentials, user, chat, list, false));
    // the action's answer (owed, settled after a restart) says what the list left: a warning the
    // router kept when the cancel's own ends closed the list is not sent; after a cancel that went
    // through, none is kept later either (the action goes on to sell or protect what was held)
    switch (first) {
      case FirstCancel.Done done -> transactor.inTransaction(stores -> {
        HeldWarnings.ownedByAction(stores, chat, list);
        return null;
      });
      case FirstCancel.AlreadyEnded ended -> transactor.inTransaction(stores -> {
        HeldWarnings.withdraw(stores, List.of(list));
        return null;
      });
      case FirstCancel.NotDone notDone -> {
        // the list works still: nothing was kept
      }
    }
    return first;
  }

  /**
   * Cancels one list for a panic, whose answer says what each cancel left held: that is also kept
   * to be said later ({@link HeldWarnings}), and withdrawn in the transaction that tells the answer.
   */
  FirstCancel cancelOnly(ApiCredentials credentials, UserRef user, ChatRef chat, ListHandle list) {
    return first(outcome(credentials, user, chat, list, true));
  }

  private static FirstCancel first(CancelOutcome outcome) {
    if (outcome.done()) {
      return new FirstCancel.Done(outcome.answer().orElseThrow(), outcome.sentence());
    }
    return outcome.ended()
        ? new FirstCancel.AlreadyEnded(outcome.sentence(), outcome.unguarded())
        : new FirstCancel.NotDone(outcome.sentence());
  }

  /** A tracked list marked CANCELLING, and the state it goes back to if the cancel does not go through. */
  private record Mark(String listClientOrderId, OrderListState before, ChatRef chat) {}

  /**
   * The bot's record is marked CANCELLING before the cancel is sent: still open (followed, caught
   * up), but an exchange reports the cancel's own events (the paper exchange even before the call
   * returns), and the router must not announce the list as "closed" on top of this answer. Every
   * change after that is conditional on the mark still being there, so a fill recorded meanwhile is
   * never overwritten: cancelled or not found ends the list, anything else puts its state back.
   * {@code warnLater}: what the cancel leaves held with no exit is also enqueued, with the list's
   * end, to be said later unless the answer is shown first ({@link HeldWarnings}).
   */
  private CancelOutcome outcome(ApiCredentials credentials, UserRef user, ChatRef chat, ListHandle list, boolean warnLater) {
    Optional<Mark> mark =
        transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(user, list.orderListId()))
            .filter(t -> t.symbol().equals(list.symbol()))
            .flatMap(this::markCancelling);
    PlacedOrderList cancelled;
    try {
      cancelled = exchange.cancel(credentials, list.symbol(), OrderListRef.of(new OrderListId(list.orderListId())));
    } catch (ExchangeException e) {
      CancelOutcome failed = failed(credentials, user, list, mark, e.error(), warnLater);
      record(user, chat, AuditAction.ORDER_LIST_NOT_CANCELLED, subject(list) + " code " + e.error().code() + (failed.ended() ? " (had ended)" : ""));
      return failed;
    } catch (RuntimeException e) {
      mark.ifPresent(this::putBack);
      throw e;
    }
    String name = name(new ListHandle(cancelled.symbol(), list.orderListId()));
    // what the entry bought (or sold) and no exit guards any more is said with the cancel, the one
    // answer that sees it whatever order the events come in (the router keeps the cancel's own silent)
    Optional<HeldAfterCancel> held = HeldAfterCancel.of(cancelled);
    String what = held.map(h -> Figures.number(h.quantity()) + " on " + cancelled.symbol()).orElse("");
    String sentence =
        held.map(h -> Replies.cancelledHolding(name, what, h.ocoCommand(cancelled))).orElse(Replies.cancelled(name));
    Optional<String> later =
        warnLater ? held.map(h -> Replies.cancelledHoldingLater(name, what, h.ocoCommand(cancelled))) : Optional.empty();
    mark.ifPresent(m -> endUnlessAFillIsUntold(user, m, cancelled, list, later));
    record(user, chat, AuditAction.ORDER_LIST_CANCELLED, subject(list));
    return new CancelOutcome(true, sentence, Optional.of(cancelled), false, Optional.empty());
  }

  /**
   * The cancel went through: the list ends, unless the answer shows an order that filled (even
   * partly) whose end the bot never saw (its events were lost while the bot was away). Then it stays
   * CANCELLING, followed: the catch-up tells the fill, and the cancel's own ends stay silent.
   */
  private void endUnlessAFillIsUntold(
      UserRef user, Mark mark, PlacedOrderList cancelled, ListHandle list, Optional<String> warnLater) {
    Set<String> seenEnded = seenEnded(mark);
    boolean untoldFill =
        cancelled.legs().stream()
            .filter(leg -> !seenEnded.contains(leg.clientOrderId().value()))
            .anyMatch(leg -> leg.report().map(r -> r.executedQty().signum() > 0).orElse(false));
    if (untoldFill) {
      if (accounts.catchUp(user)) {
        LOG.info("list {} cancelled, but an order of it filled unseen; followed until the catch-up tells it", mark.listClientOrderId());
        warnLater.ifPresent(warning -> transactor.inTransaction(stores -> {
          HeldWarnings.defer(stores, mark.chat(), list, warning);
          return null;
        }));
        return;
      }
      // no catch-up can run here (no source that looks back): following the list would never end it
    }
    transactor.inTransaction(
        stores -> {
          stores.orderLists().changeState(mark.listClientOrderId(), OrderListState.CANCELLING, OrderListState.ALL_DONE);
          warnLater.ifPresent(warning -> HeldWarnings.defer(stores, mark.chat(), list, warning));
          return null;
        });
  }

  /**
   * The exchange had nothing to cancel: the list ended there. When the bot saw each of its orders
   * end, it knows how, and the list ends here too. Otherwise an end (perhaps a fill) was missed, in
   * a stream gap say: the list stays CANCELLING, followed, and a catch-up of its owner is asked for,
   * which tells what happened and then ends it (where no catch-up can run, the list ends as before).
   * Answers whether the list ended here.
   */
  private boolean endIfEveryOrderWasSeenEnding(UserRef user, Mark mark) {
    Optional<TrackedOrderList> tracked =
        transactor.inTransaction(stores -> stores.orderLists().findByListClientOrderId(mark.listClientOrderId()));
    boolean everyEndSeen = tracked.map(t -> t.legs().stream().allMatch(TrackedLeg::ended)).orElse(true);
    if (!everyEndSeen && accounts.catchUp(user)) {
      LOG.info("list {} had ended on the exchange unseen; followed until the catch-up tells how", mark.listClientOrderId());
      return false;
    }
    change(mark, OrderListState.CANCELLING, OrderListState.ALL_DONE);
    return true;
  }

  private Set<String> seenEnded(Mark mark) {
    return transactor.inTransaction(stores -> stores.orderLists().findByListClientOrderId(mark.listClientOrderId()))
        .map(tracked -> tracked.legs().stream().filter(TrackedLeg::ended).map(TrackedLeg::clientOrderId).collect(Collectors.toSet()))
        .orElse(Set.of());
  }

  private Optional<Mark> markCancelling(TrackedOrderList tracked) {
    OrderListState before = tracked.state();
    if (!before.isOpen() || before == OrderListState.CANCELLING) {
      return Optional.empty();
    }
    Mark mark = new Mark(tracked.listClientOrderId(), before, tracked.chat());
    return change(mark, before, OrderListState.CANCELLING) ? Optional.of(mark) : Optional.empty();
  }

  private CancelOutcome failed(
      ApiCredentials credentials, UserRef user, ListHandle list, Optional<Mark> mark, ExchangeError error, boolean warnLater) {
    long id = list.orderListId();
    if (error instanceof ExchangeError.NotFound) {
      boolean endKnown = mark.map(m -> endIfEveryOrderWasSeenEnding(user, m)).orElse(true);
      if (!endKnown) {
        return new CancelOutcome(false, Replies.nothingToCancelLookingUp(error, name(list)), Optional.empty(), true, Optional.empty());
      }
      return ended.otherwise(user, list, name(list), mark.map(Mark::chat), Replies.exchangeError(error), warnLater);
    }
    boolean endedMeanwhile = mark.map(this::putBack).orElse(false);
    String name = name(list);
    if (error instanceof ExchangeError.OutcomeUnknown) {
      return endedMeanwhile
          ? ended.afterLostAnswer(credentials, user, list, name, mark.orElseThrow().listClientOrderId(), mark.get().chat(), warnLater)
          : new CancelOutcome(false, Replies.cancelUnknown(name, id));
    }
    // refused, never executed: the list ended meanwhile all the same (a fill, or a cancel from Binance's
    // own app), its ends kept silent as this cancel's; this answer is the one place left to say so
    return endedMeanwhile ? ended.otherwise(user, list, name, mark.map(Mark::chat), Replies.cancelOvertaken(name, id), warnLater)
        : new CancelOutcome(false, Replies.cancelNotDone(name, id, error));
  }

  /**
   * Puts the state from before the cancel back, unless an event moved the list on meanwhile; answers
   * whether it has ended meanwhile (a fill, or the cancel's own events after a lost answer).
   */
  private boolean putBack(Mark mark) {
    if (change(mark, OrderListState.CANCELLING, mark.before())) {
      return false;
    }
    return transactor.inTransaction(stores -> stores.orderLists().findByListClientOrderId(mark.listClientOrderId()))
        .map(tracked -> !tracked.state().isOpen())
        .orElse(false);
  }

  private boolean change(Mark mark, OrderListState from, OrderListState to) {
    return transactor.inTransaction(stores -> stores.orderLists().changeState(mark.listClientOrderId(), from, to));
  }

  /** The audit subject of a cancel of {@code list}. */
  static String subject(ListHandle list) {
    return "list:" + list.symbol() + ":" + list.orderListId();
  }

  private void record(UserRef user, ChatRef chat, AuditAction action, String subject) {
    transactor.inTransaction(
        stores -> {
          stores.audit().record(new AuditEntry(clock.instant(), user, action, subject, Optional.of(chat)));
          return null;
        });
  }
}
