package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserDataEventsTest {

  /** The update the event's JSON maps to, read as the stream reads it. */
  private static Optional<OrderListUpdate> map(JsonNode event) {
    try (JsonParser parser = Fixtures.JSON.createParser(event.toString())) {
      parser.nextToken();
      return UserDataEvents.map(EventFields.read(parser));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aCancelledLegCarriesItsOriginalClientOrderIdNotTheCancelRequests() {
    OrderListUpdate update =
        map(Fixtures.json("execution-report-oco-canceled-by-user.json").path("event")).orElseThrow();

    assertThat(update)
        .isInstanceOfSatisfying(
            OrderListUpdate.LegChanged.class,
            leg -> {
              assertThat(leg.clientOrderId()).isEqualTo(new ClientOrderId("tg42-oco-0001-tp"));
              assertThat(leg.execution()).isEqualTo(LegExecution.CANCELED);
              assertThat(leg.expiryReason()).isEqualTo(ExpiryReason.NONE);
              assertThat(leg.eventId()).isEqualTo("binance-o-BTCUSDT-700001-CANCELED-0");
            });
  }

  @Test
  void anAmendedLegMapsToAReplacedLegWithTheIdentityOfTheStateItWasAlreadyIn() {
    // after PUT /api/v3/order/amend/keepPriority (newClientOrderId = the current id) Binance pushes
    // x=REPLACED with the order's unchanged status and filled quantity: nothing new happened to it
    OrderListUpdate update =
        map(Fixtures.json("execution-report-oco-tp-leg-replaced.json").path("event")).orElseThrow();
    OrderListUpdate placed =
        map(Fixtures.json("execution-report-oco-tp-leg-new.json").path("event")).orElseThrow();

    assertThat(update)
        .isInstanceOfSatisfying(
            OrderListUpdate.LegChanged.class,
            leg -> {
              assertThat(leg.execution()).isEqualTo(LegExecution.REPLACED);
              assertThat(leg.status()).isEqualTo(LegStatus.NEW);
              assertThat(leg.clientOrderId()).isEqualTo(new ClientOrderId("tg42-oco-0001-tp"));
              assertThat(leg.orderQuantity()).isEqualByComparingTo("0.006");
            });
    assertThat(update.eventId()).isEqualTo(placed.eventId());
  }

  @Test
  void anAmendOfAPartlyFilledLegHasTheIdentityOfItsLastPartialFill() {
    ObjectNode partial = (ObjectNode) Fixtures.json("execution-report-oco-tp-leg-replaced.json").path("event");
    partial.put("x", "TRADE").put("X", "PARTIALLY_FILLED").put("q", "0.01000000").put("z", "0.00300000");
    ObjectNode amended = partial.deepCopy();
    amended.put("x", "REPLACED").put("q", "0.00600000").put("l", "0.00000000");

    assertThat(map(amended).orElseThrow().eventId())
        .isEqualTo(map(partial).orElseThrow().eventId());
  }

  @Test
  void aListUpdatedByAnAmendMapsToAnUpdateThatIsNotAnEnd() {
    OrderListUpdate update =
        map(Fixtures.json("list-status-oco-updated.json").path("event")).orElseThrow();

    assertThat(update)
        .isInstanceOfSatisfying(
            OrderListUpdate.ListChanged.class,
            list -> {
              assertThat(list.statusType()).isEqualTo(ListStatusType.UPDATED);
              assertThat(list.orderStatus()).isEqualTo(ListOrderStatus.EXECUTING);
              assertThat(list.isDone()).isFalse();
            });
  }

  @Test
  void anOrderOutsideAnyListMapsToNothing() {
    ObjectNode event = (ObjectNode) Fixtures.json("execution-report-oco-tp-leg-filled.json").path("event");
    event.put("g", -1);

    assertThat(map(event)).isEmpty();
  }

  @Test
  void accountEventsMapToNothing() {
    assertThat(map(Fixtures.json("outbound-account-position.json").path("event"))).isEmpty();
  }

  @Test
  void theSameFillPushedTwiceWithDifferentExecutionIdsHasOneIdentity() {
    ObjectNode first = (ObjectNode) Fixtures.json("execution-report-oco-tp-leg-filled.json").path("event");
    ObjectNode again = first.deepCopy();
    again.put("I", first.path("I").asLong() + 7);
    again.put("z", "0.010");

    String id = map(first).orElseThrow().eventId();

    assertThat(id).isEqualTo("binance-o-BTCUSDT-700001-FILLED-0.01");
    assertThat(map(again).orElseThrow().eventId()).isEqualTo(id);
  }

  @Test
  void ordersWithTheSameIdOnTwoSymbolsHaveDifferentIdentities() {
    // Binance numbers orders per symbol: order 700001 on BTCUSDT and on ETHUSDT are two orders
    ObjectNode btc = (ObjectNode) Fixtures.json("execution-report-oco-tp-leg-filled.json").path("event");
    ObjectNode eth = btc.deepCopy();
    eth.put("s", "ETHUSDT");

    assertThat(map(eth).orElseThrow().eventId())
        .isEqualTo("binance-o-ETHUSDT-700001-FILLED-0.01")
        .isNotEqualTo(map(btc).orElseThrow().eventId());
  }

  @Test
  void aPartialFillAndTheFinalFillOfOneOrderHaveDifferentIdentities() {
    ObjectNode filled = (ObjectNode) Fixtures.json("execution-report-oco-tp-leg-filled.json").path("event");
    ObjectNode partial = filled.deepCopy();
    partial.put("X", "PARTIALLY_FILLED");
    partial.put("z", "0.004");

    assertThat(map(partial).orElseThrow().eventId()).isEqualTo("binance-o-BTCUSDT-700001-PARTIALLY_FILLED-0.004");
    assertThat(map(filled).orElseThrow().eventId()).isNotEqualTo(map(partial).orElseThrow().eventId());
  }

  @Test
  void aFinishedListIsNamedByItsSymbolIdAndStatusOnly() {
    ObjectNode done = (ObjectNode) Fixtures.json("list-status-oco-all-done.json").path("event");
    ObjectNode started = (ObjectNode) Fixtures.json("list-status-oco-exec-started.json").path("event");

    assertThat(map(done).orElseThrow().eventId()).isEqualTo("binance-l-BTCUSDT-9001-ALL_DONE");
    assertThat(map(started).orElseThrow().eventId()).startsWith("binance-l-BTCUSDT-9001-EXEC_STARTED-");
  }
}
