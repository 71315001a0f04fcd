package dev.orderlistbot.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON of the user data stream on Binance's WebSocket API (reference section 5): writes the
 * {@code userDataStream.subscribe.signature} and {@code userDataStream.unsubscribe} requests,
 * numbering them {@code uds-1}, {@code uds-2}, …, and reads each incoming frame as an {@link Event},
 * a {@link Response} or neither. What an event says about an order list is {@link UserDataEvents}'
 * job.
 *
 * <p><b>Threading.</b> Not thread-safe (the request counter): used only on the stream's serial
 * sequence.
 */
final class UserDataFrames {
  private static final String SUBSCRIBE = "userDataStream.subscribe.signature";
  private static final String UNSUBSCRIBE = "userDataStream.unsubscribe";

  private final ObjectMapper json;
  private long nextRequestId;

  UserDataFrames(ObjectMapper json) {
    this.json = json;
  }

  /** A request to send, and the id its response will carry. */
  record Request(String id, String text) {}

  /** What one incoming frame is. */
  sealed interface Frame permits Event, Response, Unparseable, Unrecognised {}

  /**
   * A pushed event; {@code subscriptionId} is empty unless the frame named one as an integer, and
   * {@code subscription} is what the frame had there, for the log.
   */
  record Event(String type, OptionalLong subscriptionId, JsonNode subscription, EventFields event)
      implements Frame {
    /**
     * What the frame had as its subscription id, as JSON, for the log. Written only when asked: the
     * writing was a tenth of the stream's CPU per frame (issue 19's profile).
     */
    String subscriptionText() {
      return subscription.toString();
    }

    /** Binance is about to close the connection. */
    boolean isServerShutdown() {
      return "serverShutdown".equals(type);
    }

    /** Binance ended this subscription. */
    boolean isStreamTerminated() {
      return "eventStreamTerminated".equals(type);
    }

    /**
     * The order-list update the event carries, or empty for events the bot does not act on.
     *
     * @throws RuntimeException for a malformed event
     */
    Optional<OrderListUpdate> update() {
      return UserDataEvents.map(event);
    }
  }

  /** The answer to request {@code id}. */
  record Response(String id, int status, long subscriptionId, int code, String message, OptionalLong retryAfter)
      implements Frame {
    /** What the answer to a subscription request means for the bot. */
    enum Outcome {
      /** The subscription stands as {@link #subscriptionId()}. */
      SUBSCRIBED,
      /** Binance refused the key ({@code -2014}, {@code -2015}, {@code -1022} or status 401). */
      KEY_REFUSED,
      /** The account is already subscribed on this connection, for another user ({@code -2035}). */
      ACCOUNT_ALREADY_SUBSCRIBED,
      /** This connection carries all the subscriptions Binance allows ({@code -2042}). */
      CONNECTION_FULL,
      /** The timestamp was outside the recvWindow ({@code -1021}): Binance's clock wants measuring. */
      CLOCK_OFF,
      /** Any other refusal: worth trying again later. */
      FAILED
    }

    Outcome outcome() {
      if (status == 200) {
        return Outcome.SUBSCRIBED;
      }
      if (status == 401 || code == -2014 || code == -2015 || code == -1022) {
        return Outcome.KEY_REFUSED;
      }
      if (code == BinanceError.SUBSCRIPTION_ACTIVE.code()) {
        return Outcome.ACCOUNT_ALREADY_SUBSCRIBED;
      }
      if (code == -2042) {
        return Outcome.CONNECTION_FULL;
      }
      return code == -1021 ? Outcome.CLOCK_OFF : Outcome.FAILED;
    }
  }

  /** Text that is not JSON. */
  record Unparseable() implements Frame {}

  /** JSON with neither an {@code event} nor an {@code id}. */
  record Unrecognised() implements Frame {}

  /**
   * A subscription request for {@code apiKey}, signed by {@code signer} over exactly the parameters
   * it sends.
   */
  Request subscribe(String apiKey, String recvWindow, long timestamp, PayloadSigner signer) {
    String payload = "apiKey=" + apiKey + "&recvWindow=" + recvWindow + "&timestamp=" + timestamp;
    String id = requestId();
    ObjectNode request = json.createObjectNode();
    request.put("id", id);
    request.put("method", SUBSCRIBE);
    ObjectNode params = request.putObject("params");
    params.put("apiKey", apiKey);
    params.put("recvWindow", new BigDecimal(recvWindow));
    params.put("timestamp", timestamp);
    params.put("signature", signer.sign(payload));
    return new Request(id, request.toString());
  }

  /** A request to end subscription {@code subscriptionId}; its answer is not awaited. */
  String unsubscribe(long subscriptionId) {
    ObjectNode request = json.createObjectNode();
    request.put("id", requestId());
    request.put("method", UNSUBSCRIBE);
    request.putObject("params").put("subscriptionId", subscriptionId);
    return request.toString();
  }

  /**
   * Reads one frame with Jackson's streaming parser, in one pass whatever the order of its fields:
   * an event's fields straight into {@link EventFields}, with no tree of the frame (issue 19). The
   * rare parts (the subscription id, and a response's {@code id}, {@code status}, {@code result} and
   * {@code error}) are read as small trees; every other field is skipped.
   */
  Frame read(String text) {
    try (JsonParser parser = json.createParser(text)) {
      return read(parser);
    } catch (IOException e) { // a String source fails only on malformed JSON
      return new Unparseable();
    }
  }

  private Frame read(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      parser.skipChildren(); // still checks an array's JSON to its end
      return new Unrecognised();
    }
    EventFields event = null;
    JsonNode subscription = MissingNode.getInstance();
    ObjectNode answer = null; // a response's fields, if the frame has any
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      switch (name) {
        case "event" -> event = EventFields.read(parser);
        case "subscriptionId" -> subscription = tree(parser);
        case "id", "status", "result", "error" -> {
          if (answer == null) {
            answer = json.createObjectNode();
          }
          answer.set(name, tree(parser));
        }
        default -> parser.skipChildren();
      }
    }
    if (event != null) {
      return new Event(
          event.text("e"),
          subscription.isIntegralNumber() ? OptionalLong.of(subscription.asLong()) : OptionalLong.empty(),
          subscription,
          event);
    }
    if (answer != null && answer.has("id")) {
      JsonNode error = answer.path("error");
      JsonNode retryAfter = error.path("data").path("retryAfter");
      return new Response(
          answer.path("id").asText(),
          answer.path("status").asInt(),
          answer.path("result").path("subscriptionId").asLong(-1),
          error.path("code").asInt(),
          error.path("msg").asText(""),
          retryAfter.isIntegralNumber() ? OptionalLong.of(retryAfter.asLong()) : OptionalLong.empty());
    }
    return new Unrecognised();
  }

  private JsonNode tree(JsonParser parser) throws IOException {
    JsonNode node = json.readTree(parser);
    return node == null ? json.getNodeFactory().nullNode() : node;
  }

  private String requestId() {
    nextRequestId++;
    return "uds-" + nextRequestId;
  }
}
