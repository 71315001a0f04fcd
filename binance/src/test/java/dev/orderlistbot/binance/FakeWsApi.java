package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A loopback fake of Binance's WebSocket API speaking the fixtures: answers {@code
 * userDataStream.subscribe.signature} with per-connection subscription ids after checking the HMAC
 * signature (sorted params, un-encoded, apiKey included), refuses keys marked revoked with the
 * {@code -2015} fixture, and pushes fixture events to an account's current subscription.
 */
public final class FakeWsApi extends WebSocketServer {
  /** One subscription request as received. */
  public record Subscribe(String apiKey, String signature, boolean signatureValid) {}

  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Set<String> skewed = ConcurrentHashMap.newKeySet();
  private final Set<String> ignoredOnce = ConcurrentHashMap.newKeySet();
  private final List<Subscribe> subscribes = new CopyOnWriteArrayList<>();
  private final List<Long> unsubscribes = new CopyOnWriteArrayList<>();
  private final Map<WebSocket, Map<String, Long>> subscriptions = new ConcurrentHashMap<>();
  private final Map<WebSocket, AtomicInteger> nextIds = new ConcurrentHashMap<>();
  private final AtomicInteger connectionsOpened = new AtomicInteger();
  private final AtomicInteger pongs = new AtomicInteger();
  private volatile long lastTimestamp;
  private final CountDownLatch started = new CountDownLatch(1);

  FakeWsApi() {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    setConnectionLostTimeout(0);
    setReuseAddr(true);
    // frames go out as they are pushed: with Nagle's algorithm on a loopback socket (its segment is
    // 64 KB), the last frames of a burst waited for the client's delayed acknowledgement, up to 40 ms
    // on Linux (docs/performance.md, "Stream scale", Change 7)
    setTcpNoDelay(true);
  }

  public static FakeWsApi started() throws InterruptedException {
    FakeWsApi server = new FakeWsApi();
    server.start();
    if (!server.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("fake WS API did not start");
    }
    return server;
  }

  public URI uri() {
    String host = InetAddress.getLoopbackAddress().getHostAddress();
    return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + getPort() + "/ws-api/v3");
  }

  public void account(String apiKey, String secret) {
    secrets.put(apiKey, secret);
  }

  void revoke(String apiKey) {
    revoked.add(apiKey);
  }

  /** The account's next subscription is refused with {@code -1021} (timestamp outside recvWindow). */
  void skewOnce(String apiKey) {
    skewed.add(apiKey);
  }

  /** The account's next subscription request gets no answer at all. */
  void ignoreOnce(String apiKey) {
    ignoredOnce.add(apiKey);
  }

  public List<Subscribe> subscribes() {
    return List.copyOf(subscribes);
  }

  public long subscribesOf(String apiKey) {
    return subscribes.stream().filter(s -> s.apiKey().equals(apiKey)).count();
  }

  List<Long> unsubscribes() {
    return List.copyOf(unsubscribes);
  }

  int connectionsOpened() {
    return connectionsOpened.get();
  }

  long lastTimestamp() {
    return lastTimestamp;
  }

  int pongs() {
    return pongs.get();
  }

  /** On how many open connections the account is subscribed now (one, when exactly one instance streams it). */
  public long standingSubscriptions(String apiKey) {
    return subscriptions.entrySet().stream().filter(e -> e.getKey().isOpen() && e.getValue().containsKey(apiKey)).count();
  }

  public boolean subscribed(String apiKey) {
    return subscriptions.values().stream().anyMatch(m -> m.containsKey(apiKey));
  }

  /** Sends a fixture event to the account's subscription, with its subscription id. */
  void push(String apiKey, String fixture) {
    for (Map.Entry<WebSocket, Map<String, Long>> entry : subscriptions.entrySet()) {
      Long id = entry.getValue().get(apiKey);
      if (id != null && entry.getKey().isOpen()) {
        if (Fixtures.json(fixture).path("event").path("e").asText().equals("eventStreamTerminated")) {
          entry.getValue().remove(apiKey); // as on Binance: the subscription has ended
        }
        pushRaw(entry.getKey(), fixture, id);
        return;
      }
    }
    throw new IllegalStateException("no subscription for " + apiKey);
  }

  /**
   * Sends a fixture event, changed by {@code edit} (e.g. to name another order), to the account's
   * subscription.
   */
  public void push(String apiKey, String fixture, java.util.function.Consumer<ObjectNode> edit) {
    ObjectNode frame = (ObjectNode) Fixtures.json(fixture);
    edit.accept((ObjectNode) frame.path("event"));
    for (Map.Entry<WebSocket, Map<String, Long>> entry : subscriptions.entrySet()) {
      Long id = entry.getValue().get(apiKey);
      if (id != null && entry.getKey().isOpen()) {
        frame.put("subscriptionId", id);
        entry.getKey().send(frame.toString());
        return;
      }
    }
    throw new IllegalStateException("no subscription for " + apiKey);
  }

  /**
   * Sends {@code eventJson} (an event object as Binance writes it, already rendered) to the
   * account's subscription: for load harnesses, which render their frames before the clock starts.
   */
  public void pushEventJson(String apiKey, String eventJson) {
    for (Map.Entry<WebSocket, Map<String, Long>> entry : subscriptions.entrySet()) {
      Long id = entry.getValue().get(apiKey);
      if (id != null && entry.getKey().isOpen()) {
        entry.getKey().send("{\"subscriptionId\":" + id + ",\"event\":" + eventJson + "}");
        return;
      }
    }
    throw new IllegalStateException("no subscription for " + apiKey);
  }

  /** Sends a fixture event to every subscription of the account, on every connection. */
  void pushToEverySubscription(String apiKey, String fixture) {
    for (Map.Entry<WebSocket, Map<String, Long>> entry : subscriptions.entrySet()) {
      Long id = entry.getValue().get(apiKey);
      if (id != null && entry.getKey().isOpen()) {
        pushRaw(entry.getKey(), fixture, id);
      }
    }
  }

  /** Sends a fixture event with any subscription id to every connection. */
  void pushToAll(String fixture, long subscriptionId) {
    for (WebSocket socket : getConnections()) {
      pushRaw(socket, fixture, subscriptionId);
    }
  }

  void shutdownNotice() {
    for (WebSocket socket : getConnections()) {
      socket.send(Fixtures.text("ws-server-shutdown.json"));
    }
  }

  void pingAll() {
    for (WebSocket socket : getConnections()) {
      socket.sendPing();
    }
  }

  /** Closes every connection from the server's side ("going away"). */
  public void dropAll() {
    for (WebSocket socket : getConnections()) {
      socket.close(1001, "going away");
    }
  }

  private static void pushRaw(WebSocket socket, String fixture, long subscriptionId) {
    ObjectNode frame = (ObjectNode) Fixtures.json(fixture);
    frame.put("subscriptionId", subscriptionId);
    socket.send(frame.toString());
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    connectionsOpened.incrementAndGet();
    subscriptions.put(conn, new ConcurrentHashMap<>());
    nextIds.put(conn, new AtomicInteger());
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    subscriptions.remove(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JsonNode request;
    try {
      request = Fixtures.JSON.readTree(message);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String id = request.path("id").asText();
    JsonNode params = request.path("params");
    switch (request.path("method").asText()) {
      case "userDataStream.subscribe.signature" -> subscribe(conn, id, params);
      case "userDataStream.unsubscribe" -> {
        long subscriptionId = params.path("subscriptionId").asLong();
        unsubscribes.add(subscriptionId);
        subscriptions.getOrDefault(conn, Map.of()).values().remove(subscriptionId);
        conn.send("{\"id\":\"" + id + "\",\"status\":200,\"result\":{}}");
      }
      default -> conn.send("{\"id\":\"" + id + "\",\"status\":400,\"error\":{\"code\":-1102,\"msg\":\"bad method\"}}");
    }
  }

  private void subscribe(WebSocket conn, String id, JsonNode params) {
    String apiKey = params.path("apiKey").asText();
    String signature = params.path("signature").asText();
    lastTimestamp = params.path("timestamp").asLong();
    String secret = secrets.get(apiKey);
    boolean valid = secret != null && hmac(secret, payload(params)).equals(signature);
    subscribes.add(new Subscribe(apiKey, signature, valid));
    if (revoked.contains(apiKey)) {
      ObjectNode error = (ObjectNode) Fixtures.json("ws-error-2015-session-revoked.json");
      error.put("id", id);
      conn.send(error.toString());
      return;
    }
    if (ignoredOnce.remove(apiKey)) {
      return;
    }
    if (skewed.remove(apiKey)) {
      ObjectNode error = (ObjectNode) Fixtures.json("error-1021-outside-recvwindow.json");
      conn.send("{\"id\":\"" + id + "\",\"status\":400,\"error\":" + error + "}");
      return;
    }
    if (!valid) {
      conn.send(
          "{\"id\":\"" + id + "\",\"status\":400,\"error\":{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}}");
      return;
    }
    if (subscriptions.get(conn).containsKey(apiKey)) {
      conn.send(
          "{\"id\":\"" + id + "\",\"status\":400,\"error\":{\"code\":-2035,\"msg\":\"User Data Stream subscription already active.\"}}");
      return;
    }
    long subscriptionId = nextIds.get(conn).getAndIncrement();
    ObjectNode response = (ObjectNode) Fixtures.json("ws-userdatastream-subscribe-response.json");
    response.put("id", id);
    ((ObjectNode) response.path("result")).put("subscriptionId", subscriptionId);
    conn.send(response.toString());
    // registered only once the answer is on its way, so events a test pushes next come after it
    subscriptions.get(conn).put(apiKey, subscriptionId);
  }

  /** Every param but the signature, sorted by name, as {@code k=v} joined with {@code &}. */
  static String payload(JsonNode params) {
    TreeMap<String, String> sorted = new TreeMap<>();
    params.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
    sorted.remove("signature");
    List<String> pairs = new ArrayList<>();
    sorted.forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join("&", pairs);
  }

  static String hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void onWebsocketPong(WebSocket conn, Framedata f) {
    pongs.incrementAndGet();
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // a dropped connection; the tests look at what the client does next
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  void shutDown() throws InterruptedException {
    stop(1000);
  }
}
