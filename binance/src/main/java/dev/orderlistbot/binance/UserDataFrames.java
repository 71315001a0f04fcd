package dev.orderlistbot.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
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
  record Event(String type, OptionalLong subscriptionId, JsonNode subscription, JsonNode event)
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

  Frame read(String text) {
    JsonNode frame;
    try {
      frame = json.readTree(text);
    } catch (JsonProcessingException e) {
      return new Unparseable();
    }
    if (frame.has("event")) {
      JsonNode event = frame.path("event");
      JsonNode subscription = frame.path("subscriptionId");
      return new Event(
          event.path("e").asText(),
          subscription.isIntegralNumber() ? OptionalLong.of(subscription.asLong()) : OptionalLong.empty(),
          subscription,
          event);
    }
    if (frame.has("id")) {
      JsonNode error = frame.path("error");
      JsonNode retryAfter = error.path("data").path("retryAfter");
      return new Response(
          frame.path("id").asText(),
          frame.path("status").asInt(),
          frame.path("result").path("subscriptionId").asLong(-1),
          error.path("code").asInt(),
          error.path("msg").asText(""),
          retryAfter.isIntegralNumber() ? OptionalLong.of(retryAfter.asLong()) : OptionalLong.empty());
    }
    return new Unrecognised();
  }

  private String requestId() {
    nextRequestId++;
    return "uds-" + nextRequestId;
  }
}
