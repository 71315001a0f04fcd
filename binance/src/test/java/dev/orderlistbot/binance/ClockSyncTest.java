package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timestamps follow Binance's clock; -1021 re-measures it; retried reads are signed afresh. */
class ClockSyncTest extends StubbedBinance {
  static final String ACCOUNT =
      "{\"makerCommission\":15,\"canTrade\":true,\"balances\":["
          + "{\"asset\":\"BTC\",\"free\":\"4723846.89208129\",\"locked\":\"0.00000000\"},"
          + "{\"asset\":\"USDT\",\"free\":\"1000.5\",\"locked\":\"250.25000000\"}],\"permissions\":[\"SPOT\"]}";

  @Test
  void signsWithBinancesTimeWhenTheHostClockIsBehind() {
    stub.serverTime(NOW + 4_321);
    stubAccount(json(ACCOUNT));

    Balances balances = client.balances(TestKeys.hmac());

    assertThat(timestampOf(stub.received(RequestMethod.GET, "/api/v3/account").getFirst())).isEqualTo(NOW + 4_321);
    assertThat(balances.free(Asset.of("BTC"))).isEqualByComparingTo(new BigDecimal("4723846.89208129"));
    assertThat(balances.of(Asset.of("USDT")).orElseThrow().locked()).isEqualByComparingTo("250.25");
  }

  @Test
  void aReadRefusedWithMinus1021ResyncsTheClockAndIsRetriedOnce() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/time")).inScenario("clock").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json("{\"serverTime\":" + NOW + "}")).willSetStateTo("drifted"));
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/time")).inScenario("clock").whenScenarioStateIs("drifted")
            .willReturn(json("{\"serverTime\":" + (NOW + 7_000) + "}")));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/account")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .inScenario("account").whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-1021-outside-recvwindow.json")))
            .willSetStateTo("refused once"));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/account")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .inScenario("account").whenScenarioStateIs("refused once")
            .willReturn(json(ACCOUNT)));

    client.balances(TestKeys.hmac());

    List<LoggedRequest> calls = stub.received(RequestMethod.GET, "/api/v3/account");
    assertThat(calls).hasSize(2);
    assertThat(timestampOf(calls.get(0))).isEqualTo(NOW);
    assertThat(timestampOf(calls.get(1))).isEqualTo(NOW + 7_000);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/time")).hasSize(2);
  }

  @Test
  void aPlacementRefusedWithMinus1021ResyncsButIsNeverResent() {
    stub.server.stubFor(
        post(urlPathEqualTo("/api/v3/orderList/oco"))
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-1021-ahead-of-server.json"))));

    PlacementResult result = client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("c1"));

    assertThat(result)
        .isInstanceOfSatisfying(
            PlacementResult.Rejected.class,
            r -> {
              assertThat(r.code()).isEqualTo(-1021);
              assertThat(r.error()).isInstanceOf(ExchangeError.Refused.class);
            });
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(1);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/time")).hasSize(2);
  }

  @Test
  void aReadRetriedAfterAConnectionResetCarriesOneFreshSignature() {
    stubAccountOnce(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), json(ACCOUNT));

    client.balances(TestKeys.hmac());

    List<LoggedRequest> calls = stub.received(RequestMethod.GET, "/api/v3/account");
    assertThat(calls).hasSize(2);
    for (LoggedRequest call : calls) {
      assertThat(BinanceStub.params(call)).extracting(Map.Entry::getKey).containsExactly("recvWindow", "timestamp", "signature");
      assertThat(BinanceStub.hmacValid(call, TestKeys.HMAC_SECRET)).isTrue();
    }
  }

  @Test
  void theClockIsMeasuredOnceAndAgainOnlyAfterTheResyncInterval() {
    stubAccount(json(ACCOUNT));
    // a read timeout no loaded build machine reaches: a timed-out time request is retried, and
    // that second request would be counted here as a second measurement
    BinanceExchangeClient patient =
        BinanceExchangeClient.create(config.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)), http, clock);

    patient.balances(TestKeys.hmac());
    patient.balances(TestKeys.hmac());
    clock.advance(config.clockResyncInterval());
    patient.balances(TestKeys.hmac());

    assertThat(stub.received(RequestMethod.GET, "/api/v3/time")).hasSize(2);
  }

  private void stubAccount(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/account")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET).willReturn(response));
  }

  private void stubAccountOnce(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first,
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder then) {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/account")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED).willReturn(first).willSetStateTo("ok"));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/account")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .inScenario("flaky").whenScenarioStateIs("ok").willReturn(then));
  }

  private static long timestampOf(LoggedRequest request) {
    return BinanceStub.params(request).stream()
        .filter(p -> p.getKey().equals("timestamp"))
        .mapToLong(p -> Long.parseLong(p.getValue()))
        .findFirst()
        .orElseThrow();
  }
}
