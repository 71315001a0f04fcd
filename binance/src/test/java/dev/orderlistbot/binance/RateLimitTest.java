package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.fixture;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** HTTP 429 and 418: honour Retry-After, send nothing meanwhile, fail fast with a typed result. */
class RateLimitTest extends StubbedBinance {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final String OTHER_SECRET = "otherSecretOtherSecretOtherSecretOtherSecret";

  @Test
  void a429StopsAllSendingUntilRetryAfterAndThenSendsAgain() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/price"))
            .willReturn(
                aResponse().withStatus(429).withHeader("Retry-After", "30").withBody(Fixtures.text("error-1003-too-much-weight.json"))));

    assertThatThrownBy(() -> client.lastPrice(BTCUSDT))
        .isInstanceOfSatisfying(
            ExchangeException.class,
            e -> assertThat(e.error()).isEqualTo(rateLimited(-1003, 30)));
    PlacementResult meanwhile = client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("r1"));

    assertThat(meanwhile)
        .isInstanceOfSatisfying(PlacementResult.Rejected.class, r -> assertThat(r.error()).isInstanceOf(ExchangeError.RateLimited.class));
    assertThat(client.usage().backingOffUntil()).contains(Instant.ofEpochMilli(NOW).plusSeconds(30));
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).isEmpty();
    assertThat(stub.received(RequestMethod.GET, "/api/v3/ticker/price")).hasSize(1);

    stub.server.stubFor(get(urlPathEqualTo("/api/v3/ticker/price")).willReturn(BinanceStub.json("{\"symbol\":\"BTCUSDT\",\"price\":\"30123.45000000\"}")));
    clock.advance(Duration.ofSeconds(30));

    assertThat(client.lastPrice(BTCUSDT)).isEqualTo(Price.of("30123.45"));
    assertThat(client.usage().backingOffUntil()).isEmpty();
  }

  @Test
  void a418BanOnAPlacementBlocksMarketDataToo() {
    stub.server.stubFor(
        post(urlPathEqualTo("/api/v3/orderList/oco"))
            .willReturn(
                aResponse()
                    .withStatus(418)
                    .withHeader("Retry-After", "120")
                    .withBody("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1700000120000.\"}")));

    PlacementResult result = client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("r2"));

    assertThat(result).isEqualTo(new PlacementResult.Rejected(rateLimited(-1003, 120)));
    assertThatThrownBy(() -> client.rules(BTCUSDT)).isInstanceOf(ExchangeException.class);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/exchangeInfo")).isEmpty();
  }

  @Test
  void anAccountsOrderRateLimitStopsOnlyThatAccount() {
    ApiCredentials other = TestKeys.hmac("otherApiKey01", OTHER_SECRET);
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/orderList/oco")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "10").withBody(Fixtures.text("error-1015-too-many-orders.json"))));
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/orderList/oco")), "otherApiKey01", OTHER_SECRET)
            .willReturn(fixture("oco-response.json")));

    PlacementResult limited = client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("a1"));
    PlacementResult again = client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("a2"));
    PlacementResult otherAccount = client.place(other, OrderListPlacementTest.chatSellOco(), ClientListId.forKey("b1"));

    assertThat(limited).isEqualTo(new PlacementResult.Rejected(rateLimited(-1015, 10)));
    assertThat(again).isEqualTo(limited);
    assertThat(otherAccount).isInstanceOf(PlacementResult.Accepted.class);
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco")).hasSize(2);
    assertThat(client.usage(TestKeys.hmac()).backingOffUntil()).isPresent();
    assertThat(client.usage(other).backingOffUntil()).isEmpty();
  }

  @Test
  void exposesTheWeightAndOrderCountsBinanceReports() {
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/orderList/oco")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(
                fixture("oco-response.json")
                    .withHeader("X-MBX-USED-WEIGHT-1M", "42")
                    .withHeader("X-MBX-ORDER-COUNT-10S", "2")
                    .withHeader("X-MBX-ORDER-COUNT-1D", "17")));

    client.place(TestKeys.hmac(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("u1"));

    BinanceUsage usage = client.usage(TestKeys.hmac());
    assertThat(usage.usedWeight()).containsEntry("1M", 42L);
    assertThat(usage.orderCount()).containsEntry("10S", 2L).containsEntry("1D", 17L);
    assertThat(client.usage().orderCount()).isEmpty();
  }

  private static ExchangeError.RateLimited rateLimited(int code, int seconds) {
    Instant until = Instant.ofEpochMilli(NOW).plusSeconds(seconds);
    return new ExchangeError.RateLimited(
        code, until, BinanceError.explain(code, "") + " The bot sends again after " + until + ".");
  }
}
