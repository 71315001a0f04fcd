package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches a user's order lists up over REST, for when the exchange's live events may have been
 * missed (the stream was down, the bot was stopped): for every list the bot still takes for open
 * (until every leg has ended: an OCO Binance ended while its triggered stop-loss rests is still asked about),
 * it asks the exchange for the list and each of its orders, and hands what it finds to the {@link
 * OrderUpdateHandler} (the notification router) as the same events the live stream would have
 * pushed, <em>with the same identities</em> ({@link OrderEventIds}). So a fill the stream already
 * reported is dropped by the router's dedupe, a fill it missed is announced once, and a late push of
 * a fill this found is dropped too.
 *
 * <p>Within a list, fills are handed over before the other changes, the way the exchange reports
 * them: the fill of one side of an OCO closes the list, so the other side's expiry is not told as a
 * separate surprise. The list's end comes last.
 *
 * <p>Costs, on Binance: one list query (weight 4) and one order query per leg (weight 4 each), per
 * open list. Synchronous; call it from a worker, one user at a time. Throws {@link
 * dev.orderlistbot.core.port.out.ExchangeException} when the exchange cannot answer (nothing was
 * lost: what was handed over is recorded, the rest can be caught up by a later call). Thread-safe.
 */
public final class OrderListReconciler {
  private static final Logger LOG = LoggerFactory.getLogger(OrderListReconciler.class);

  /** What a catch-up found: how many open lists it checked and how many events it handed over. */
  public record Outcome(int listsChecked, int eventsHandedOver) {}

  private final Transactor transactor;
  private final ExchangeClient exchange;
  private final OrderUpdateHandler handler;
  private final String source;

  /**
   * @param source the exchange's name in event ids, as its live stream uses it (e.g. {@code
   *     binance})
   */
  public OrderListReconciler(Transactor transactor, ExchangeClient exchange, OrderUpdateHandler handler, String source) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.exchange = Objects.requireNonNull(exchange, "exchange");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.source = OrderEventIds.checkedSource(source);
  }

  /** Catches up every list of {@code user} the bot still takes for open. */
  public Outcome reconcile(UserRef user, ApiCredentials credentials) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(credentials, "credentials");
    List<TrackedOrderList> open = transactor.inTransaction(stores -> stores.orderLists().listOpen(user));
    int events = 0;
    for (TrackedOrderList tracked : open) {
      events += catchUp(user, credentials, tracked);
    }
    if (!open.isEmpty()) {
      LOG.info("caught up {} open list(s) of {}: {} event(s) handed over", open.size(), user, events);
    }
    return new Outcome(open.size(), events);
  }

  private int catchUp(UserRef user, ApiCredentials credentials, TrackedOrderList tracked) {
    OrderListRef ref =
        tracked.orderListId().isPresent()
            ? OrderListRef.of(new OrderListId(tracked.orderListId().getAsLong()))
            : OrderListRef.of(new ClientListId(tracked.listClientOrderId()));
    Optional<PlacedOrderList> found = exchange.orderList(credentials, ref);
    if (found.isEmpty()) {
      // an UNKNOWN placement the exchange never took: the placement's own look-up settles it
      LOG.info("list {} of {} is not known to the exchange; nothing to catch up", tracked.listClientOrderId(), user);
      return 0;
    }
    PlacedOrderList list = found.get();
    List<OrderListUpdate> updates = new ArrayList<>();
    for (ListLeg leg : list.legs()) {
      exchange
          .order(credentials, list.symbol(), OrderRef.of(leg.orderId()))
          .filter(order -> changed(order.report().status()))
          .map(order -> legChanged(list, order))
          .ifPresent(updates::add);
    }
    updates.sort(Comparator.comparingInt(OrderListReconciler::rank));
    if (list.orderStatus() == ListOrderStatus.ALL_DONE || list.orderStatus() == ListOrderStatus.REJECT) {
      updates.add(listChanged(list));
    }
    for (OrderListUpdate update : updates) {
      handler.onUpdate(user, update);
    }
    return updates.size();
  }

  /** States a trader may hear about; a NEW or pending order has nothing to tell. */
  private static boolean changed(LegStatus status) {
    return switch (status) {
      case PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH -> true;
      case NEW, PENDING_NEW, PENDING_CANCEL, UNKNOWN -> false;
    };
  }

  /** Fills first, then partial fills, then the ends of the other orders. */
  private static int rank(OrderListUpdate update) {
    if (update instanceof OrderListUpdate.LegChanged leg) {
      return switch (leg.status()) {
        case FILLED -> 0;
        case PARTIALLY_FILLED -> 1;
        default -> 2;
      };
    }
    return 3;
  }

  private OrderListUpdate.LegChanged legChanged(PlacedOrderList list, OrderSnapshot order) {
    LegReport report = order.report();
    return new OrderListUpdate.LegChanged(
        OrderEventIds.legState(source, list.symbol(), order.orderId(), report.status(), report.executedQty()),
        list.symbol(),
        list.id(),
        order.orderId(),
        order.clientOrderId(),
        report.type(),
        report.side(),
        execution(report.status()),
        report.status(),
        report.origQty().orElse(report.executedQty()),
        BigDecimal.ZERO,
        report.price(),
        report.executedQty(),
        report.cumulativeQuote(),
        Optional.of(report.price()).filter(price -> price.signum() > 0),
        report.stopPrice(),
        // as the answer says it (UNKNOWN for an expired order whose answer does not say why)
        report.expiryReason(),
        order.updateTime());
  }

  private OrderListUpdate.ListChanged listChanged(PlacedOrderList list) {
    return new OrderListUpdate.ListChanged(
        OrderEventIds.listFinished(source, list.symbol(), list.id().value(), list.orderStatus()),
        list.symbol(),
        list.id(),
        list.clientId(),
        list.contingencyType(),
        list.listStatus(),
        list.orderStatus(),
        list.transactionTime());
  }

  private static LegExecution execution(LegStatus status) {
    return switch (status) {
      case PARTIALLY_FILLED, FILLED -> LegExecution.TRADE;
      case CANCELED, PENDING_CANCEL -> LegExecution.CANCELED;
      case EXPIRED -> LegExecution.EXPIRED;
      case EXPIRED_IN_MATCH -> LegExecution.TRADE_PREVENTION;
      case REJECTED -> LegExecution.REJECTED;
      case NEW, PENDING_NEW, UNKNOWN -> LegExecution.NEW;
    };
  }
}
