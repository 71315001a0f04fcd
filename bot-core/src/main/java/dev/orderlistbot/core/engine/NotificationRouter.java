package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes order-list events to the chat each list was placed from. In ONE transaction it marks the
 * event processed (a replay stops there), finds the bot's record of the list (by Binance's id, or
 * by the client id its legs carry, which works even before the placement's answer arrived), moves
 * the record's state and enqueues the notice in the outbox; then it wakes the dispatcher. Events
 * for lists the bot did not place are logged and dropped.
 *
 * <p>Thread-safe. A storage failure is logged and rethrown, so the source may deliver the event
 * again (nothing was marked processed).
 */
public final class NotificationRouter implements OrderUpdateHandler {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationRouter.class);
  private static final int MAX_KEY = 200;

  private final Transactor transactor;
  private final Runnable afterEnqueue;

  /**
   * @param afterEnqueue called after a notice was committed to the outbox, e.g. {@code
   *     dispatcher::trigger}
   */
  public NotificationRouter(Transactor transactor, Runnable afterEnqueue) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.afterEnqueue = Objects.requireNonNull(afterEnqueue, "afterEnqueue");
  }

  @Override
  public void onUpdate(UserRef owner, OrderListUpdate update) {
    boolean enqueued;
    try {
      enqueued = transactor.inTransaction(stores -> route(stores, owner, update));
    } catch (RuntimeException e) {
      LOG.error("order event {} of {} could not be routed", update.eventId(), owner, e);
      throw e;
    }
    if (enqueued) {
      afterEnqueue.run();
    }
  }

  private boolean route(Stores stores, UserRef owner, OrderListUpdate update) {
    if (!stores.processedEvents().markProcessed(key("", update.eventId()))) {
      LOG.debug("order event {} was already handled", update.eventId());
      return false;
    }
    Optional<TrackedOrderList> tracked = find(stores, update).filter(list -> list.owner().equals(owner));
    if (tracked.isEmpty()) {
      LOG.info("order event {} of {} is not about a list the bot placed; dropped", update.eventId(), owner);
      return false;
    }
    TrackedOrderList list = tracked.get();
    Notices.Notice notice = Notices.of(list, update);
    notice.newState().ifPresent(state -> stores.orderLists().updateState(list.listClientOrderId(), state));
    LOG.info(
        "order event {} of {} on {}: {}",
        update.eventId(),
        owner,
        list.listClientOrderId(),
        notice.text().isPresent() ? "notice enqueued" : "no notice");
    return notice.text()
        .map(text -> stores.outbox().enqueue(new OutboxMessage(key("event:", update.eventId()), list.chat(), text)))
        .orElse(false);
  }

  private static Optional<TrackedOrderList> find(Stores stores, OrderListUpdate update) {
    Optional<TrackedOrderList> byId = stores.orderLists().findByOrderListId(update.orderListId().value());
    if (byId.isPresent()) {
      return byId;
    }
    return switch (update) {
      case OrderListUpdate.ListChanged list -> stores.orderLists().findByListClientOrderId(list.clientListId().value());
      case OrderListUpdate.LegChanged leg ->
          Texts.roleOf(leg.clientOrderId().value())
              .map(role -> leg.clientOrderId().value())
              .map(id -> id.substring(0, id.lastIndexOf('-')))
              .flatMap(id -> stores.orderLists().findByListClientOrderId(id));
    };
  }

  /** {@code prefix + eventId}, or its SHA-256 when that is too long for the stores. */
  private static String key(String prefix, String eventId) {
    String key = prefix + eventId;
    if (key.length() <= MAX_KEY && !eventId.isBlank()) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
      return prefix + "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
