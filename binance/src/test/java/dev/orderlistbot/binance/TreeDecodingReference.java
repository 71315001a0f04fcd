package dev.orderlistbot.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderEventIds;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stream's decoding as it was before the streaming parse (commit d4eb737): a {@code JsonNode}
 * tree per frame, then the mapping from the tree. Kept only as the reference that {@link
 * UserDataFrames#read} must agree with, frame for frame ({@link StreamingDecodingTest}).
 */
final class TreeDecodingReference {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TreeDecodingReference() {}

  /** What a frame decodes to, in a form two decoders can be compared by. */
  record Decoded(String kind, String type, OptionalLong subscriptionId, String subscriptionText, Object update) {}

  /** The outcome of mapping an event: its update, or the class of what it threw. */
  static Object outcome(java.util.function.Supplier<Optional<OrderListUpdate>> mapping) {
    try {
      return mapping.get();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  /** How the streaming decoder read {@code text}. */
  static Decoded streamed(UserDataFrames frames, String text) {
    return switch (frames.read(text)) {
      case UserDataFrames.Event event ->
          new Decoded("event", event.type(), event.subscriptionId(), event.subscriptionText(), outcome(event::update));
      case UserDataFrames.Response response -> new Decoded("response", "", OptionalLong.empty(), "", response);
      case UserDataFrames.Unparseable unparseable -> new Decoded("unparseable", "", OptionalLong.empty(), "", null);
      case UserDataFrames.Unrecognised unrecognised -> new Decoded("unrecognised", "", OptionalLong.empty(), "", null);
    };
  }

  /** How the tree decoder read {@code text}. */
  static Decoded read(String text) {
    JsonNode frame;
    try {
      frame = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return new Decoded("unparseable", "", OptionalLong.empty(), "", null);
    }
    if (frame.has("event")) {
      JsonNode event = frame.path("event");
      JsonNode subscription = frame.path("subscriptionId");
      return new Decoded(
          "event",
          event.path("e").asText(),
          subscription.isIntegralNumber() ? OptionalLong.of(subscription.asLong()) : OptionalLong.empty(),
          subscription.toString(),
          outcome(() -> map(event)));
    }
    if (frame.has("id")) {
      JsonNode error = frame.path("error");
      JsonNode retryAfter = error.path("data").path("retryAfter");
      return new Decoded(
          "response",
          "",
          OptionalLong.empty(),
          "",
          new UserDataFrames.Response(
              frame.path("id").asText(),
              frame.path("status").asInt(),
              frame.path("result").path("subscriptionId").asLong(-1),
              error.path("code").asInt(),
              error.path("msg").asText(""),
              retryAfter.isIntegralNumber() ? OptionalLong.of(retryAfter.asLong()) : OptionalLong.empty()));
    }
    return new Decoded("unrecognised", "", OptionalLong.empty(), "", null);
  }

  static Optional<OrderListUpdate> map(JsonNode event) {
    return switch (event.path("e").asText()) {
      case "executionReport" -> legChanged(event);
      case "listStatus" -> Optional.of(listChanged(event));
      default -> Optional.empty();
    };
  }

  private static Optional<OrderListUpdate> legChanged(JsonNode e) {
    long listId = e.path("g").asLong(-1);
    if (listId < 0) {
      return Optional.empty();
    }
    long orderId = e.path("i").asLong();
    String original = e.path("C").asText("");
    String client = original.isEmpty() ? e.path("c").asText() : original;
    LegStatus status = LegStatus.fromBinance(e.path("X").asText());
    BigDecimal filled = decimal(e, "z");
    Symbol symbol = Symbol.of(e.path("s").asText());
    return Optional.of(
        new OrderListUpdate.LegChanged(
            OrderEventIds.legState(UserDataEvents.SOURCE, symbol, orderId, status, filled),
            symbol,
            new OrderListId(listId),
            orderId,
            new ClientOrderId(client),
            ReportedOrderType.fromBinance(e.path("o").asText()),
            Side.valueOf(e.path("S").asText()),
            LegExecution.fromBinance(e.path("x").asText()),
            status,
            decimal(e, "q"),
            decimal(e, "l"),
            decimal(e, "L"),
            filled,
            decimal(e, "Z"),
            positive(e, "p"),
            positive(e, "P"),
            ExpiryReason.fromBinance(e.path("eR").isTextual() ? e.path("eR").asText() : null),
            Instant.ofEpochMilli(e.path("T").asLong())));
  }

  private static OrderListUpdate listChanged(JsonNode e) {
    long listId = e.path("g").asLong();
    String statusType = e.path("l").asText();
    long time = e.path("T").asLong();
    ListOrderStatus orderStatus = ListOrderStatus.fromBinance(e.path("L").asText());
    boolean finished = orderStatus == ListOrderStatus.ALL_DONE || orderStatus == ListOrderStatus.REJECT;
    Symbol symbol = Symbol.of(e.path("s").asText());
    return new OrderListUpdate.ListChanged(
        finished
            ? OrderEventIds.listFinished(UserDataEvents.SOURCE, symbol, listId, orderStatus)
            : OrderEventIds.list(UserDataEvents.SOURCE, symbol, listId) + "-" + statusType + "-" + time,
        symbol,
        new OrderListId(listId),
        new ClientListId(e.path("C").asText()),
        ContingencyType.fromBinance(e.path("c").asText()),
        ListStatusType.fromBinance(statusType),
        orderStatus,
        Instant.ofEpochMilli(time));
  }

  private static BigDecimal decimal(JsonNode e, String field) {
    JsonNode node = e.path(field);
    return node.isMissingNode() || node.isNull() ? BigDecimal.ZERO : new BigDecimal(node.asText());
  }

  private static Optional<BigDecimal> positive(JsonNode e, String field) {
    BigDecimal value = decimal(e, field);
    return value.signum() > 0 ? Optional.of(value) : Optional.empty();
  }
}
