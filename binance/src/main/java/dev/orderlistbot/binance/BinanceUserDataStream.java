package dev.orderlistbot.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.OrderEventSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 */
public final class BinanceUserDataStream implements OrderEventSource, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);
  /**
   * The source name in the ids of the events this stream hands over ({@link
   * dev.orderlistbot.core.domain.order.OrderEventIds}); a REST catch-up must use the same.
   */
  public static final String EVENT_SOURCE = UserDataEvents.SOURCE;

  private static final String SUBSCRIBE = "userDataStream.subscribe.signature";
  private static final String UNSUBSCRIBE = "userDataStream.unsubscribe";

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

  private final URI url;
  private final BinanceConfig config;
  private final HttpClient httpClient;
  private final Timestamps timestamps;
  private final ScheduledExecutorService scheduler;
  private final SerialExecutor serial;
  private final OrderUpdateHandler handler;
  private final Reconciler reconciler;
  private final Consumer<RejectedKey> rejectedKeys;
  private final Settings settings;
  private final ObjectMapper json = new ObjectMapper();

  // state below is touched only on `serial`
  private final Map<UserRef, Watch> watches = new HashMap<>();
  private final List<Connection> connections = new ArrayList<>();
  private long nextRequestId;
  private int nextConnectionIndex;
  private boolean closed;

  // written on `serial`, read from any thread by the operator's metrics
  private final AtomicInteger openConnections = new AtomicInteger();
  private final AtomicLong reconnects = new AtomicLong();

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
    this(config, httpClient, hostClock(clock), scheduler, handler, reconciler, rejectedKeys, settings);
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
    ServerClock serverClock = rest.serverClock();
    Timestamps timestamps =
        new Timestamps() {
          @Override
          public long nowMillis() {
            try {
              serverClock.ensureSynced();
            } catch (RuntimeException e) {
              log.warn("could not measure Binance's clock ({}); using the host clock", e.getClass().getSimpleName());
            }
            return serverClock.nowMillis();
          }

          @Override
          public void resync() {
            try {
              serverClock.resync();
            } catch (RuntimeException e) {
              log.warn("could not re-measure Binance's clock ({})", e.getClass().getSimpleName());
            }
          }
        };
    return new BinanceUserDataStream(config, httpClient, timestamps, scheduler, handler, reconciler, rejectedKeys, settings);
  }

  /** How many WebSocket connections are open right now, for the operator's metrics. */
  public int openConnections() {
    return openConnections.get();
  }

  /**
   * How many times a connection opened again after it had been open before (after a drop, a server
   * shutdown, a silence or the age limit) since this stream was made; for the operator's metrics.
   */
  public long reconnects() {
    return reconnects.get();
  }

  /** Where subscription timestamps come from. */
  interface Timestamps {
    long nowMillis();

    /** Binance said the timestamp was out of its window ({@code -1021}). */
    void resync();
  }

  private static Timestamps hostClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return new Timestamps() {
      @Override
      public long nowMillis() {
        return clock.millis();
      }

      @Override
      public void resync() {}
    };
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
    this.config = Objects.requireNonNull(config, "config");
    this.url = config.effectiveWsApiUrl();
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.timestamps = Objects.requireNonNull(timestamps, "timestamps");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.serial = new SerialExecutor(scheduler);
    this.handler = Objects.requireNonNull(handler, "handler");
    this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    this.rejectedKeys = Objects.requireNonNull(rejectedKeys, "rejectedKeys");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public void watch(UserRef user, ApiCredentials credentials) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(credentials, "credentials");
    serial.execute(() -> doWatch(user, credentials));
  }

  @Override
  public void unwatch(UserRef user) {
    Objects.requireNonNull(user, "user");
    serial.execute(() -> doUnwatch(user));
  }

  /**
   * Calls the {@link Reconciler} for every user whose subscription stands: a safety net, run now
   * and then, because Binance does not document what a signature subscription does when its key is
   * revoked, and a subscription may go quiet without {@code eventStreamTerminated}. Returns at once.
   */
  public void catchUpEveryone() {
    serial.execute(
        () -> {
          for (Watch watch : watches.values()) {
            if (watch.subscriptionId.isPresent() && !watch.rejected) {
              reconcileLater(watch);
            }
          }
        });
  }

  /** Closes every connection; waits up to a few seconds for that to be sent. Idempotent. */
  @Override
  public void close() {
    if (scheduler.isShutdown()) {
      log.debug("scheduler already shut down; nothing left to close cleanly");
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    try {
      serial.execute(
          () -> {
            closed = true;
            for (Connection connection : List.copyOf(connections)) {
              connection.shutdown();
            }
            connections.clear();
            watches.clear();
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

  // ---- state changes, all on `serial` ----

  private void doWatch(UserRef user, ApiCredentials credentials) {
    if (closed) {
      return;
    }
    Watch current = watches.get(user);
    if (current != null && !current.rejected && sameCredentials(current.credentials, credentials)) {
      return; // idempotent: the subscription stands or is on its way
    }
    PayloadSigner signer;
    try {
      signer = PayloadSigner.of(credentials);
    } catch (IllegalArgumentException e) {
      rejectedKeys.accept(new RejectedKey(user, e.getMessage()));
      return;
    }
    Watch old = watches.remove(user);
    Connection connection;
    if (old != null) {
      old.connection.release(old);
      connection = old.connection;
    } else {
      connection = connectionWithRoom();
    }
    Watch watch = new Watch(user, credentials, signer, connection, Set.of());
    watches.put(user, watch);
    connection.members.add(user);
    connection.subscribe(watch);
  }

  /**
   * Binance allows one subscription per account per connection ({@code -2035}): when two users of
   * the bot trade on one account (a shared key, or two keys of one account), the second one is
   * subscribed on another connection, and each hears the account's events (the router keeps each
   * user's own lists).
   */
  private void moveElsewhere(Watch watch) {
    if (watches.get(watch.user) != watch || closed) {
      return;
    }
    Connection from = watch.connection;
    from.members.remove(watch.user);
    Set<Connection> avoid = new HashSet<>(watch.refusedOn);
    avoid.add(from);
    Connection to = connectionWithRoom(avoid);
    Watch moved = new Watch(watch.user, watch.credentials, watch.signer, to, avoid);
    watches.put(watch.user, moved);
    to.members.add(watch.user);
    log.info("{}'s account is already subscribed on connection {} for another user; subscribing on connection {}", watch.user, from.index, to.index);
    to.subscribe(moved);
    if (from.members.isEmpty()) {
      from.shutdown();
      connections.remove(from);
    }
  }

  private static boolean sameCredentials(ApiCredentials a, ApiCredentials b) {
    if (a.type() != b.type() || !a.apiKey().equals(b.apiKey())) {
      return false;
    }
    byte[] x = a.secret().bytes();
    byte[] y = b.secret().bytes();
    try {
      return MessageDigest.isEqual(x, y);
    } finally {
      Arrays.fill(x, (byte) 0);
      Arrays.fill(y, (byte) 0);
    }
  }

  private void doUnwatch(UserRef user) {
    Watch old = watches.remove(user);
    if (old == null) {
      return;
    }
    Connection connection = old.connection;
    connection.release(old);
    connection.members.remove(user);
    if (connection.members.isEmpty()) {
      connection.shutdown();
      connections.remove(connection);
    }
  }

  private Connection connectionWithRoom() {
    return connectionWithRoom(Set.of());
  }

  private Connection connectionWithRoom(Set<Connection> avoid) {
    for (Connection connection : connections) {
      if (connection.members.size() < settings.maxSubscriptionsPerConnection() && !avoid.contains(connection)) {
        return connection;
      }
    }
    Connection connection = new Connection(nextConnectionIndex++);
    connections.add(connection);
    connection.connect();
    return connection;
  }

  private String requestId() {
    nextRequestId++;
    return "uds-" + nextRequestId;
  }

  private ScheduledFuture<?> later(Duration delay, Runnable task) {
    try {
      return scheduler.schedule(() -> serial.execute(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("scheduler shut down; timer dropped");
      return null;
    }
  }

  private void reconcileLater(Watch watch) {
    try {
      scheduler.execute(
          () -> {
            try {
              reconciler.reconcile(watch.user, watch.credentials);
            } catch (RuntimeException e) {
              log.warn("reconciling {} failed: {}", watch.user, e.getClass().getSimpleName());
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("scheduler shut down; reconcile of {} dropped", watch.user);
    }
  }

  /** One user's subscription state. */
  private static final class Watch {
    final UserRef user;
    final ApiCredentials credentials;
    final PayloadSigner signer;
    final Connection connection;
    /** Connections where Binance answered that the account is already subscribed (another user). */
    final Set<Connection> refusedOn;
    Optional<Long> subscriptionId = Optional.empty();
    boolean rejected;
    boolean terminationRetried;
    int failures;

    Watch(UserRef user, ApiCredentials credentials, PayloadSigner signer, Connection connection, Set<Connection> refusedOn) {
      this.user = user;
      this.credentials = credentials;
      this.signer = signer;
      this.connection = connection;
      this.refusedOn = Set.copyOf(refusedOn);
    }
  }

  /** A subscription request of {@code watch} awaiting its response. */
  private record Pending(Watch watch) {}

  /** One WebSocket connection and the subscriptions on it. */
  private final class Connection {
    final int index;
    final Set<UserRef> members = new LinkedHashSet<>();
    final Map<Long, Watch> bySubscription = new HashMap<>();
    final Map<String, Pending> pending = new HashMap<>();
    WebSocket socket;
    Relay relay;
    /** Whether this connection was ever open: the next opening is a reconnect. */
    boolean everConnected;
    int generation;
    int failures;
    boolean stopped;
    CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    final List<ScheduledFuture<?>> timers = new ArrayList<>();

    Connection(int index) {
      this.index = index;
    }

    void connect() {
      if (stopped || closed) {
        return;
      }
      int gen = ++generation;
      log.info("user data stream connection {} connecting", index);
      CompletableFuture<WebSocket> opening;
      Relay listener = new Relay(this, gen);
      relay = listener;
      try {
        opening = httpClient.newWebSocketBuilder().connectTimeout(config.connectTimeout()).buildAsync(url, listener);
      } catch (RuntimeException e) {
        log.warn("user data stream connection {} could not start: {}", index, e.getClass().getSimpleName());
        serial.execute(() -> dropped(gen, "could not start"));
        return;
      }
      var unused =
          opening.whenComplete(
          (ws, error) -> {
              log.debug("connection {} attempt {} handshake over ({})", index, gen, error == null ? "open" : rootName(error));
              serial.execute(
                  () -> {
                    if (error != null) {
                      dropped(gen, "connect failed (" + rootName(error) + ")");
                    } else {
                      opened(gen, ws);
                    }
                  });
          });
    }

    void opened(int gen, WebSocket ws) {
      if (gen != generation || stopped || closed) {
        log.debug("connection {} attempt {} opened but no longer wanted (now {}, stopped {}, closed {})", index, gen, generation, stopped, closed);
        ws.abort();
        return;
      }
      socket = ws;
      openConnections.incrementAndGet();
      if (everConnected) {
        reconnects.incrementAndGet();
      }
      everConnected = true;
      sending = CompletableFuture.completedFuture(null);
      log.info("user data stream connection {} open ({} users)", index, members.size());
      cancelTimers();
      addTimer(later(settings.stableAfter(), () -> {
        if (gen == generation && socket != null) {
          failures = 0;
        }
      }));
      addTimer(later(settings.maxConnectionAge(), () -> {
        if (gen == generation && socket != null) {
          log.info("user data stream connection {} is old; replacing it", index);
          replace(gen, "connection age limit", Duration.ZERO);
        }
      }));
      watchdog(gen);
      for (UserRef user : members) {
        Watch watch = watches.get(user);
        if (watch != null && !watch.rejected) {
          watch.terminationRetried = false;
          subscribe(watch);
        }
      }
    }

    /** Replaces the connection if nothing arrived on it during a whole silence limit. */
    void watchdog(int gen) {
      addTimer(later(settings.silenceLimit(), () -> {
        if (gen != generation || socket == null) {
          return;
        }
        if (relay.heard.getAndSet(false)) {
          watchdog(gen);
        } else {
          log.warn("connection {} silent for {} ms; taking it for dead", index, settings.silenceLimit().toMillis());
          dropped(gen, "silent");
        }
      }));
    }

    /**
     * Asks Binance to subscribe {@code watch}'s account. Once the subscription stands the user is
     * caught up, whatever led here (a first watch, a reconnect, a retry): events may have been
     * missed before it.
     */
    void subscribe(Watch watch) {
      if (socket == null || watch.rejected) {
        return; // subscribed when the connection opens
      }
      long timestamp = timestamps.nowMillis();
      String recvWindow = config.recvWindowParam();
      String payload = "apiKey=" + watch.credentials.apiKey() + "&recvWindow=" + recvWindow + "&timestamp=" + timestamp;
      String id = requestId();
      ObjectNode request = json.createObjectNode();
      request.put("id", id);
      request.put("method", SUBSCRIBE);
      ObjectNode params = request.putObject("params");
      params.put("apiKey", watch.credentials.apiKey());
      params.put("recvWindow", new BigDecimal(recvWindow));
      params.put("timestamp", timestamp);
      params.put("signature", watch.signer.sign(payload));
      pending.put(id, new Pending(watch));
      log.debug("subscribing {} on connection {} (request {})", watch.user, index, id);
      send(request.toString());
      int gen = generation;
      addTimer(later(config.readTimeout(), () -> {
        if (gen == generation && pending.containsKey(id)) {
          dropped(gen, "no answer to a subscription within " + config.readTimeout().toMillis() + " ms");
        }
      }));
    }

    /** Forgets the watch's subscription and asks Binance to end it. */
    void release(Watch watch) {
      watch.subscriptionId.ifPresent(
          id -> {
            bySubscription.remove(id);
            unsubscribe(id);
          });
      watch.subscriptionId = Optional.empty();
      // a subscription still pending is ended when its response arrives (see onResponse)
    }

    void unsubscribe(long subscriptionId) {
      if (socket == null) {
        return;
      }
      ObjectNode request = json.createObjectNode();
      request.put("id", requestId());
      request.put("method", UNSUBSCRIBE);
      request.putObject("params").put("subscriptionId", subscriptionId);
      send(request.toString());
    }

    void send(String text) {
      WebSocket ws = socket;
      int gen = generation;
      sending =
          sending
              .handle((ignored, error) -> null)
              .thenCompose(ignored -> ws.sendText(text, true))
              .whenComplete(
                  (ignored, error) -> {
                    if (error != null) {
                      serial.execute(() -> dropped(gen, "send failed (" + rootName(error) + ")"));
                    }
                  });
    }

    void onFrame(int gen, String text) {
      if (gen != generation) {
        return;
      }
      JsonNode frame;
      try {
        frame = json.readTree(text);
      } catch (JsonProcessingException e) {
        log.warn("connection {}: unparseable frame dropped", index);
        return;
      }
      if (frame.has("event")) {
        onEvent(gen, frame);
      } else if (frame.has("id")) {
        onResponse(frame);
      } else {
        log.debug("connection {}: frame without id or event dropped", index);
      }
    }

    void onEvent(int gen, JsonNode frame) {
      JsonNode event = frame.path("event");
      String type = event.path("e").asText();
      if ("serverShutdown".equals(type)) {
        log.info("connection {}: Binance announced a server shutdown; reconnecting", index);
        replace(gen, "server shutdown", backoff(failures++));
        return;
      }
      JsonNode subscription = frame.path("subscriptionId");
      Watch watch = subscription.isIntegralNumber() ? bySubscription.get(subscription.asLong()) : null;
      if (watch == null) {
        log.info("connection {}: {} event for unknown subscription {} dropped", index, type, subscription);
        return;
      }
      if ("eventStreamTerminated".equals(type)) {
        bySubscription.remove(subscription.asLong());
        watch.subscriptionId = Optional.empty();
        if (watch.terminationRetried) {
          log.warn("subscription of {} terminated again; not re-subscribing until reconnect", watch.user);
        } else {
          log.info("subscription of {} terminated; subscribing again", watch.user);
          watch.terminationRetried = true;
          subscribe(watch);
        }
        return;
      }
      Optional<OrderListUpdate> update;
      try {
        update = UserDataEvents.map(event);
      } catch (RuntimeException e) {
        log.warn("connection {}: malformed {} event for {} dropped ({})", index, type, watch.user, e.getClass().getSimpleName());
        return;
      }
      update.ifPresent(
          u -> {
            try {
              handler.onUpdate(watch.user, u);
            } catch (RuntimeException e) {
              log.error("order update handler failed for {} on event {}", watch.user, u.eventId(), e);
            }
          });
    }

    void onResponse(JsonNode frame) {
      Pending request = pending.remove(frame.path("id").asText());
      if (request == null) {
        return; // an unsubscription, or a subscription since replaced
      }
      Watch watch = request.watch();
      int status = frame.path("status").asInt();
      if (status == 200) {
        long id = frame.path("result").path("subscriptionId").asLong(-1);
        if (watches.get(watch.user) != watch) {
          unsubscribe(id);
          return;
        }
        watch.subscriptionId = Optional.of(id);
        watch.failures = 0;
        bySubscription.put(id, watch);
        log.info("{} subscribed on connection {} as {}", watch.user, index, id);
        reconcileLater(watch);
        return;
      }
      JsonNode error = frame.path("error");
      int code = error.path("code").asInt();
      String message = error.path("msg").asText("");
      if (status == 401 || code == -2014 || code == -2015 || code == -1022) {
        watch.rejected = true;
        log.warn("Binance refused the key of {} (status {}, code {})", watch.user, status, code);
        rejectedKeys.accept(new RejectedKey(watch.user, BinanceError.explain(code, message)));
        return;
      }
      if (code == BinanceError.SUBSCRIPTION_ACTIVE.code()) {
        moveElsewhere(watch);
        return;
      }
      if (code == -2042) {
        log.warn("connection {}: subscription limit reached; reconnecting", index);
        replace(generation, "subscription limit", Duration.ZERO);
        return;
      }
      if (code == -1021) {
        timestamps.resync();
      }
      Duration delay = backoff(watch.failures++);
      JsonNode retryAfter = error.path("data").path("retryAfter");
      if (retryAfter.isIntegralNumber()) {
        delay = Duration.ofMillis(Math.max(delay.toMillis(), retryAfter.asLong() - timestamps.nowMillis()));
      }
      log.warn("subscribing {} failed (status {}, code {}); retrying in {} ms", watch.user, status, code, delay.toMillis());
      int gen = generation;
      addTimer(later(delay, () -> {
        if (gen == generation && watches.get(watch.user) == watch && watch.subscriptionId.isEmpty()) {
          subscribe(watch);
        }
      }));
    }

    /** Ends this connection on purpose and opens a new one after {@code delay}. */
    void replace(int gen, String why, Duration delay) {
      if (gen != generation) {
        return;
      }
      WebSocket ws = socket;
      lose();
      if (ws != null) {
        ws.abort();
      }
      log.info("connection {} closed ({}); reconnecting in {} ms", index, why, delay.toMillis());
      addTimer(later(delay, this::connect));
    }

    /** The connection failed or closed: reconnect with backoff. */
    void dropped(int gen, String why) {
      if (gen != generation || stopped || closed) {
        return;
      }
      WebSocket ws = socket;
      lose();
      if (ws != null) {
        ws.abort();
      }
      Duration delay = backoff(failures++);
      log.warn("connection {} lost ({}); reconnecting in {} ms", index, why, delay.toMillis());
      addTimer(later(delay, this::connect));
    }

    private void lose() {
      generation++;
      if (socket != null) {
        openConnections.decrementAndGet();
      }
      socket = null;
      cancelTimers();
      bySubscription.clear();
      pending.clear();
      for (UserRef user : members) {
        Watch watch = watches.get(user);
        if (watch != null) {
          watch.subscriptionId = Optional.empty();
        }
      }
    }

    void shutdown() {
      stopped = true;
      WebSocket ws = socket;
      lose();
      if (ws != null) {
        var unused =
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
            .orTimeout(2, TimeUnit.SECONDS)
            .whenComplete((ignored, error) -> ws.abort());
      }
    }

    private void addTimer(ScheduledFuture<?> timer) {
      timers.removeIf(ScheduledFuture::isDone);
      if (timer != null) {
        timers.add(timer);
      }
    }

    private void cancelTimers() {
      for (ScheduledFuture<?> timer : timers) {
        timer.cancel(false);
      }
      timers.clear();
    }
  }

  private Duration backoff(int failures) {
    long initial = settings.initialBackoff().toMillis();
    long max = settings.maxBackoff().toMillis();
    long delay = failures >= 30 ? max : Math.min(max, initial << Math.min(failures, 30));
    return Duration.ofMillis(delay);
  }

  private static String rootName(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  /**
   * The JDK listener of one connection attempt: gathers text frames and hands each whole frame to
   * the serial executor, asking for the next one at once so that pings keep being answered.
   */
  private final class Relay implements WebSocket.Listener {
    private final Connection connection;
    private final int gen;
    private final StringBuilder partial = new StringBuilder();
    final AtomicBoolean heard = new AtomicBoolean(true);

    Relay(Connection connection, int gen) {
      this.connection = connection;
      this.gen = gen;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      heard.set(true);
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        serial.execute(() -> connection.onFrame(gen, text));
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      heard.set(true);
      webSocket.request(1);
      return null;
    }

    /** Binance pings every 20 s; the JDK answers with a pong by itself. */
    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      heard.set(true);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      heard.set(true);
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      serial.execute(() -> connection.dropped(gen, "closed by server, status " + statusCode));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      serial.execute(() -> connection.dropped(gen, "error (" + rootName(error) + ")"));
    }
  }
}
