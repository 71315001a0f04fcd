package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A MARKET order goes out once as {@code POST /api/v3/order} with exactly Binance's parameters,
 * signed; its FULL answer becomes the order's snapshot; a lost answer is Unknown and a refusal is
 * Rejected with the mapped sentence.
 */
class MarketOrderWireTest extends StubbedBinance {
  private static final ClientOrderId ID = new ClientOrderId("ob-7f3a9c-mk");
  private static final MarketOrderRequest SELL =
      new MarketOrderRequest(Symbol.of("BTCUSDT"), Side.SELL, new BigDecimal("0.01000"));

  /** Binance's FULL answer to a MARKET SELL of 0.01 BTC that filled at 30,123.45 (one fill). */
  static final String FILLED =
      """
      {"symbol":"BTCUSDT","orderId":28,"orderListId":-1,"clientOrderId":"ob-7f3a9c-mk","transactTime":1700000000123,
       "price":"0.00000000","origQty":"0.01000000","executedQty":"0.01000000","origQuoteOrderQty":"0.00000000",
       "cummulativeQuoteQty":"301.23450000","status":"FILLED","timeInForce":"GTC","type":"MARKET","side":"SELL",
       "workingTime":1700000000123,"selfTradePreventionMode":"EXPIRE_MAKER",
       "fills":[{"price":"30123.45000000","qty":"0.01000000","commission":"0.30123450","commissionAsset":"USDT","tradeId":56}]}
      """;

  @Test
  void aMarketOrderIsSentOnceSignedWithBinancesParametersInOrder() {
    stubOrder(json(FILLED));

    client.placeMarket(TestKeys.hmac(), SELL, ID);

    List<LoggedRequest> sent = stub.received(RequestMethod.POST, "/api/v3/order");
    assertThat(sent).hasSize(1);
    List<Map.Entry<String, String>> params = BinanceStub.params(sent.getFirst());
    assertThat(params.subList(0, 6))
        .containsExactly(
            Map.entry("symbol", "BTCUSDT"),
            Map.entry("side", "SELL"),
            Map.entry("type", "MARKET"),
            Map.entry("quantity", "0.01"),
            Map.entry("newClientOrderId", "ob-7f3a9c-mk"),
            Map.entry("newOrderRespType", "FULL"));
    assertThat(params.stream().map(Map.Entry::getKey).toList().subList(6, 9))
        .containsExactly("recvWindow", "timestamp", "signature");
    assertThat(BinanceStub.hmacValid(sent.getFirst(), TestKeys.HMAC_SECRET)).isTrue();
  }

  @Test
  void theFullAnswerSaysHowMuchFilledForHowMuchQuote() {
    stubOrder(json(FILLED));

    MarketOrderResult result = client.placeMarket(TestKeys.hmac(), SELL, ID);

    assertThat(result).isInstanceOf(MarketOrderResult.Executed.class);
    OrderSnapshot order = ((MarketOrderResult.Executed) result).order();
    assertThat(order.orderId()).isEqualTo(28);
    assertThat(order.orderListId()).isEmpty();
    assertThat(order.clientOrderId()).isEqualTo(ID);
    assertThat(order.report().type()).isEqualTo(ReportedOrderType.MARKET);
    assertThat(order.report().status()).isEqualTo(LegStatus.FILLED);
    assertThat(order.report().executedQty()).isEqualByComparingTo("0.01");
    assertThat(order.report().cumulativeQuote()).isEqualTo(new BigDecimal("301.23450000"));
    assertThat(order.updateTime().toEpochMilli()).isEqualTo(1_700_000_000_123L);
  }

  @Test
  void aMarketOrderTheBookRanOutForIsExpiredWithWhatFilled() {
    stubOrder(json(FILLED.replace("\"executedQty\":\"0.01000000\"", "\"executedQty\":\"0.00400000\"")
        .replace("\"status\":\"FILLED\"", "\"status\":\"EXPIRED\"")));

    MarketOrderResult result = client.placeMarket(TestKeys.hmac(), SELL, ID);

    OrderSnapshot order = ((MarketOrderResult.Executed) result).order();
    assertThat(order.report().status()).isEqualTo(LegStatus.EXPIRED);
    assertThat(order.report().executedQty()).isEqualByComparingTo("0.004");
  }

  @ParameterizedTest(name = "{0} with HTTP {1}")
  @CsvSource({"-1007, 400", "-1007, 503", "-1006, 400", "-1000, 400", "-1001, 502"})
  void executionStatusUnknownIsUnknownAndTheOrderIsNotSentAgain(int code, int status) {
    stubOrder(aResponse().withStatus(status).withBody("{\"code\":" + code + ",\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}"));

    MarketOrderResult result = client.placeMarket(TestKeys.hmac(), SELL, ID);

    assertThat(result)
        .isInstanceOfSatisfying(
            MarketOrderResult.Unknown.class,
            unknown -> {
              assertThat(unknown.code()).isEqualTo(code);
              assertThat(unknown.clientOrderId()).isEqualTo(ID);
            });
    assertThat(stub.received(RequestMethod.POST, "/api/v3/order")).hasSize(1);
  }

  @Test
  void aTimeoutIsUnknownAndTheOrderIsNotSentAgain() {
    stubOrder(json(FILLED).withFixedDelay((int) READ_TIMEOUT.toMillis() + 1_000));

    assertThat(client.placeMarket(TestKeys.hmac(), SELL, ID)).isInstanceOf(MarketOrderResult.Unknown.class);
    assertThat(stub.received(RequestMethod.POST, "/api/v3/order")).hasSize(1);
  }

  @Test
  void aConnectionResetAfterSendingIsUnknown() {
    stubOrder(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(client.placeMarket(TestKeys.hmac(), SELL, ID)).isInstanceOf(MarketOrderResult.Unknown.class);
    assertThat(stub.received(RequestMethod.POST, "/api/v3/order")).hasSize(1);
  }

  @Test
  void aLackOfBalanceIsARejectionThatSaysSo() {
    stubOrder(BinanceStub.error(400, "error-2010-insufficient-balance.json"));

    MarketOrderResult result = client.placeMarket(TestKeys.hmac(), SELL, ID);

    assertThat(result)
        .isInstanceOfSatisfying(
            MarketOrderResult.Rejected.class,
            rejected -> {
              assertThat(rejected.error()).isInstanceOf(ExchangeError.Refused.class);
              assertThat(rejected.error().code()).isEqualTo(-2010);
              assertThat(rejected.error().reason()).isEqualTo("Not enough free balance for this order.");
            });
    assertThat(stub.received(RequestMethod.POST, "/api/v3/order")).hasSize(1);
  }

  @Test
  void aQuantityOutsideMarketLotSizeIsARejectionNamingTheRule() {
    stubOrder(aResponse().withStatus(400).withBody("{\"code\":-1013,\"msg\":\"Filter failure: MARKET_LOT_SIZE\"}"));

    MarketOrderResult result = client.placeMarket(TestKeys.hmac(), SELL, ID);

    assertThat(((MarketOrderResult.Rejected) result).error().reason()).contains("execute at market");
  }

  @Test
  void aPairWithoutMarketOrdersIsARejectionThatSaysSo() {
    stubOrder(aResponse().withStatus(400).withBody("{\"code\":-2010,\"msg\":\"Market orders are not supported for this symbol.\"}"));

    MarketOrderResult result = client.placeMarket(TestKeys.hmac(), SELL, ID);

    assertThat(((MarketOrderResult.Rejected) result).error().reason()).isEqualTo("This pair does not allow market orders.");
  }

  private void stubOrder(ResponseDefinitionBuilder response) {
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/order")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(response));
  }
}
