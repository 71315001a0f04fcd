package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.fixture;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a refused cancel means: only Binance's "unknown order" ({@code -2011} "Unknown order sent.")
 * says the list is gone. A timestamp outside recvWindow is sent once more with a re-measured clock;
 * every other refusal is a refusal, and "execution status unknown" is an unknown outcome.
 */
class CancelOutcomeTest extends StubbedBinance {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final OrderListRef LIST = OrderListRef.of(new OrderListId(1929));

  @Test
  void aCancelOfAListBinanceNoLongerKnowsIsNotFound() {
    stubCancel(aResponse().withStatus(400).withBody(Fixtures.text("error-2011-unknown-order.json")));

    ExchangeError error = failedCancel();

    assertThat(error).isInstanceOf(ExchangeError.NotFound.class);
    assertThat(error.code()).isEqualTo(-2011);
    assertThat(error.reason()).startsWith("Nothing to cancel");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          This account may not place or cancel orders.        | may not place or cancel orders
          Market is closed.                                    | market is closed
          Something Binance has not said before.               | Binance refused to cancel
          """)
  void aMinus2011ForAnyOtherReasonIsARefusalThatSaysWhy(String message, String words) {
    stubCancel(aResponse().withStatus(400).withBody("{\"code\":-2011,\"msg\":\"" + message + "\"}"));

    ExchangeError error = failedCancel();

    assertThat(error).isInstanceOf(ExchangeError.Refused.class);
    assertThat(error.reason()).contains(words).doesNotContain("Nothing to cancel");
  }

  @Test
  void aTimestampOutsideRecvWindowResyncsTheClockAndCancelsOnceMore() {
    stub.server.stubFor(
        signedByHmac(delete(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .inScenario("clock")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-1021-outside-recvwindow.json")))
            .willSetStateTo("resynced"));
    stub.server.stubFor(
        signedByHmac(delete(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .inScenario("clock")
            .whenScenarioStateIs("resynced")
            .willReturn(fixture("orderlist-cancel-response.json")));
    client.serverTime(); // the offset is measured once before the cancel
    int timeCallsBefore = stub.received(RequestMethod.GET, "/api/v3/time").size();

    PlacedOrderList cancelled = cancel();

    assertThat(cancelled.orderStatus()).isEqualTo(ListOrderStatus.ALL_DONE);
    assertThat(stub.received(RequestMethod.DELETE, "/api/v3/orderList")).hasSize(2);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/time").size()).isGreaterThan(timeCallsBefore);
  }

  @Test
  void aTimestampRefusedTwiceIsARefusalNotAGoneList() {
    stubCancel(aResponse().withStatus(400).withBody(Fixtures.text("error-1021-outside-recvwindow.json")));

    ExchangeError error = failedCancel();

    assertThat(error).isInstanceOf(ExchangeError.Refused.class);
    assertThat(error.code()).isEqualTo(-1021);
    assertThat(stub.received(RequestMethod.DELETE, "/api/v3/orderList")).hasSize(2);
  }

  @Test
  void aWafBlockIsARefusalNotAGoneList() {
    stubCancel(aResponse().withStatus(403).withBody("<html>Forbidden</html>"));

    ExchangeError error = failedCancel();

    assertThat(error).isInstanceOf(ExchangeError.Refused.class);
    assertThat(error.reason()).contains("firewall");
    assertThat(stub.received(RequestMethod.DELETE, "/api/v3/orderList")).hasSize(1);
  }

  @Test
  void aCodeTheBotDoesNotKnowIsARefusalNotAGoneList() {
    stubCancel(aResponse().withStatus(400).withBody("{\"code\":-2999,\"msg\":\"Something new.\"}"));

    assertThat(failedCancel()).isInstanceOf(ExchangeError.Refused.class);
  }

  @ParameterizedTest(name = "{0} with HTTP {1}")
  @CsvSource({"-1006, 400", "-1000, 400", "-1001, 400", "-1007, 400", "0, 503"})
  void executionStatusUnknownMakesTheCancelsOutcomeUnknownAndItIsSentOnce(int code, int status) {
    stubCancel(aResponse().withStatus(status).withBody(code == 0 ? "" : "{\"code\":" + code + ",\"msg\":\"Execution status unknown.\"}"));

    assertThat(failedCancel()).isInstanceOf(ExchangeError.OutcomeUnknown.class);
    assertThat(stub.received(RequestMethod.DELETE, "/api/v3/orderList")).hasSize(1);
  }

  private PlacedOrderList cancel() {
    return client.cancel(TestKeys.hmac(), BTCUSDT, LIST);
  }

  /** Cancels, which must fail; answers the error it failed with. */
  private ExchangeError failedCancel() {
    try {
      cancel();
    } catch (ExchangeException e) {
      return e.error();
    }
    throw new AssertionError("the cancel did not fail");
  }

  private void stubCancel(ResponseDefinitionBuilder response) {
    stub.server.stubFor(
        signedByHmac(delete(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(response));
  }
}
