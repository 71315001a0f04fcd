package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange's user data stream, as Binance runs it: the paper exchange's events of an account
 * reach every bot user watching that account (two, on a shared account), named by what they say
 * ({@link OrderEventIds}, as the Binance adapter names them), in order per user, each delivery a
 * task of its own. Faults: late delivery, a duplicate later, a reconnect (the REST catch-up it asks
 * for races the events still in flight), a dropped connection (events in flight lost, then a
 * reconnect that asks for a catch-up). A crash of the bot drops every connection.
 */
final class StreamHub implements OrderUpdateHandler {
  static final String SOURCE = "binance";

  /** The bot that is up, as the stream sees it. */
  interface Bot {
    int generation();

    void onUpdate(UserRef user, OrderListUpdate update);

    void catchUp(UserRef user, ApiCredentials credentials);
  }

  private record Watch(String account, ApiCredentials credentials) {}

  private final SimScheduler scheduler;
  private final Faults faults;
  private final List<OrderListUpdate> emitted = new ArrayList<>();
  private final Map<UserRef, Watch> watches = new LinkedHashMap<>();
  private final Map<UserRef, Deque<OrderListUpdate>> inFlight = new LinkedHashMap<>();
  private Optional<Bot> bot = Optional.empty();

  StreamHub(SimScheduler scheduler, Faults faults) {
    this.scheduler = scheduler;
    this.faults = faults;
  }

  /** Every event the exchange emitted, as named on the stream: the ground truth. */
  List<OrderListUpdate> emitted() {
    return List.copyOf(emitted);
  }

  void connect(Bot up) {
    bot = Optional.of(up);
  }

  /** The bot died: its connections and whatever they carried are gone. */
  void disconnectAll() {
    bot = Optional.empty();
    watches.clear();
    inFlight.clear();
  }

  boolean idle() {
    return inFlight.values().stream().allMatch(Deque::isEmpty);
  }

  /** A subscription stands: from now on the account's events reach {@code user}; catch up what was missed. */
  void watch(UserRef user, String account, ApiCredentials credentials) {
    watches.put(user, new Watch(account, credentials));
    bot.ifPresent(b -> b.catchUp(user, credentials));
  }

  void unwatch(UserRef user) {
    watches.remove(user);
    inFlight.remove(user);
  }

  /** The engine asks for a catch-up of {@code user} (it learned that an event may have been missed). */
  void catchUp(UserRef user, ApiCredentials credentials) {
    bot.ifPresent(b -> b.catchUp(user, credentials));
  }

  /** The periodic catch-up of every watched user (the app runs one every few minutes). */
  void catchUpEveryone() {
    bot.ifPresent(b -> watches.forEach((user, watch) -> b.catchUp(user, watch.credentials())));
  }

  /** From the paper exchange: {@code account} is the pseudo-user the exchange model watches each account as. */
  @Override
  public void onUpdate(UserRef account, OrderListUpdate update) {
    OrderListUpdate named = named(update);
    if (named instanceof OrderListUpdate.LegChanged leg && leg.status() == LegStatus.FILLED && faults.strikes(Fault.PARTIAL_FILLS, 0.5)) {
      publish(account.userId(), partOf(leg));
    }
    publish(account.userId(), named);
  }

  private void publish(String account, OrderListUpdate update) {
    emitted.add(update);
    watches.forEach(
        (user, watch) -> {
          if (watch.account().equals(account)) {
            inFlight.computeIfAbsent(user, u -> new ArrayDeque<>()).add(update);
            scheduleDelivery(user);
          }
        });
  }

  private void scheduleDelivery(UserRef user) {
    if (bot.isEmpty()) {
      return;
    }
    Duration delay = faults.strikes(Fault.STREAM_DELAY, 0.3) ? Duration.ofMillis(scheduler.random().nextInt(30_000)) : Duration.ZERO;
    scheduler.at(delay, "stream:" + user, bot.get().generation(), () -> deliverNext(user));
  }

  private void deliverNext(UserRef user) {
    Deque<OrderListUpdate> queue = inFlight.get(user);
    if (bot.isEmpty() || queue == null || queue.isEmpty()) {
      return;
    }
    if (faults.strikes(Fault.STREAM_GAP, 0.05)) {
      queue.clear();
      Watch watch = watches.get(user);
      if (watch != null) {
        bot.get().catchUp(user, watch.credentials());
      }
      return;
    }
    if (faults.strikes(Fault.STREAM_RECONNECT, 0.1)) {
      // the connection is re-established: what was in flight comes later, and a catch-up races it
      Watch watch = watches.get(user);
      if (watch != null) {
        bot.get().catchUp(user, watch.credentials());
      }
      scheduler.at(Duration.ofSeconds(5 + scheduler.random().nextInt(60)), "stream:" + user, bot.get().generation(), () -> deliverNext(user));
      return;
    }
    OrderListUpdate next = queue.poll();
    if (faults.strikes(Fault.STREAM_DUPLICATE, 0.1)) {
      queue.add(next);
      scheduleDelivery(user);
    }
    try {
      bot.get().onUpdate(user, next);
    } catch (RuntimeException e) {
      // the router failed (storage): the stream's owner reconnects, which catches up
      Watch watch = watches.get(user);
      if (watch != null && bot.isPresent()) {
        bot.get().catchUp(user, watch.credentials());
      }
    }
  }

  /** Named as the Binance adapter names it, so the REST catch-up's copy of a fact collapses with it. */
  private static OrderListUpdate named(OrderListUpdate update) {
    return switch (update) {
      case OrderListUpdate.LegChanged leg -> withId(leg, OrderEventIds.legState(SOURCE, leg.symbol(), leg.orderId(), leg.status(), leg.cumulativeQuantity()), leg.status(), leg.cumulativeQuantity(), leg.cumulativeQuote());
      case OrderListUpdate.ListChanged list ->
          list.orderStatus() == ListOrderStatus.ALL_DONE || list.orderStatus() == ListOrderStatus.REJECT
              ? new OrderListUpdate.ListChanged(
                  OrderEventIds.listFinished(SOURCE, list.symbol(), list.orderListId().value(), list.orderStatus()),
                  list.symbol(), list.orderListId(), list.clientListId(), list.contingencyType(), list.statusType(),
                  list.orderStatus(), list.time())
              : list;
    };
  }

  /** Half of a fill, as a partial fill that came first. */
  private static OrderListUpdate.LegChanged partOf(OrderListUpdate.LegChanged fill) {
    BigDecimal half = fill.cumulativeQuantity().divide(BigDecimal.valueOf(2), fill.cumulativeQuantity().scale() + 1, RoundingMode.DOWN);
    BigDecimal quote = fill.cumulativeQuote().divide(BigDecimal.valueOf(2), fill.cumulativeQuote().scale() + 1, RoundingMode.DOWN);
    return withId(fill, OrderEventIds.legState(SOURCE, fill.symbol(), fill.orderId(), LegStatus.PARTIALLY_FILLED, half), LegStatus.PARTIALLY_FILLED, half, quote);
  }

  private static OrderListUpdate.LegChanged withId(
      OrderListUpdate.LegChanged leg, String id, LegStatus status, BigDecimal cumulative, BigDecimal quote) {
    return new OrderListUpdate.LegChanged(
        id, leg.symbol(), leg.orderListId(), leg.orderId(), leg.clientOrderId(), leg.type(), leg.side(), leg.execution(),
        status, leg.orderQuantity(), leg.lastQuantity(), leg.lastPrice(), cumulative, quote, leg.price(), leg.stopPrice(),
        leg.expiryReason(), leg.time());
  }
}
