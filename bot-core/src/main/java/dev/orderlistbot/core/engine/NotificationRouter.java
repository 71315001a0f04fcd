package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.AlertMode;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.ListForEvent;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes order-list events to the chat each list was placed from and to every chat that subscribed
 * to the owner's alerts ({@code /alerts on}, or {@code redacted}: without quantities). In ONE
 * transaction it finds the bot's record of the list (by Binance's id, or by the client id its legs
 * carry, which works even before the placement's answer arrived), marks the event processed for the
 * list's owner (a replay stops there), moves the record's state (and records a leg that ended, so
 * the list is followed until every leg has) and enqueues one outbox message per
 * target chat, keyed by the event and the target (so a replay also stops at the outbox), and moves
 * the list's card with an edit of its message ({@link CardUpdates}); then it wakes the dispatcher. An event that is not about a list its receiver placed through the bot is
 * logged and dropped without a trace: on a Binance account shared by two bot users both hear every
 * event, and only the owner's copy may count.
 *
 * <p>Partial fills are merged: a partial fill waits the merge window (default 5 s) in the outbox,
 * and the next partial fills of the same order replace its text while it waits; the order's final
 * fill replaces a waiting partial and goes at once. So a chat hears at most about one partial fill
 * per order per window, and a crash loses nothing (every step is a committed outbox row). Merging
 * only moves forward: a notice carries its {@link dev.orderlistbot.core.port.out.MergeRank} (final
 * above partial, then the filled quantity), and an older snapshot of the order (the REST catch-up's
 * answer taken before the fill, say) is dropped rather than replacing or following newer news.
 *
 * <p>Thread-safe. A storage failure is logged and rethrown, so the source may deliver the event
 * again (nothing was marked processed).
 */
public final class NotificationRouter implements OrderUpdateHandler {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationRouter.class);
  private static final int MAX_KEY = 200;

  public static final Duration DEFAULT_MERGE_WINDOW = Duration.ofSeconds(5);

  private final Transactor transactor;
  private final Runnable afterEnqueue;
  private final Duration mergeWindow;

  /** With the {@link #DEFAULT_MERGE_WINDOW default merge window} for partial fills. */
  public NotificationRouter(Transactor transactor, Runnable afterEnqueue) {
    this(transactor, afterEnqueue, DEFAULT_MERGE_WINDOW);
  }

  /**
   * @param afterEnqueue called after a notice was committed to the outbox, e.g. {@code
   *     dispatcher::trigger}
   * @param mergeWindow how long a partial fill waits for the next ones of its order (zero: none)
   */
  public NotificationRouter(Transactor transactor, Runnable afterEnqueue, Duration mergeWindow) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.afterEnqueue = Objects.requireNonNull(afterEnqueue, "afterEnqueue");
    this.mergeWindow = Objects.requireNonNull(mergeWindow, "mergeWindow");
    if (mergeWindow.isNegative()) {
      throw new IllegalArgumentException("the merge window must not be negative");
    }
  }

  @Override
  public void onUpdate(UserRef owner, OrderListUpdate update) {
    boolean enqueued;
    try {
      enqueued = transactor.inTransaction(stores -> route(stores, owner, update, stores.subscriptions()::forOwner));
    } catch (RuntimeException e) {
      LOG.error("order event {} of {} could not be routed", update.eventId(), owner, e);
      throw e;
    }
    if (enqueued) {
      afterEnqueue.run();
    }
  }

  /**
   * Routes {@code batch} in order, in ONE transaction: each event exactly as {@link #onUpdate} would
   * (marked processed in that transaction, so a repeat stops there), with one commit and one wake
   * of the dispatcher for all. When the batch fails, nothing of it was committed, and its events
   * are routed again one transaction each, so one event the stores refuse costs only itself
   * (logged, like {@link #onUpdate}'s failures). The owners' alert subscriptions are read once, at
   * the batch's start, in one read: a subscription changed while the batch runs counts from the next
   * one, as it would had the change come a moment later. Never throws.
   */
  public void routeAll(List<OwnerUpdate> batch) {
    if (batch.size() <= 1) {
      batch.forEach(this::routeQuietly);
      return;
    }
    boolean enqueued;
    try {
      enqueued =
          transactor.inTransaction(
              stores -> {
                // the owners' alert subscriptions, read once for the whole batch
                Map<UserRef, List<AlertSubscription>> subscriptions =
                    stores.subscriptions().forOwners(batch.stream().map(OwnerUpdate::owner).distinct().toList());
                boolean any = false;
                for (OwnerUpdate each : batch) {
                  any |= route(stores, each.owner(), each.update(), subscriptions::get);
                }
                return any;
              });
    } catch (RuntimeException e) {
      LOG.warn("a batch of {} order events could not be routed together ({}); routing them one by one", batch.size(), e.getClass().getSimpleName());
      batch.forEach(this::routeQuietly);
      return;
    }
    if (enqueued) {
      afterEnqueue.run();
    }
  }

  private void routeQuietly(OwnerUpdate each) {
    try {
      onUpdate(each.owner(), each.update());
    } catch (RuntimeException logged) {
      // logged by onUpdate; the events after it still go
    }
  }

  private boolean route(
      Stores stores, UserRef owner, OrderListUpdate update, Function<UserRef, List<AlertSubscription>> subscriptions) {
    // Ownership first, dedupe second: on an account shared by two bot users (one Binance account,
    // two keys) each subscription hears every event of the account. The copy that reaches the user
    // who did not place the list must leave no trace, or it would swallow the owner's copy.
    Optional<ListForEvent> tracked = find(stores, owner, update).filter(found -> found.list().owner().equals(owner));
    if (tracked.isEmpty()) {
      LOG.info("order event {} of {} is not about a list this user placed through the bot; dropped", update.eventId(), owner);
      return false;
    }
    String processedKey = key("", update.eventId(), "@" + owner.platform() + ":" + owner.userId());
    TrackedOrderList list = tracked.get().list();
    if (!stores.processedEvents().markProcessed(processedKey, list.listClientOrderId())) {
      LOG.debug("order event {} of {} was already handled", update.eventId(), owner);
      return false;
    }
    Notices.Notice notice = Notices.of(list, update);
    notice.newState().ifPresent(state -> stores.orderLists().updateState(list.listClientOrderId(), state));
    if (update instanceof OrderListUpdate.LegChanged leg && Notices.ends(leg.status())) {
      stores.orderLists().markLegEnded(list.listClientOrderId(), leg.clientOrderId().value(), leg.cumulativeQuantity().signum() > 0);
    }
    if (list.state() == OrderListState.CANCELLING && notice.text().isEmpty()
        && notice.newState().filter(OrderListState.ALL_DONE::equals).isPresent()) {
      // the bot's own cancel ended the list, silently: its answer says what the entry's fill has no
      // exit left, but may never leave; kept with this end, as the cancel keeps it (HeldWarnings)
      stores.orderLists().findByListClientOrderId(list.listClientOrderId())
          .ifPresent(ended -> HeldWarnings.deferAtSilentEnd(stores, ended));
    }
    // the day's realised profit or loss, counted once: the event is marked processed above
    LossLedger.heard(stores, list, tracked.get().basis(), update);
    logRouted(owner, update, list, notice);
    // the list's card moves too: an edit of its message (queued first, so the notice is the chat's
    // newest message), in addition to the notice, which stays a new message so the phone rings
    boolean edited = CardUpdates.heard(stores, list.listClientOrderId(), tracked.get().card(), update);
    boolean told =
        notice.text().isPresent() && fanOut(stores, subscriptions.apply(owner), list.chat(), update.eventId(), notice);
    return told || edited;
  }

  /**
   * One line per routed event: at INFO for the few events of a list's life (a leg placed, amended,
   * filled, cancelled or expired; the list's own updates), so an operator traces them at the default
   * level; at DEBUG for a partial fill, the one event that comes in floods (a big order filling in
   * many small trades; 10,000 a second in issue 19's load, where the INFO line was about 3 µs of CPU
   * an event and filled the 100 MB of kept log files in about a minute). A partial fill's outbox row
   * is keyed by its event id, and the order's final fill is logged at INFO.
   */
  private static void logRouted(UserRef owner, OrderListUpdate update, TrackedOrderList list, Notices.Notice notice) {
    String outcome = notice.text().isPresent() ? "notice enqueued" : "no notice";
    if (notice.merge() == Notices.Merge.PARTIAL) {
      LOG.debug("order event {} of {} on {}: {}", update.eventId(), owner, list.listClientOrderId(), outcome);
    } else {
      LOG.info("order event {} of {} on {}: {}", update.eventId(), owner, list.listClientOrderId(), outcome);
    }
  }

  /**
   * One outbox message for the chat the list was placed in and one for each chat subscribed to the
   * owner's alerts (redacted where asked), each keyed by the event and its target.
   */
  private boolean fanOut(
      Stores stores, List<AlertSubscription> subscriptions, ChatRef placedIn, String eventId, Notices.Notice notice) {
    boolean enqueued = enqueue(stores, notice, new OutboxMessage(key("event:", eventId, ""), placedIn, notice.text().orElseThrow()));
    for (AlertSubscription subscription : subscriptions) {
      ChatRef chat = subscription.chat();
      Optional<String> text = subscription.mode() == AlertMode.REDACTED ? notice.redacted() : notice.text();
      // the chat the list was placed in already heard it in full
      if (!chat.equals(placedIn) && text.isPresent()) {
        String target = "@" + chat.platform() + ":" + chat.chatId();
        enqueued |= enqueue(stores, notice, new OutboxMessage(key("event:", eventId, target), chat, text.get()));
      }
    }
    return enqueued;
  }

  private boolean enqueue(Stores stores, Notices.Notice notice, OutboxMessage message) {
    return switch (notice.merge()) {
      case NONE -> stores.outbox().enqueue(message);
      case PARTIAL -> stores.outbox().enqueueMerged(message, key("fills:", notice.mergeKey(), ""), notice.rank(), mergeWindow);
      case FINAL -> stores.outbox().enqueueMerged(message, key("fills:", notice.mergeKey(), ""), notice.rank(), Duration.ZERO);
    };
  }

  /**
   * The list an event is about, with its basis and card: by its client id first (the bot's own,
   * unique; one read), then by the exchange's list id among the owner's lists on the event's symbol
   * (Binance numbers lists per symbol, so the bare id may name another trader's list, or another
   * symbol's).
   */
  private static Optional<ListForEvent> find(Stores stores, UserRef owner, OrderListUpdate update) {
    Optional<ListForEvent> byClientId = switch (update) {
      case OrderListUpdate.ListChanged list -> stores.listForEvent(list.clientListId().value());
      case OrderListUpdate.LegChanged leg ->
          Texts.roleOf(leg.clientOrderId().value())
              .map(role -> leg.clientOrderId().value())
              .map(id -> id.substring(0, id.lastIndexOf('-')))
              .flatMap(stores::listForEvent);
    };
    if (byClientId.isPresent()) {
      return byClientId;
    }
    return stores.orderLists().findByOrderListId(owner, update.orderListId().value())
        .filter(list -> list.symbol().equals(update.symbol()))
        .map(list -> ListForEvent.read(stores, list));
  }

  /** {@code prefix + id + suffix}, or the SHA-256 of {@code id + suffix} when that is too long for the stores. */
  private static String key(String prefix, String id, String suffix) {
    String key = prefix + id + suffix;
    if (key.length() <= MAX_KEY && !id.isBlank()) {
      return key;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((id + suffix).getBytes(StandardCharsets.UTF_8));
      return prefix + "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
