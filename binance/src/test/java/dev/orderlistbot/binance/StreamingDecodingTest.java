package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stream's frames, read by the streaming parser, decode as they did with a tree per frame
 * ({@link TreeDecodingReference}): the fixtures, and the same frames with their fields shuffled,
 * with unknown fields (nested objects and arrays among them), with each field the bot reads
 * missing, null or of another JSON type, and cut short at every character.
 */
class StreamingDecodingTest {
  private static final List<String> FRAMES =
      List.of(
          "execution-report-doc-example.json",
          "execution-report-oco-canceled-by-user.json",
          "execution-report-oco-sl-leg-expired.json",
          "execution-report-oco-sl-leg-new.json",
          "execution-report-oco-tp-leg-filled.json",
          "execution-report-oco-tp-leg-new.json",
          "execution-report-oco-tp-leg-replaced.json",
          "list-status-doc-example.json",
          "list-status-oco-all-done.json",
          "list-status-oco-exec-started.json",
          "list-status-oco-updated.json",
          "list-status-otoco-exec-started.json",
          "outbound-account-position.json",
          "ws-event-stream-terminated.json",
          "ws-server-shutdown.json",
          "ws-userdatastream-subscribe-response.json",
          "ws-error-2010-insufficient-balance.json",
          "ws-error-2015-session-revoked.json",
          "ws-error-418-ip-banned.json");
  private static final List<String> READ_FIELDS =
      List.of("e", "s", "g", "i", "c", "C", "X", "o", "S", "x", "q", "l", "L", "z", "Z", "p", "P", "eR", "T");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserDataFrames frames = new UserDataFrames(new ObjectMapper());

  private void decodesAsTheTreeDid(String text) {
    assertThat(TreeDecodingReference.streamed(frames, text)).as(text).isEqualTo(TreeDecodingReference.read(text));
  }

  private static ObjectNode frame(String fixture) {
    return (ObjectNode) Fixtures.json(fixture);
  }

  @Test
  void everyFixtureDecodesAsTheTreeDid() {
    for (String fixture : FRAMES) {
      decodesAsTheTreeDid(Fixtures.text(fixture));
    }
  }

  @Test
  void theFixturesEventsMapToTheirUpdates() {
    UserDataFrames.Event filled = (UserDataFrames.Event) frames.read(Fixtures.text("execution-report-oco-tp-leg-filled.json"));
    UserDataFrames.Event done = (UserDataFrames.Event) frames.read(Fixtures.text("list-status-oco-all-done.json"));

    assertThat(filled.update().orElseThrow())
        .isInstanceOfSatisfying(
            OrderListUpdate.LegChanged.class,
            leg -> {
              assertThat(leg.eventId()).isEqualTo("binance-o-BTCUSDT-700001-FILLED-0.01");
              assertThat(leg.lastPrice()).isEqualByComparingTo("32000");
              assertThat(leg.cumulativeQuote()).isEqualByComparingTo("320");
            });
    assertThat(done.update().orElseThrow().eventId()).isEqualTo("binance-l-BTCUSDT-9001-ALL_DONE");
  }

  @Test
  void shuffledFieldsDecodeAsInDocumentOrder() {
    Random random = new Random(19);
    for (String fixture : FRAMES) {
      ObjectNode original = frame(fixture);
      decodesAsTheTreeDid(reordered(original, Collections::reverse).toString());
      for (int round = 0; round < 5; round++) {
        ObjectNode shuffled = reordered(original, fields -> Collections.shuffle(fields, random));
        decodesAsTheTreeDid(shuffled.toString());
        assertThat(TreeDecodingReference.streamed(frames, shuffled.toString()))
            .isEqualTo(TreeDecodingReference.streamed(frames, original.toString()));
      }
    }
  }

  @Test
  void unknownFieldsAreSkippedNestedObjectsAndArraysIncluded() {
    for (String fixture : FRAMES) {
      ObjectNode frame = frame(fixture);
      ObjectNode decoy = frame.deepCopy();
      frame.set("aaa", decoy); // an unknown field holding a whole other frame, before the real one
      frame.putArray("zz").add(decoy.deepCopy()).addArray().add(1).addObject().put("event", "x");
      frame.put("note", "event");
      if (frame.path("event").isObject()) {
        ObjectNode event = (ObjectNode) frame.path("event");
        event.putObject("ee").put("e", "listStatus").putArray("s").add("ETHBTC");
        event.putArray("OO").addObject().putObject("g").put("i", 1);
        event.putNull("nothing");
      }
      String text = reordered(frame, fields -> Collections.rotate(fields, 2)).toString();

      decodesAsTheTreeDid(text);
      assertThat(TreeDecodingReference.streamed(frames, text))
          .isEqualTo(TreeDecodingReference.streamed(frames, Fixtures.text(fixture)));
    }
  }

  @Test
  void eachReadFieldMissingNullOrOfAnotherTypeDecodesAsTheTreeDid() {
    List<JsonNode> values =
        List.of(
            JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.numberNode(7),
            JsonNodeFactory.instance.numberNode(-1),
            JsonNodeFactory.instance.numberNode(new java.math.BigInteger("99999999999999999999")),
            JsonNodeFactory.instance.textNode("9001"),
            JsonNodeFactory.instance.textNode(" 12 "),
            JsonNodeFactory.instance.textNode("1.5"),
            JsonNodeFactory.instance.textNode("garbage"),
            JsonNodeFactory.instance.textNode(""),
            JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.booleanNode(false),
            JSON.createObjectNode().put("a", 1),
            JSON.createArrayNode().add(1).add("b"));
    for (String fixture : List.of(
        "execution-report-oco-tp-leg-filled.json", "execution-report-oco-sl-leg-expired.json", "list-status-oco-exec-started.json")) {
      for (String field : READ_FIELDS) {
        ObjectNode without = frame(fixture);
        ((ObjectNode) without.path("event")).remove(field);
        decodesAsTheTreeDid(without.toString());
        for (JsonNode value : values) {
          ObjectNode changed = frame(fixture);
          ((ObjectNode) changed.path("event")).set(field, value);
          decodesAsTheTreeDid(changed.toString());
        }
      }
    }
  }

  @Test
  void anEnvelopeOfAnyShapeDecodesAsTheTreeDid() {
    for (String text :
        List.of(
            "",
            "  ",
            "null",
            "42",
            "\"event\"",
            "[{\"event\":{\"e\":\"listStatus\"}}]",
            "[1, 2",
            "{}",
            "{\"event\":null,\"subscriptionId\":3}",
            "{\"event\":[1,{\"e\":\"listStatus\"}],\"subscriptionId\":3}",
            "{\"event\":\"executionReport\"}",
            "{\"event\":{\"e\":\"somethingNew\",\"x\":{\"deep\":[[[{}]]]}},\"subscriptionId\":4}",
            "{\"event\":{\"e\":\"listStatus\"},\"subscriptionId\":{\"id\":1}}",
            "{\"event\":{\"e\":\"listStatus\"},\"subscriptionId\":2.5}",
            "{\"event\":{\"e\":\"listStatus\"},\"subscriptionId\":null}",
            "{\"event\":{\"e\":\"listStatus\"},\"subscriptionId\":99999999999999999999}",
            "{\"event\":{\"e\":\"first\"},\"event\":{\"e\":\"second\"}}",
            "{\"id\":null}",
            "{\"id\":7,\"status\":\"200\",\"result\":{\"subscriptionId\":\"12\"}}",
            "{\"result\":{\"subscriptionId\":1},\"status\":200,\"id\":\"uds-9\"}",
            "{\"id\":\"uds-1\",\"event\":{\"e\":\"listStatus\"}}",
            "{\"event\":{}} trailing words",
            "{\"event\":{}}}",
            "{\"event\":{\"e\":\"listStatus\",}}",
            "{'event':{}}")) {
      decodesAsTheTreeDid(text);
    }
  }

  @Test
  void aFrameCutShortAnywhereIsUnparseable() {
    for (String fixture : List.of("execution-report-oco-tp-leg-filled.json", "list-status-oco-all-done.json", "ws-error-418-ip-banned.json")) {
      String text = frame(fixture).toString();
      for (int end = 1; end < text.length(); end++) {
        String cut = text.substring(0, end);
        assertThat(frames.read(cut)).as(cut).isInstanceOf(UserDataFrames.Unparseable.class);
        decodesAsTheTreeDid(cut);
      }
    }
  }

  @Test
  void theSubscriptionIdMayFollowTheEvent() {
    ObjectNode frame = reordered(frame("execution-report-oco-tp-leg-filled.json"), Collections::reverse);
    frame.put("subscriptionId", 41);

    UserDataFrames.Event event = (UserDataFrames.Event) frames.read(frame.toString());

    assertThat(frame.toString()).matches("\\{\"event\":.*\"subscriptionId\":41}");
    assertThat(event.subscriptionId()).isEqualTo(OptionalLong.of(41));
    assertThat(event.update()).map(OrderListUpdate::eventId).isEqualTo(Optional.of("binance-o-BTCUSDT-700001-FILLED-0.01"));
  }

  /** {@code node} with its fields, and its event's, in the order {@code order} leaves them. */
  private static ObjectNode reordered(ObjectNode node, java.util.function.Consumer<List<Map.Entry<String, JsonNode>>> order) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
    order.accept(fields);
    ObjectNode result = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> field : fields) {
      JsonNode value = field.getValue();
      result.set(field.getKey(), field.getKey().equals("event") && value.isObject() ? reordered((ObjectNode) value, order) : value.deepCopy());
    }
    return result;
  }
}
