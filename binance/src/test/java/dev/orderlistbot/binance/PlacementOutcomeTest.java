package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A placement whose answer is lost is reported as unknown, never retried, and resolved by looking
 * the list up by its client id: exactly one POST ever reaches Binance.
 */
class PlacementOutcomeTest extends StubbedBinance {
  static final ClientListId ID = ClientListId.forKey("7f3a9c");

  /** The list as Binance would answer a query by client id once it exists. */
  static String placedList() {
    return Fixtures.text("orderlist-query-response.json").replace("h2USkA5YQpaXHPIrkd96xE", ID.value());
  }

  @Test
  void a503IsUnknownAndResolvedByClientIdWithoutASecondPost() {
    stubPlacement(aResponse().withStatus(503));
    stubQueryByClientId(json(placedList()));

    PlacementResult result = place();

    assertThat(result).isInstanceOfSatisfying(PlacementResult.Unknown.class, u -> assertThat(u.clientListId()).isEqualTo(ID));
    Optional<PlacedOrderList> resolved = client.orderList(TestKeys.hmac(), OrderListRef.of(ID));
    assertThat(resolved).map(PlacedOrderList::clientId).contains(ID);
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(1);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/orderList").getFirst().getUrl())
        .contains("origClientOrderId=ob-7f3a9c&");
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {400, 503})
  void binancesOwnTimeoutMinus1007IsUnknownWhateverTheStatus(int status) {
    stubPlacement(
        aResponse()
            .withStatus(status)
            .withBody("{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}"));

    assertThat(place()).isInstanceOfSatisfying(PlacementResult.Unknown.class, u -> assertThat(u.code()).isEqualTo(-1007));
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(1);
  }

  /**
   * Binance's errors.md: -1006 "Execution status unknown", -1000 "An unknown error occurred", -1001
   * "Internal error". Their HTTP status is not a reliable sign (they have come with a 4xx), so the
   * code decides: the list may be live.
   */
  @ParameterizedTest(name = "{0} with HTTP {1}")
  @CsvSource({
    "-1006, 400", "-1006, 503",
    "-1000, 400", "-1000, 500",
    "-1001, 400", "-1001, 502"
  })
  void executionStatusUnknownCodesAreUnknownWhateverTheStatus(int code, int status) {
    stubPlacement(
        aResponse().withStatus(status).withBody("{\"code\":" + code + ",\"msg\":\"An unexpected response was received.\"}"));

    PlacementResult result = place();

    assertThat(result)
        .isInstanceOfSatisfying(
            PlacementResult.Unknown.class,
            u -> {
              assertThat(u.code()).isEqualTo(code);
              assertThat(u.clientListId()).isEqualTo(ID);
            });
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(1);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {500, 502, 503, 504})
  void everyServerErrorIsUnknownEvenWithARefusalCodeInItsBody(int status) {
    stubPlacement(aResponse().withStatus(status).withBody(Fixtures.text("error-2010-insufficient-balance.json")));

    assertThat(place()).isInstanceOf(PlacementResult.Unknown.class);
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(1);
  }

  @Test
  void aTimeoutIsUnknownAndALaggingDatabaseIsCoveredByTheOpenLists() {
    stubPlacement(json(Fixtures.text("oco-response.json")).withFixedDelay((int) READ_TIMEOUT.toMillis() + 1_000));
    stubQueryByClientId(aResponse().withStatus(400).withBody(Fixtures.text("error-2013-no-such-order.json")));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json("[" + placedList() + "]")));

    PlacementResult result = place();

    assertThat(result).isInstanceOf(PlacementResult.Unknown.class);
    assertThat(client.orderList(TestKeys.hmac(), OrderListRef.of(ID))).isPresent();
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(1);
  }

  @Test
  void aConnectionResetAfterSendingIsUnknown() {
    stubPlacement(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    assertThat(place()).isInstanceOf(PlacementResult.Unknown.class);
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(1);
  }

  @Test
  void anUnreadableSuccessIsUnknownBecauseTheListMayExist() {
    stubPlacement(json("{\"orderListId\": \"not a number\""));

    assertThat(place()).isInstanceOf(PlacementResult.Unknown.class);
  }

  @Test
  void aListBinanceDoesNotKnowResolvesToEmpty() {
    stubQueryByClientId(aResponse().withStatus(400).withBody(Fixtures.text("error-2013-no-such-order.json")));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json("[]")));

    assertThat(client.orderList(TestKeys.hmac(), OrderListRef.of(ID))).isEmpty();
  }

  @Test
  void anUnreachableExchangeIsARejectionBecauseNothingWasSent() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    BinanceExchangeClient unreachable =
        BinanceExchangeClient.create(config.withRestBaseUrl(URI.create("http://127.0.0.1:" + closedPort)), http, clock);

    PlacementResult result = unreachable.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ID);

    assertThat(result)
        .isInstanceOfSatisfying(
            PlacementResult.Rejected.class, r -> assertThat(r.error()).isInstanceOf(ExchangeError.Unavailable.class));
  }

  private PlacementResult place() {
    return client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ID);
  }

  private void stubPlacement(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/orderList/oco")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(response));
  }

  private void stubQueryByClientId(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    stub.server.stubFor(
        signedByHmac(
                get(urlPathEqualTo("/api/v3/orderList")).withQueryParam("origClientOrderId", WireMock.equalTo(ID.value())),
                TestKeys.HMAC_API_KEY,
                TestKeys.HMAC_SECRET)
            .willReturn(response));
  }
}
