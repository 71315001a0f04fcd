package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every response fixture deserializes, with exact decimals and optional fields left optional. */
class ResponsesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "oco-response.json, OCO, 2",
    "oco-response-ack.json, OCO, 2",
    "oco-deprecated-response.json, OCO, 2",
    "oto-response.json, OTO, 2",
    "otoco-response.json, OTO, 3",
    "opo-response.json, OTO, 2",
    "opoco-response.json, OTO, 3",
    "orderlist-cancel-response.json, OCO, 2",
    "orderlist-query-response.json, OCO, 2"
  })
  void everyOrderListAnswerDeserializes(String fixture, ContingencyType type, int legs) {
    PlacedOrderList list = Fixtures.read(fixture, BinanceJson.OrderList.class).toDomain();

    assertThat(list.contingencyType()).isEqualTo(type);
    assertThat(list.legs()).hasSize(legs);
  }

  @Test
  void anAckAnswerHasLegIdsButNoLegStates() {
    PlacedOrderList list = Fixtures.read("oco-response-ack.json", BinanceJson.OrderList.class).toDomain();

    assertThat(list.legs()).allSatisfy(leg -> assertThat(leg.report()).isEmpty());
  }

  @Test
  void anOpoPendingLegHasNoQuantityAndAMarketType() {
    PlacedOrderList list = Fixtures.read("opo-response.json", BinanceJson.OrderList.class).toDomain();

    LegReport pending = list.legs().get(1).report().orElseThrow();
    assertThat(pending.type()).isEqualTo(ReportedOrderType.MARKET);
    assertThat(pending.status()).isEqualTo(LegStatus.PENDING_NEW);
    assertThat(pending.origQty()).isEqualTo(Optional.empty());
    assertThat(list.legs().get(0).report().orElseThrow().origQty()).contains(new BigDecimal("0.00060000"));
  }

  @Test
  void decimalsKeepEveryDigitAndTheirScale() {
    LegReport working =
        Fixtures.read("opo-response.json", BinanceJson.OrderList.class).toDomain().legs().get(0).report().orElseThrow();

    assertThat(working.price()).isEqualTo(new BigDecimal("102264.00000000"));
    assertThat(working.price().scale()).isEqualTo(8);
  }

  @Test
  void unquotedDecimalsNeverPassThroughDouble() throws IOException {
    BinanceJson.TickerPrice price =
        Fixtures.JSON.readValue("{\"symbol\":\"BTCUSDT\",\"price\":0.1000000000000000055511151231257827}", BinanceJson.TickerPrice.class);

    assertThat(price.price()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
  }

  @Test
  void theOpenListsAnswerIsAnArray() throws IOException {
    List<BinanceJson.OrderList> open =
        Fixtures.JSON.readValue(Fixtures.text("open-orderlists-response.json"), new TypeReference<List<BinanceJson.OrderList>>() {});

    assertThat(open).singleElement().satisfies(list -> assertThat(list.toDomain().legs()).extracting(ListLeg::orderId).containsExactly(4L, 5L));
  }

  @Test
  void anOrderQueryMapsNoListAndNoZeroStopPrice() {
    var order = Fixtures.read("order-query-response.json", BinanceJson.Order.class).toDomain();

    assertThat(order.orderListId()).isEmpty();
    assertThat(order.report().stopPrice()).isEmpty();
    assertThat(order.report().executedQty()).isEqualByComparingTo("0");
  }

  @Test
  void anOrderQueryReadsWhyTheOrderExpired() throws IOException {
    var order = queriedOrder("\"status\": \"EXPIRED\", \"expiryReason\": \"OCO_TRIGGER\"");

    assertThat(order.report().status()).isEqualTo(LegStatus.EXPIRED);
    assertThat(order.report().expiryReason()).isEqualTo(ExpiryReason.OCO_TRIGGER);
  }

  @Test
  void anExpiredOrderWhoseAnswerGivesNoReasonHasAnUnknownReasonAndALiveOneNone() throws IOException {
    var order = queriedOrder("\"status\": \"EXPIRED\"");
    var live = Fixtures.read("order-query-response.json", BinanceJson.Order.class).toDomain();

    assertThat(order.report().expiryReason()).isEqualTo(ExpiryReason.UNKNOWN);
    assertThat(live.report().expiryReason()).isEqualTo(ExpiryReason.NONE);
  }

  @Test
  void anOrderReportOfAListReadsWhyTheLegExpired() throws IOException {
    String expired =
        Fixtures.text("orderlist-cancel-response.json")
            .replaceFirst("\"status\": \"CANCELED\"", "\"status\": \"EXPIRED\", \"expiryReason\": \"EXCHANGE_CANCELED\"");

    PlacedOrderList list = Fixtures.JSON.readValue(expired, BinanceJson.OrderList.class).toDomain();

    assertThat(list.legs().get(0).report().orElseThrow().expiryReason()).isEqualTo(ExpiryReason.EXCHANGE_CANCELED);
  }

  @Test
  void unknownFieldsAndEnumValuesAreTolerated() throws IOException {
    String future =
        Fixtures.text("oco-response.json")
            .replace("\"status\": \"NEW\"", "\"status\": \"SOMETHING_NEW\"")
            .replace("\"symbol\": \"LTCBTC\",", "\"symbol\": \"LTCBTC\", \"brandNewField\": {\"x\": 1},");

    PlacedOrderList list = Fixtures.JSON.readValue(future, BinanceJson.OrderList.class).toDomain();

    assertThat(list.legs().get(0).report().orElseThrow().status()).isEqualTo(LegStatus.UNKNOWN);
  }

  /** The order-query fixture with its {@code "status": "NEW"} replaced by {@code fields}. */
  private static OrderSnapshot queriedOrder(String fields) throws IOException {
    String json = Fixtures.text("order-query-response.json").replace("\"status\": \"NEW\"", fields);
    return Fixtures.JSON.readValue(json, BinanceJson.Order.class).toDomain();
  }
}
