package dev.orderlistbot.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link UserDataLink} without a network, driven by the test: it opens, answers and loses only
 * when told, keeps what was sent, and runs a timer only when the test says so.
 */
final class FakeUserDataLink implements UserDataLink {
  /** A timer set while the link was current, with the delay asked for. */
  record Timer(Duration delay, Runnable task) {}

  final int index;
  private final Listener listener;
  private final List<JsonNode> sent = new ArrayList<>();
  private final List<Timer> timers = new ArrayList<>();
  private final List<String> replaced = new ArrayList<>();
  private boolean open;
  private boolean shutDown;

  FakeUserDataLink(int index, Listener listener) {
    this.index = index;
    this.listener = listener;
  }

  /** The handshake succeeded. */
  void open() {
    open = true;
    listener.opened();
  }

  /** An incoming frame. */
  void receive(String text) {
    listener.frame(text);
  }

  /** Answers subscription request {@code requestId} with subscription {@code subscriptionId}. */
  void subscribed(String requestId, long subscriptionId) {
    receive("{\"id\":\"" + requestId + "\",\"status\":200,\"result\":{\"subscriptionId\":" + subscriptionId + "}}");
  }

  /** Refuses subscription request {@code requestId} with {@code code}. */
  void refused(String requestId, int status, int code) {
    receive("{\"id\":\"" + requestId + "\",\"status\":" + status + ",\"error\":{\"code\":" + code + ",\"msg\":\"no\"}}");
  }

  /** The API keys of the subscription requests sent, in order. */
  List<String> subscribedKeys() {
    return requests("userDataStream.subscribe.signature").stream().map(r -> r.path("params").path("apiKey").asText()).toList();
  }

  /** The id of the last subscription request sent. */
  String lastSubscribeId() {
    List<JsonNode> subscribes = requests("userDataStream.subscribe.signature");
    return subscribes.get(subscribes.size() - 1).path("id").asText();
  }

  /** The subscription ids of the unsubscription requests sent, in order. */
  List<Long> unsubscribed() {
    return requests("userDataStream.unsubscribe").stream().map(r -> r.path("params").path("subscriptionId").asLong()).toList();
  }

  List<Timer> timers() {
    return List.copyOf(timers);
  }

  List<String> replaced() {
    return List.copyOf(replaced);
  }

  boolean shutDown() {
    return shutDown;
  }

  private List<JsonNode> requests(String method) {
    return sent.stream().filter(r -> r.path("method").asText().equals(method)).toList();
  }

  @Override
  public void connect() {}

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void send(String text) {
    try {
      sent.add(Fixtures.JSON.readTree(text));
    } catch (JsonProcessingException e) {
      throw new AssertionError("sent text that is not JSON", e);
    }
  }

  @Override
  public void whileCurrent(Duration delay, Runnable task) {
    timers.add(new Timer(delay, task));
  }

  @Override
  public void drop(String why) {
    lose();
  }

  @Override
  public void replace(String why, Duration delay) {
    replaced.add(why + " in " + delay.toMillis() + " ms");
    lose();
  }

  @Override
  public void replaceAfterBackoff(String why) {
    replace(why, Duration.ZERO);
  }

  @Override
  public void shutdown() {
    shutDown = true;
    lose();
  }

  private void lose() {
    open = false;
    timers.clear();
    listener.lost();
  }
}
