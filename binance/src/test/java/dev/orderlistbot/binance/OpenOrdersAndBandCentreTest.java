package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the open-order limits and the price bands read: {@code GET /api/v3/openOrders} (per symbol,
 * weight 6, or every symbol, weight 80), {@code GET /api/v3/referencePrice} and {@code GET
 * /api/v3/avgPrice}.
 */
class OpenOrdersAndBandCentreTest extends StubbedBinance {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final String OPEN_ORDERS =
      """
      [{"symbol":"BTCUSDT","orderId":12,"orderListId":31,"clientOrderId":"a-tp","type":"LIMIT_MAKER","status":"NEW",
        "isWorking":true,"workingTime":1700000000000},
       {"symbol":"BTCUSDT","orderId":13,"orderListId":31,"clientOrderId":"a-sl","type":"STOP_LOSS_LIMIT","status":"NEW",
        "isWorking":false,"workingTime":-1},
       {"symbol":"ETHUSDT","orderId":14,"orderListId":-1,"clientOrderId":"b","type":"TAKE_PROFIT","status":"NEW",
        "workingTime":-1}]
      """;

  @Test
  void asksForTheOpenOrdersOfOneSymbolSignedAndReadsWhichWaitForATrigger() {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrders")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json(OPEN_ORDERS)));

    var open = client.openOrders(TestKeys.hmac(), Optional.of(BTCUSDT));

    assertThat(BinanceStub.rawQuery(stub.received(RequestMethod.GET, "/api/v3/openOrders").getFirst().getUrl()))
        .startsWith("symbol=BTCUSDT&recvWindow=5000&timestamp=" + NOW + "&signature=");
    assertThat(open).containsExactly(
        new OpenOrder(BTCUSDT, Optional.of(new OrderListId(31)), ReportedOrderType.LIMIT_MAKER, true),
        new OpenOrder(BTCUSDT, Optional.of(new OrderListId(31)), ReportedOrderType.STOP_LOSS_LIMIT, false),
        new OpenOrder(Symbol.of("ETHUSDT"), Optional.empty(), ReportedOrderType.TAKE_PROFIT, false));
    assertThat(open).filteredOn(OpenOrder::waitingAlgo).hasSize(2);
  }

  @Test
  void asksForEverySymbolWithoutASymbolParameter() {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrders")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json("[]")));

    assertThat(client.openOrders(TestKeys.hmac(), Optional.empty())).isEmpty();
    assertThat(BinanceStub.rawQuery(stub.received(RequestMethod.GET, "/api/v3/openOrders").getFirst().getUrl()))
        .startsWith("recvWindow=5000&timestamp=");
  }

  @Test
  void aFailedOpenOrdersQueryIsAnExchangeError() {
    stub.server.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.openOrders(TestKeys.hmac(), Optional.of(BTCUSDT))).isInstanceOf(ExchangeException.class);
  }

  @Test
  void readsTheReferencePriceAndTreatsNullOrNeverSetAsNone() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/referencePrice"))
            .willReturn(json("{\"symbol\":\"BTCUSDT\",\"referencePrice\":\"30123.45\",\"timestamp\":1700000000000}")));
    Optional<Price> set = client.referencePrice(BTCUSDT);
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/referencePrice"))
            .willReturn(json("{\"symbol\":\"BTCUSDT\",\"referencePrice\":null,\"timestamp\":1700000000000}")));
    Optional<Price> unset = client.referencePrice(BTCUSDT);
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/referencePrice"))
            .willReturn(aResponse().withStatus(400)
                .withBody("{\"code\":-2043,\"msg\":\"This symbol doesn't have a reference price.\"}")));
    Optional<Price> never = client.referencePrice(BTCUSDT);

    assertThat(set).contains(Price.of("30123.45"));
    assertThat(unset).isEmpty();
    assertThat(never).isEmpty();
    assertThat(stub.received(RequestMethod.GET, "/api/v3/referencePrice").getFirst().getUrl()).endsWith("?symbol=BTCUSDT");
  }

  @Test
  void readsTheAveragePriceWithTheMinutesItSpans() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/avgPrice"))
            .willReturn(json("{\"mins\":5,\"price\":\"29950.12345678\",\"closeTime\":1700000000000}")));

    assertThat(client.averagePrice(BTCUSDT)).isEqualTo(new AveragePrice(Price.of("29950.12345678"), 5));
    assertThat(stub.received(RequestMethod.GET, "/api/v3/avgPrice").getFirst().getUrl()).endsWith("?symbol=BTCUSDT");
  }

  @Test
  void theseReadsCountAtBinancesWeightsSoTheSharedBudgetSeesWhatTheyCost() {
    String base = stub.baseUrl().toString();

    assertThat(RequestWeights.of("GET", base + "/api/v3/openOrders?symbol=BTCUSDT&recvWindow=5000")).isEqualTo(6);
    assertThat(RequestWeights.of("GET", base + "/api/v3/openOrders?recvWindow=5000&timestamp=1")).isEqualTo(80);
    assertThat(RequestWeights.of("GET", base + "/api/v3/referencePrice?symbol=BTCUSDT")).isEqualTo(2);
    assertThat(RequestWeights.of("GET", base + "/api/v3/avgPrice?symbol=BTCUSDT")).isEqualTo(2);
  }
}
