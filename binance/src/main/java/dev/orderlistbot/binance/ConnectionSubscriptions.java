package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts subscribed on one connection: asks Binance to subscribe each member's account
 * (again after every reconnect) and to end subscriptions, acts on each answer (a refused key, an
 * account already subscribed here, a full connection, a passing failure to retry), and hands each
 * event to the {@link OrderUpdateHandler} for the user its subscription id belongs to. Which users
 * are its members is the {@link SubscriptionRegistry}'s choice.
 *
 * <p><b>Threading.</b> Not thread-safe: every method runs on the stream's serial sequence, and so
 * do the handler's calls.
 */
final class ConnectionSubscriptions implements UserDataLink.Listener {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);

  /**
   * What the subscriptions of every connection share.
   *
   * @param links makes each connection
   * @param frames writes the requests and reads the frames
   * @param config recvWindow of the requests, and how long an answer may take
   * @param timestamps where the time in each subscription request comes from
   * @param backoff how long to wait before subscribing again after a passing failure
   * @param handler receives the events
   * @param rejectedKeys told once about each refused key
   * @param catchUp told each time a subscription stands
   */
  record Shared(
      UserDataLink.Opener links,
      UserDataFrames frames,
      BinanceConfig config,
      BinanceUserDataStream.Timestamps timestamps,
      Backoff backoff,
      OrderUpdateHandler handler,
      Consumer<BinanceUserDataStream.RejectedKey> rejectedKeys,
      CatchUpTrigger catchUp) {}

  final int index;
  private final SubscriptionRegistry registry;
  private final Shared shared;
  private final UserDataLink link;
  private final Set<UserRef> members = new LinkedHashSet<>();
  private final Map<Long, UserSubscription> bySubscription = new HashMap<>();
  /** Subscription requests awaiting their answer, by request id. */
  private final Map<String, UserSubscription> pending = new HashMap<>();

  ConnectionSubscriptions(int index, SubscriptionRegistry registry, Shared shared) {
    this.index = index;
    this.registry = registry;
    this.shared = shared;
    this.link = shared.links().open(index, this);
  }

  void connect() {
    link.connect();
  }

  /** Closes the connection for good. */
  void shutdown() {
    link.shutdown();
  }

  void join(UserRef user) {
    members.add(user);
  }

  void leave(UserRef user) {
    members.remove(user);
  }

  int size() {
    return members.size();
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  @Override
  public void opened() {
    log.info("user data stream connection {} open ({} users)", index, members.size());
    for (UserRef user : members) {
      UserSubscription subscription = registry.current(user);
      if (subscription != null && !subscription.rejected) {
        subscription.terminationRetried = false;
        subscribe(subscription);
      }
    }
  }

  @Override
  public void lost() {
    bySubscription.clear();
    pending.clear();
    for (UserRef user : members) {
      UserSubscription subscription = registry.current(user);
      if (subscription != null) {
        subscription.subscriptionId = Optional.empty();
      }
    }
  }

  /**
   * Asks Binance to subscribe {@code subscription}'s account. Once the subscription stands the user
   * is caught up, whatever led here (a first watch, a reconnect, a retry): events may have been
   * missed before it.
   */
  void subscribe(UserSubscription subscription) {
    if (!link.isOpen() || subscription.rejected) {
      return; // subscribed when the connection opens
    }
    long timestamp = shared.timestamps().nowMillis();
    UserDataFrames.Request request =
        shared.frames().subscribe(
            subscription.credentials.apiKey(), shared.config().recvWindowParam(), timestamp, subscription.signer);
    String id = request.id();
    pending.put(id, subscription);
    log.debug("subscribing {} on connection {} (request {})", subscription.user, index, id);
    link.send(request.text());
    Duration timeout = shared.config().readTimeout();
    link.whileCurrent(timeout, () -> {
      if (pending.containsKey(id)) {
        link.drop("no answer to a subscription within " + timeout.toMillis() + " ms");
      }
    });
  }

  /** Forgets {@code subscription}'s subscription id and asks Binance to end it. */
  void release(UserSubscription subscription) {
    subscription.subscriptionId.ifPresent(
        id -> {
          bySubscription.remove(id);
          unsubscribe(id);
        });
    subscription.subscriptionId = Optional.empty();
    // a subscription still pending is ended when its response arrives (see onResponse)
  }

  private void unsubscribe(long subscriptionId) {
    if (link.isOpen()) {
      link.send(shared.frames().unsubscribe(subscriptionId));
    }
  }

  @Override
  public void frame(String text) {
    switch (shared.frames().read(text)) {
      case UserDataFrames.Event event -> onEvent(event);
      case UserDataFrames.Response response -> onResponse(response);
      case UserDataFrames.Unparseable unparseable -> log.warn("connection {}: unparseable frame dropped", index);
      case UserDataFrames.Unrecognised unrecognised -> log.debug("connection {}: frame without id or event dropped", index);
    }
  }

  private void onEvent(UserDataFrames.Event event) {
    if (event.isServerShutdown()) {
      log.info("connection {}: Binance announced a server shutdown; reconnecting", index);
      link.replaceAfterBackoff("server shutdown");
      return;
    }
    UserSubscription subscription =
        event.subscriptionId().isPresent() ? bySubscription.get(event.subscriptionId().getAsLong()) : null;
    if (subscription == null) {
      log.info("connection {}: {} event for unknown subscription {} dropped", index, event.type(), event.subscriptionText());
      return;
    }
    if (event.isStreamTerminated()) {
      bySubscription.remove(event.subscriptionId().getAsLong());
      subscription.subscriptionId = Optional.empty();
      if (subscription.terminationRetried) {
        log.warn("subscription of {} terminated again; not re-subscribing until reconnect", subscription.user);
      } else {
        log.info("subscription of {} terminated; subscribing again", subscription.user);
        subscription.terminationRetried = true;
        subscribe(subscription);
      }
      return;
    }
    Optional<OrderListUpdate> update;
    try {
      update = event.update();
    } catch (RuntimeException e) {
      log.warn("connection {}: malformed {} event for {} dropped ({})", index, event.type(), subscription.user, e.getClass().getSimpleName());
      return;
    }
    update.ifPresent(
        u -> {
          try {
            shared.handler().onUpdate(subscription.user, u);
          } catch (RuntimeException e) {
            log.error("order update handler failed for {} on event {}", subscription.user, u.eventId(), e);
          }
        });
  }

  private void onResponse(UserDataFrames.Response response) {
    UserSubscription subscription = pending.remove(response.id());
    if (subscription == null) {
      return; // an unsubscription, or a subscription since replaced
    }
    switch (response.outcome()) {
      case SUBSCRIBED -> stands(subscription, response.subscriptionId());
      case KEY_REFUSED -> {
        subscription.rejected = true;
        log.warn("Binance refused the key of {} (status {}, code {})", subscription.user, response.status(), response.code());
        shared.rejectedKeys()
            .accept(new BinanceUserDataStream.RejectedKey(subscription.user, BinanceError.explain(response.code(), response.message())));
      }
      case ACCOUNT_ALREADY_SUBSCRIBED -> registry.moveElsewhere(subscription);
      case CONNECTION_FULL -> {
        log.warn("connection {}: subscription limit reached; reconnecting", index);
        link.replace("subscription limit", Duration.ZERO);
      }
      case CLOCK_OFF -> {
        shared.timestamps().resync();
        retryLater(subscription, response);
      }
      case FAILED -> retryLater(subscription, response);
    }
  }

  private void stands(UserSubscription subscription, long id) {
    if (!registry.isCurrent(subscription)) {
      unsubscribe(id);
      return;
    }
    subscription.subscriptionId = Optional.of(id);
    subscription.failures = 0;
    bySubscription.put(id, subscription);
    log.info("{} subscribed on connection {} as {}", subscription.user, index, id);
    shared.catchUp().subscriptionStands(subscription);
  }

  private void retryLater(UserSubscription subscription, UserDataFrames.Response response) {
    Duration delay = shared.backoff().after(subscription.failures++);
    if (response.retryAfter().isPresent()) {
      delay = Duration.ofMillis(Math.max(delay.toMillis(), response.retryAfter().getAsLong() - shared.timestamps().nowMillis()));
    }
    log.warn(
        "subscribing {} failed (status {}, code {}); retrying in {} ms",
        subscription.user,
        response.status(),
        response.code(),
        delay.toMillis());
    link.whileCurrent(delay, () -> {
      if (registry.isCurrent(subscription) && subscription.subscriptionId.isEmpty()) {
        subscribe(subscription);
      }
    });
  }
}
