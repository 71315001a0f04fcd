package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.OrderEventSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's user data stream over the WebSocket API (reference section 5): one connection carries
 * up to {@link Settings#maxSubscriptionsPerConnection()} accounts, each subscribed with {@code
 * userDataStream.subscribe.signature}; {@code executionReport} and {@code listStatus} events reach
 * the {@link OrderUpdateHandler} as {@link OrderListUpdate}s for the account's owner.
 *
 * <p><b>Contract.</b>
 *
 * <ul>
 *   <li>{@link #watch} and {@link #unwatch} return at once; connecting and subscribing happen in
 *       the background. {@code watch} with new credentials replaces the user's subscription.
 *   <li>A dropped connection, a {@code serverShutdown} event and the approach of Binance's 24-hour
 *       connection limit lead to a reconnect with backoff (doubling from {@link
 *       Settings#initialBackoff()} to {@link Settings#maxBackoff()}, reset once a connection stayed
 *       up for {@link Settings#stableAfter()}). After a reconnect every user is subscribed again.
 *       Each time a user's subscription stands (the first one after {@code watch}, and each one
 *       after a reconnect) the {@link Reconciler} is called once for that user, so that what
 *       happened while the bot was stopped or disconnected is still reported.
 *   <li>A key Binance refuses ({@code -2014}, {@code -2015}, {@code -1022} or status 401) is
 *       reported once to the {@link RejectedKey} consumer and not subscribed again until {@code
 *       watch} is called again.
 *   <li>{@code eventStreamTerminated} for a live subscription leads to one new subscription.
 *   <li>Two users on one Binance account (a shared key): Binance allows one subscription per
 *       account per connection ({@code -2035}), so the second is subscribed on another connection;
 *       both hear the account's events.
 *   <li>Nothing here logs a secret, a signature or a signed payload.
 * </ul>
 *
 * <p>A subscription Binance does not answer within {@link BinanceConfig#readTimeout()}, and a
 * connection on which nothing arrived for {@link Settings#silenceLimit()}, count as a lost
 * connection.
 *
 * <p><b>Threading.</b> The WebSocket listener only hands frames over; all state changes, and the
 * calls of the handler, run one at a time on the injected scheduler, in arrival order. Reconciler
 * calls run on the scheduler too, outside that sequence. Thread-safe.
 *
 * <p><b>Parts.</b> This class only wires the package's parts together: {@code
 * SubscriptionRegistry} (which user on which connection), {@code ConnectionSubscriptions} (the
 * subscriptions on one connection: requests, answers, events by subscription id), {@code
 * UserDataConnection} with {@code FrameRelay} (one WebSocket kept up), {@code UserDataFrames} and
 * {@code UserDataEvents} (the JSON), {@code CatchUpTrigger} (the {@link Reconciler} calls), {@code
 * Backoff}, and {@code SerialScheduler} (the threading rule below).
 *
 * <p><b>Threading.</b> The WebSocket listener only hands frames over; all state changes, and the
 * calls of the handler, run one at a time on the injected scheduler, in arrival order. Reconciler
 * calls run on the scheduler too, outside that sequence. Thread-safe.
 */
public final class BinanceUserDataStream implements OrderEventSource, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);
  /**
   * The source name in the ids of the events this stream hands over ({@link
   * dev.orderlistbot.core.domain.order.OrderEventIds}); a REST catch-up must use the same.
   */
  public static final String EVENT_SOURCE = UserDataEvents.SOURCE;

  /** Brings a user's order lists up to date over REST after events may have been missed. */
  @FunctionalInterface
  public interface Reconciler {
    /**
     * Called from the stream's scheduler once a subscription stands; should return at once (hand
     * the REST calls to a worker) and not throw (a throw is logged).
     */
    void reconcile(UserRef user, ApiCredentials credentials);
  }

  /**
   * Binance refused a user's key when subscribing; the owner should be told once.
   *
   * @param reason a sentence for the user, without key material
   */
  public record RejectedKey(UserRef user, String reason) {
    public RejectedKey {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Timing of the connections.
   *
   * @param initialBackoff the first reconnect delay
   * @param maxBackoff the longest reconnect delay
   * @param stableAfter how long a connection must stay up to reset the backoff
   * @param maxConnectionAge when to replace a connection before Binance's 24-hour limit
   * @param maxSubscriptionsPerConnection accounts per connection (Binance allows 1,000)
   * @param silenceLimit a connection on which nothing (not even Binance's ping every 20 s) arrived
   *     for this long is taken for dead and replaced
   */
  public record Settings(
      Duration initialBackoff,
      Duration maxBackoff,
      Duration stableAfter,
      Duration maxConnectionAge,
      int maxSubscriptionsPerConnection,
      Duration silenceLimit) {
    public Settings {
      Objects.requireNonNull(silenceLimit, "silenceLimit");
      Objects.requireNonNull(initialBackoff, "initialBackoff");
      Objects.requireNonNull(maxBackoff, "maxBackoff");
      Objects.requireNonNull(stableAfter, "stableAfter");
      Objects.requireNonNull(maxConnectionAge, "maxConnectionAge");
      if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("backoff must be positive and initial <= max");
      }
      if (maxSubscriptionsPerConnection < 1 || maxSubscriptionsPerConnection > 1_000) {
        throw new IllegalArgumentException("1 to 1000 subscriptions per connection");
      }
    }

    /**
     * 1 s doubling to 60 s, stable after 60 s, replaced after 23 h, 1,000 accounts per connection,
     * dead after 70 s of silence.
     */
    public static Settings defaults() {
      return new Settings(
          Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofHours(23), 1_000, Duration.ofSeconds(70));
    }
  }

  private final SerialScheduler tasks;
  private final SubscriptionRegistry registry;
  private final CatchUpTrigger catchUp;
  private final UserDataConnection.Counts counts = new UserDataConnection.Counts();

  /**
   * A stream whose subscription timestamps come from the host clock as is.
   *
   * @param config environment and WebSocket API URL, recvWindow and connect timeout
   * @param httpClient builds the WebSockets
   * @param clock the {@code timestamp} of subscription requests
   * @param scheduler runs all work and timers; not shut down by {@link #close()}
   * @param handler receives the events
   * @param reconciler called per user each time their subscription stands
   * @param rejectedKeys told once about each refused key
   * @param settings backoff, connection age and subscriptions per connection
   */
  public BinanceUserDataStream(
      BinanceConfig config,
      HttpClient httpClient,
      Clock clock,
      ScheduledExecutorService scheduler,
      OrderUpdateHandler handler,
      Reconciler reconciler,
      Consumer<RejectedKey> rejectedKeys,
      Settings settings) {
    this(config, httpClient, SubscriptionTimestamps.hostClock(clock), scheduler, handler, reconciler, rejectedKeys, settings);
  }

  /**
   * A stream whose subscription timestamps use {@code rest}'s view of Binance's clock (measured
   * with {@code GET /api/v3/time} and measured again after a {@code -1021}), so a host clock a few
   * seconds off does not get every subscription refused. Same parameters as the constructor.
   */
  public static BinanceUserDataStream create(
      BinanceConfig config,
      HttpClient httpClient,
      BinanceExchangeClient rest,
      ScheduledExecutorService scheduler,
      OrderUpdateHandler handler,
      Reconciler reconciler,
      Consumer<RejectedKey> rejectedKeys,
      Settings settings) {
    Timestamps timestamps = SubscriptionTimestamps.binanceClock(rest.serverClock());
    return new BinanceUserDataStream(config, httpClient, timestamps, scheduler, handler, reconciler, rejectedKeys, settings);
  }

  /** Where subscription timestamps come from ({@link SubscriptionTimestamps} has both kinds). */
  interface Timestamps {
    long nowMillis();

    /** Binance said the timestamp was out of its window ({@code -1021}). */
    void resync();
  }

  BinanceUserDataStream(
      BinanceConfig config,
      HttpClient httpClient,
      Timestamps timestamps,
      ScheduledExecutorService scheduler,
      OrderUpdateHandler handler,
      Reconciler reconciler,
      Consumer<RejectedKey> rejectedKeys,
      Settings settings) {
    Objects.requireNonNull(config, "config");
    URI url = config.effectiveWsApiUrl();
    Objects.requireNonNull(httpClient, "httpClient");
    Objects.requireNonNull(timestamps, "timestamps");
    Objects.requireNonNull(scheduler, "scheduler");
    SerialScheduler serial = new SerialScheduler(scheduler);
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(reconciler, "reconciler");
    Objects.requireNonNull(rejectedKeys, "rejectedKeys");
    Objects.requireNonNull(settings, "settings");
    UserDataConnection.Counts connectionCounts = counts;
    UserDataLink.Opener links =
        (index, listener) ->
            new UserDataConnection(
                index, listener, serial, httpClient, url, config.connectTimeout(), settings, connectionCounts);
    this.tasks = serial;
    this.catchUp = new CatchUpTrigger(reconciler, scheduler);
    this.registry =
        new SubscriptionRegistry(
            settings.maxSubscriptionsPerConnection(),
            new ConnectionSubscriptions.Shared(
                links,
                new UserDataFrames(new ObjectMapper()),
                config,
                timestamps,
                Backoff.of(settings),
                handler,
                rejectedKeys,
                catchUp));
  }

  /** How many WebSocket connections are open right now, for the operator's metrics. */
  public int openConnections() {
    return counts.open();
  }

  /**
   * How many times a connection opened again after it had been open before (after a drop, a server
   * shutdown, a silence or the age limit) since this stream was made; for the operator's metrics.
   */
  public long reconnects() {
    return counts.reconnects();
  }

  @Override
  public void watch(UserRef user, ApiCredentials credentials) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(credentials, "credentials");
    tasks.execute(() -> registry.watch(user, credentials));
  }

  @Override
  public void unwatch(UserRef user) {
    Objects.requireNonNull(user, "user");
    tasks.execute(() -> registry.unwatch(user));
  }

  /** Calls the {@link Reconciler} for {@code user} soon. Returns at once, {@code true}. */
  @Override
  public boolean catchUp(UserRef user, ApiCredentials credentials) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(credentials, "credentials");
    catchUp.user(user, credentials);
    return true;
  }

  /**
   * Calls the {@link Reconciler} for every user whose subscription stands: a safety net, run now
   * and then, because Binance does not document what a signature subscription does when its key is
   * revoked, and a subscription may go quiet without {@code eventStreamTerminated}. Returns at once.
   */
  public void catchUpEveryone() {
    tasks.execute(registry::catchUpEveryone);
  }

  /** Closes every connection; waits up to a few seconds for that to be sent. Idempotent. */
  @Override
  public void close() {
    if (tasks.isShutdown()) {
      log.debug("scheduler already shut down; nothing left to close cleanly");
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    try {
      tasks.execute(
          () -> {
            registry.close();
            done.countDown();
          });
      if (!done.await(5, TimeUnit.SECONDS)) {
        log.warn("user data stream did not close within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RejectedExecutionException e) {
      log.debug("scheduler already shut down");
    }
  }
}
