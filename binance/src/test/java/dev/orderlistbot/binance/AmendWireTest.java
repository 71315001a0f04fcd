package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A keep-priority amend goes out once as {@code PUT /api/v3/order/amend/keepPriority}, signed,
 * keeping the leg's client id; its answer's {@code amendedOrder} becomes the snapshot; an order
 * Binance no longer knows is NotFound, a lost answer OutcomeUnknown, every refusal a sentence.
 */
class AmendWireTest extends StubbedBinance {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final ClientOrderId TAKE_PROFIT = new ClientOrderId("ob-7f3a9c-tp");

  /** Binance's answer for the take-profit of an OCO reduced from 0.01 to 0.006 (docs' shape). */
  static final String AMENDED =
      """
      {"transactTime":1700000000456,"executionId":60,
       "amendedOrder":{"symbol":"BTCUSDT","orderId":12,"orderListId":1929,"origClientOrderId":"ob-7f3a9c-tp",
         "clientOrderId":"ob-7f3a9c-tp","price":"32000.00000000","qty":"0.00600000","executedQty":"0.00000000",
         "preventedQty":"0.00000000","quoteOrderQty":"0.00000000","cumulativeQuoteQty":"0.00000000","status":"NEW",
         "timeInForce":"GTC","type":"LIMIT_MAKER","side":"SELL","workingTime":1700000000001,"selfTradePreventionMode":"NONE"},
       "listStatus":{"orderListId":1929,"contingencyType":"OCO","listOrderStatus":"EXECUTING","listClientOrderId":"ob-7f3a9c",
         "symbol":"BTCUSDT","orders":[{"symbol":"BTCUSDT","orderId":12,"clientOrderId":"ob-7f3a9c-tp"},
         {"symbol":"BTCUSDT","orderId":13,"clientOrderId":"ob-7f3a9c-sl"}]}}
      """;

  @Test
  void anAmendIsSentOnceSignedAndKeepsTheLegsClientId() {
    stubAmend(json(AMENDED));

    client.amendQuantity(TestKeys.hmac(), BTCUSDT, TAKE_PROFIT, new BigDecimal("0.00600"));

    List<LoggedRequest> sent = stub.received(RequestMethod.PUT, "/api/v3/order/amend/keepPriority");
    assertThat(sent).hasSize(1);
    List<Map.Entry<String, String>> params = BinanceStub.params(sent.getFirst());
    assertThat(params.subList(0, 4))
        .containsExactly(
            Map.entry("symbol", "BTCUSDT"),
            Map.entry("origClientOrderId", "ob-7f3a9c-tp"),
            Map.entry("newClientOrderId", "ob-7f3a9c-tp"),
            Map.entry("newQty", "0.00600"));
    assertThat(params.stream().map(Map.Entry::getKey).toList().subList(4, 7))
        .containsExactly("recvWindow", "timestamp", "signature");
    assertThat(BinanceStub.hmacValid(sent.getFirst(), TestKeys.HMAC_SECRET)).isTrue();
  }

  @Test
  void theAnswerIsTheOrderWithItsNewQuantity() {
    stubAmend(json(AMENDED));

    OrderSnapshot amended = client.amendQuantity(TestKeys.hmac(), BTCUSDT, TAKE_PROFIT, new BigDecimal("0.006"));

    assertThat(amended.orderId()).isEqualTo(12);
    assertThat(amended.orderListId()).contains(new OrderListId(1929));
    assertThat(amended.clientOrderId()).isEqualTo(TAKE_PROFIT);
    assertThat(amended.report().origQty()).contains(new BigDecimal("0.00600000"));
    assertThat(amended.report().status()).isEqualTo(LegStatus.NEW);
    assertThat(amended.report().type()).isEqualTo(ReportedOrderType.LIMIT_MAKER);
    assertThat(amended.report().price()).isEqualByComparingTo("32000");
    assertThat(amended.updateTime().toEpochMilli()).isEqualTo(1_700_000_000_456L);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -2013 | Order does not exist.
          -2011 | Unknown order sent.
          -2038 | Unknown order sent.
          """)
  void anOrderBinanceNoLongerKnowsIsNotFound(int code, String message) {
    stubAmend(aResponse().withStatus(400).withBody("{\"code\":" + code + ",\"msg\":\"" + message + "\"}"));

    ExchangeError error = failedAmend();

    assertThat(error).isInstanceOf(ExchangeError.NotFound.class);
    assertThat(error.reason()).isEqualTo("That order is no longer open: it filled, expired or was cancelled.");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -2038 | Order amend (quantity increase) is not supported.        | An order's quantity can only be lowered, never raised.
          -2038 | The requested action would change no state; rejecting.   | The order already has that quantity; nothing changed.
          -2038 | Order amend (pending OPO order) is not supported.        | The exit of an OPO can't be amended before its entry has filled.
          -2038 | Order amend is not supported for this symbol.            | This pair does not allow changing an order's quantity.
          -2038 | Something Binance has not said before.                   | Binance refused to change the order's quantity; the order is as it was.
          -1013 | Filter failure: MAX_NUM_ORDER_AMENDS                     | That order was already amended as many times as the pair allows; it can't be reduced again.
          -1013 | Filter failure: LOT_SIZE                                 | The quantity is below the pair's minimum, above its maximum, or not a multiple of its step size.
          """)
  void everyOtherRefusalIsARefusalWithAPlainSentence(int code, String message, String sentence) {
    stubAmend(aResponse().withStatus(400).withBody("{\"code\":" + code + ",\"msg\":\"" + message + "\"}"));

    ExchangeError error = failedAmend();

    assertThat(error).isInstanceOf(ExchangeError.Refused.class);
    assertThat(error.code()).isEqualTo(code);
    assertThat(error.reason()).isEqualTo(sentence);
    assertThat(stub.received(RequestMethod.PUT, "/api/v3/order/amend/keepPriority")).hasSize(1);
  }

  @ParameterizedTest(name = "{0} with HTTP {1}")
  @CsvSource({"-1007, 400", "-1006, 400", "-1000, 400", "-1001, 400", "0, 503"})
  void executionStatusUnknownIsAnUnknownOutcomeAndTheAmendIsNotSentAgain(int code, int status) {
    stubAmend(aResponse().withStatus(status).withBody(code == 0 ? "" : "{\"code\":" + code + ",\"msg\":\"Execution status unknown.\"}"));

    assertThat(failedAmend()).isInstanceOf(ExchangeError.OutcomeUnknown.class);
    assertThat(stub.received(RequestMethod.PUT, "/api/v3/order/amend/keepPriority")).hasSize(1);
  }

  @Test
  void aTimeoutIsAnUnknownOutcomeAndTheAmendIsNotSentAgain() {
    stubAmend(json(AMENDED).withFixedDelay((int) READ_TIMEOUT.toMillis() + 1_000));

    ExchangeError error = failedAmend();

    assertThat(error).isInstanceOf(ExchangeError.OutcomeUnknown.class);
    assertThat(error.reason()).contains("not known whether the order's quantity changed");
    assertThat(stub.received(RequestMethod.PUT, "/api/v3/order/amend/keepPriority")).hasSize(1);
  }

  @Test
  void anAmendCountsFourTowardsTheIpsRequestWeight() {
    assertThat(RequestWeights.of("PUT", stub.baseUrl() + "/api/v3/order/amend/keepPriority?symbol=BTCUSDT")).isEqualTo(4);
    assertThat(RequestWeights.of("POST", stub.baseUrl() + "/api/v3/order")).isEqualTo(1);
  }

  private ExchangeError failedAmend() {
    try {
      client.amendQuantity(TestKeys.hmac(), BTCUSDT, TAKE_PROFIT, new BigDecimal("0.006"));
    } catch (ExchangeException e) {
      return e.error();
    }
    throw new AssertionError("the amend did not fail");
  }

  private void stubAmend(ResponseDefinitionBuilder response) {
    stub.server.stubFor(
        signedByHmac(put(urlPathEqualTo("/api/v3/order/amend/keepPriority")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(response));
  }
}
