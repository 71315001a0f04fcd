package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles every placement whose outcome nobody knows: the process died between the Confirm's claim
 * and the exchange's answer, the answer was lost and the look-up failed, or the request never
 * reached the exchange. Each is looked up by its client id with its owner's key, and the trader is
 * told the truth on the preview: placed (with its id), or not placed (nothing reached the exchange,
 * and it is never sent again). A list whose trader was told "cannot tell" stays owed its answer
 * even after an event moved it on (the event's notice says a leg changed, not that it was placed).
 *
 * <p>"Not found" is final only {@link #FINAL_AFTER} after the Confirm: Binance refuses a request
 * that arrives after its timestamp plus {@code recvWindow} (at most 60 s), so a request older than
 * that which the exchange does not show can never execute. A list this process is still placing is
 * left alone, as is one another instance is placing ({@link RunningWork}). Lists that cannot be
 * looked up now (no key, exchange down) wait for the next run.
 * Runs at start-up, on a timer, and for one trader on {@code /orders}; one run at a time.
 */
final class PlacementSettlement {
  /** Longer than Binance's longest {@code recvWindow} (60 s), with room for a skewed clock. */
  static final Duration FINAL_AFTER = Duration.ofMinutes(2);

  private static final Logger LOG = LoggerFactory.getLogger(PlacementSettlement.class);

  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final Transactor transactor;
  private final Placement placement;
  private final PlacementResults results;
  private final Clock clock;
  private final RunningWork running;
  private final ReentrantLock oneRun = new ReentrantLock();

  PlacementSettlement(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      Transactor transactor,
      Placement placement,
      PlacementResults results,
      Clock clock,
      RunningWork running) {
    this.running = running;
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.transactor = transactor;
    this.placement = placement;
    this.results = results;
    this.clock = clock;
  }

  /** Settles what can be settled now, of every owner; answers how many were settled. */
  int settleAll() {
    if (!oneRun.tryLock()) {
      return 0;
    }
    try {
      int settled = 0;
      for (TrackedOrderList list : transactor.inTransaction(stores -> stores.orderLists().listUnsettled())) {
        try {
          settled += accounts.withCredentials(list.owner(), credentials -> settle(list, credentials)).orElse(false) ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.warn("could not settle the placement of {} now; trying again later: {}", list.listClientOrderId(), e.toString());
        }
      }
      if (settled > 0) {
        LOG.info("settled {} placement(s) whose outcome was unknown", settled);
      }
      return settled;
    } finally {
      oneRun.unlock();
    }
  }

  /** Settles {@code owner}'s unknown placements with the key in hand (for {@code /orders}). */
  void settle(UserRef owner, ApiCredentials credentials) {
    for (TrackedOrderList list : transactor.inTransaction(stores -> stores.orderLists().listUnsettled())) {
      if (list.owner().equals(owner)) {
        settle(list, credentials);
      }
    }
  }

  private boolean settle(TrackedOrderList list, ApiCredentials credentials) {
    ClientListId clientId = new ClientListId(list.listClientOrderId());
    if (placement.inFlight(clientId)) {
      return false;
    }
    // a list another instance is sending now is left alone too (its lease is held there)
    Optional<UUID> confirmationId = Tokens.confirmationId(clientId);
    return confirmationId.isEmpty()
        ? settleNow(list, clientId, credentials)
        : running.settling(confirmationId.get(), () -> settleNow(list, clientId, credentials)).orElse(false);
  }

  private boolean settleNow(TrackedOrderList list, ClientListId clientId, ApiCredentials credentials) {
    Optional<PlacedOrderList> found = exchange.orderList(credentials, OrderListRef.of(clientId));
    if (found.isEmpty()
        && (list.state() != OrderListState.UNKNOWN || clock.instant().isBefore(list.createdAt().plus(FINAL_AFTER)))) {
      // not final yet, or the exchange reported on the list while its look-up still misses it
      return false;
    }
    Optional<PendingConfirmation> confirmation =
        Tokens.confirmationId(clientId).flatMap(id -> transactor.inTransaction(stores -> stores.confirmations().findById(id)));
    PlacementResults.Result result =
        found
            .map(exchangeList -> placed(list, clientId, exchangeList))
            .orElseGet(() -> notPlaced(clientId, notPlacedText(confirmation, credentials)));
    boolean settled =
        results.settle(
            confirmation.map(PendingConfirmation::chat).orElse(list.chat()),
            confirmation.flatMap(PendingConfirmation::messageRef),
            list.owner(),
            result);
    if (settled) {
      LOG.info("placement {} settled: {}", clientId, found.isPresent() ? "placed as #" + found.get().id() : "not placed");
    }
    return settled;
  }

  private PlacementResults.Result placed(TrackedOrderList list, ClientListId clientId, PlacedOrderList exchangeList) {
    return new PlacementResults.Result(
        PlacementResults.settledKey(clientId),
        stores -> {
          boolean settled = Placement.attach(stores, clientId, exchangeList);
          boolean owed = stores.orderLists().clearAwaitingAnswer(clientId.value());
          return settled || owed;
        },
        Replies.placedAfterAll(
            config.environment(), Replies.listName(list.symbol(), list.kind(), exchangeList.id().value()), Texts.legIds(exchangeList)),
        Optional.of(exchangeList))
        .audited(
            AuditAction.ORDER_LIST_PLACED,
            "list:" + list.symbol() + ":" + exchangeList.id() + " client:" + clientId.value() + " settled after an unknown outcome");
  }

  private PlacementResults.Result notPlaced(ClientListId clientId, String text) {
    return new PlacementResults.Result(
        PlacementResults.settledKey(clientId),
        stores -> {
          boolean rejected = Placement.rejected(stores, clientId);
          stores.orderLists().clearAwaitingAnswer(clientId.value());
          return rejected;
        },
        text)
        .audited(AuditAction.ORDER_LIST_NOT_PLACED, "client:" + clientId.value() + " settled after an unknown outcome: not placed");
  }

  /**
   * "Not placed"; for a stop's move (or its Retry) it also says where the position stands: its old
   * list still working (the process stopped before the cancel), or gone and the position without a
   * stop.
   */
  private String notPlacedText(Optional<PendingConfirmation> confirmation, ApiCredentials credentials) {
    Optional<PendingAction.ListHandle> replaced =
        confirmation.flatMap(c -> PendingActionCodec.decode(c.payload()).replacedList());
    if (replaced.isEmpty()) {
      return Replies.notPlacedAfterAll(config.environment());
    }
    PendingAction.ListHandle old = replaced.get();
    String name = old.symbol() + " #" + old.orderListId();
    boolean oldWorks =
        exchange.orderList(credentials, OrderListRef.of(new OrderListId(old.orderListId()))).map(PlacedOrderList::isOpen).orElse(false);
    return oldWorks
        ? TradeReplies.replacementNotPlacedOldWorks(config.environment(), name)
        : TradeReplies.replacementNotPlacedAfterAll(config.environment(), name);
  }
}
