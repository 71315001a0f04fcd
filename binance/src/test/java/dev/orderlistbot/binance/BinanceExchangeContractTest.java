package dev.orderlistbot.binance;

import dev.orderlistbot.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeClientContract;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared exchange contract on the Binance adapter against the loopback stub, which answers
 * (correctly signed requests only) as Binance does: the OCO placement response with the ids the
 * bot sent, {@code -2010} for insufficient balance, {@code -2011}/{@code -2013} for unknown lists
 * and orders.
 */
class BinanceExchangeContractTest extends ExchangeClientContract {
  private static final long NOW = 1_700_000_000_000L;

  private BinanceStub stub;
  private HttpClient http;
  private BinanceExchangeClient client;

  @BeforeEach
  void start() {
    stub = new BinanceStub();
    stub.serverTime(NOW);
    stub.exchangeInfo("exchangeinfo-btcusdt.json");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    BinanceConfig config =
        BinanceConfig.defaults(BinanceConfig.Environment.TESTNET)
            .withRestBaseUrl(stub.baseUrl())
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));
    client = BinanceExchangeClient.create(config, http, new MutableClock(Instant.ofEpochMilli(NOW)));
  }

  @AfterEach
  void stop() {
    stub.close();
    http.close();
  }

  @Override
  protected ExchangeClient exchange() {
    return client;
  }

  @Override
  protected ApiCredentials credentials() {
    return TestKeys.hmac();
  }

  @Override
  protected void givenTheNextOcoIsAccepted(ClientListId id) {
    String answer =
        Fixtures.text("oco-response.json")
            .replace("lH1YDkuQKWiXVXHPSKYEIp", id.value())
            .replace("44nZvqpemY7sVYgPYbvPih", id.legId(LegRole.STOP_LOSS).value())
            .replace("NuMp0nVYnciDiFmVqfpBqK", id.legId(LegRole.TAKE_PROFIT).value())
            .replace("LTCBTC", "BTCUSDT");
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/orderList/oco")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json(answer)));
  }

  @Override
  protected void givenTheAccountCannotAffordTheOco() {
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/orderList/oco")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2010-insufficient-balance.json"))));
  }

  @Override
  protected void givenNothingIsKnown() {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2011-unknown-order.json"))));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json("[]")));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/order")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2013-no-such-order.json"))));
    stub.server.stubFor(
        signedByHmac(delete(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2011-unknown-order.json"))));
  }

  @Override
  protected void givenTheOcoShowsOpen(PlacedOrderList list) {
    long id = list.id().value();
    String open =
        """
        [{"symbol":"BTCUSDT","orderId":2,"orderListId":%d,"type":"LIMIT_MAKER","status":"NEW","isWorking":true,
          "workingTime":1700000000000},
         {"symbol":"BTCUSDT","orderId":3,"orderListId":%d,"type":"STOP_LOSS_LIMIT","status":"NEW","isWorking":false,
          "workingTime":-1}]
        """
            .formatted(id, id);
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrders")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json(open)));
  }
}
