package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.fixture;
import static dev.orderlistbot.binance.BinanceStub.signedBy;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cancels, queries, market data and the other key types, against the stub. */
class AccountAndMarketCallsTest extends StubbedBinance {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  @Test
  void cachesExchangeRulesPerSymbolAndRefreshesThemAfterTheTtl() {
    stub.server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(fixture("exchangeinfo-btcusdt.json")));

    SymbolRules first = client.rules(BTCUSDT);
    client.rules(BTCUSDT);
    clock.advance(config.exchangeInfoTtl().plus(Duration.ofSeconds(1)));
    client.rules(BTCUSDT);

    assertThat(first.filter(SymbolFilter.PriceFilter.class).orElseThrow().tickSize()).isEqualByComparingTo("0.01");
    assertThat(stub.received(RequestMethod.GET, "/api/v3/exchangeInfo")).hasSize(2);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/exchangeInfo").getFirst().getUrl()).endsWith("?symbol=BTCUSDT");
  }

  @Test
  void anUnknownSymbolIsRefusedInPlainWords() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/exchangeInfo"))
            .willReturn(aResponse().withStatus(400).withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));

    assertThatThrownBy(() -> client.rules(Symbol.of("NOPEUSDT")))
        .isInstanceOfSatisfying(
            ExchangeException.class,
            e -> assertThat(e.error()).isEqualTo(new ExchangeError.Refused(-1121, "Unknown pair: Binance has no such symbol.")));
  }

  @Test
  void readsServerTime() {
    assertThat(client.serverTime()).isEqualTo(Instant.ofEpochMilli(NOW));
  }

  @Test
  void cancelsAWholeListByClientIdAndReportsEachLegUnderItsOwnId() {
    stub.server.stubFor(
        signedByHmac(delete(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(fixture("orderlist-cancel-response.json")));

    PlacedOrderList cancelled = client.cancel(TestKeys.hmac(), BTCUSDT, OrderListRef.of(new ClientListId("C3wyj4WVEktd7u9aVBRXcN")));

    assertThat(BinanceStub.rawQuery(stub.received(RequestMethod.DELETE, "/api/v3/orderList").getFirst().getUrl()))
        .startsWith("symbol=BTCUSDT&listClientOrderId=C3wyj4WVEktd7u9aVBRXcN&recvWindow=5000&timestamp=" + NOW + "&signature=");
    assertThat(cancelled.orderStatus()).isEqualTo(ListOrderStatus.ALL_DONE);
    assertThat(cancelled.legs())
        .extracting(ListLeg::clientOrderId)
        .containsExactly(new ClientOrderId("pO9ufTiFGg3nw2fOdgeOXa"), new ClientOrderId("TXOvglzXuaubXAaENpaRCB"));
    assertThat(cancelled.legs()).allSatisfy(leg -> assertThat(leg.report().orElseThrow().status()).isEqualTo(LegStatus.CANCELED));
  }

  @Test
  void cancellingWhatIsAlreadyDoneIsNotFoundInPlainWords() {
    stub.server.stubFor(
        signedByHmac(delete(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2011-unknown-order.json"))));

    assertThatThrownBy(() -> client.cancel(TestKeys.hmac(), BTCUSDT, OrderListRef.of(new OrderListId(1234))))
        .isInstanceOfSatisfying(
            ExchangeException.class,
            e -> {
              assertThat(e.error()).isInstanceOf(ExchangeError.NotFound.class);
              assertThat(e.error().reason()).startsWith("Nothing to cancel");
            });
  }

  @Test
  void aCancelWhoseAnswerIsLostHasAnUnknownOutcome() {
    stub.server.stubFor(delete(urlPathEqualTo("/api/v3/orderList")).willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> client.cancel(TestKeys.hmac(), BTCUSDT, OrderListRef.of(new OrderListId(1))))
        .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.error()).isInstanceOf(ExchangeError.OutcomeUnknown.class));
    assertThat(stub.received(RequestMethod.DELETE, "/api/v3/orderList")).hasSize(1);
  }

  @Test
  void queriesAListByIdAndTheOpenLists() {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/orderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(fixture("orderlist-query-response.json")));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(fixture("open-orderlists-response.json")));

    PlacedOrderList list = client.orderList(TestKeys.hmac(), OrderListRef.of(new OrderListId(27))).orElseThrow();

    assertThat(BinanceStub.rawQuery(stub.received(RequestMethod.GET, "/api/v3/orderList").getFirst().getUrl()))
        .startsWith("orderListId=27&recvWindow=5000&timestamp=");
    assertThat(list.id()).isEqualTo(new OrderListId(27));
    assertThat(list.legs()).hasSize(2).allSatisfy(leg -> assertThat(leg.report()).isEmpty());
    assertThat(client.openOrderLists(TestKeys.hmac())).extracting(PlacedOrderList::id).containsExactly(new OrderListId(31));
  }

  @Test
  void queriesOneOrdersStateAndTreatsAnUnknownOrderAsAbsent() {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/order")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .withQueryParam("orderId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("1"))
            .willReturn(fixture("order-query-response.json")));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/order")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .withQueryParam("origClientOrderId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("gone"))
            .willReturn(aResponse().withStatus(400).withBody(Fixtures.text("error-2013-no-such-order.json"))));

    OrderSnapshot order = client.order(TestKeys.hmac(), Symbol.of("LTCBTC"), OrderRef.of(1)).orElseThrow();

    assertThat(order.orderListId()).isEmpty();
    assertThat(order.report().price()).isEqualTo(new BigDecimal("0.1"));
    assertThat(order.report().stopPrice()).isEmpty();
    assertThat(client.order(TestKeys.hmac(), Symbol.of("LTCBTC"), OrderRef.of(new ClientOrderId("gone")))).isEmpty();
  }

  @Test
  void placesWithAnEd25519KeySignedOverTheBodyAndVerifiedByItsPublicKey() {
    stub.server.stubFor(
        signedBy(post(urlPathEqualTo("/api/v3/orderList/oco")), TestKeys.ED25519_API_KEY, "Ed25519", TestKeys.ed25519Public())
            .willReturn(fixture("oco-response.json")));

    PlacementResult result = client.place(TestKeys.ed25519(), OrderListPlacementTest.chatSellOco(), ClientListId.forKey("ed"));

    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    assertThat(stub.received(RequestMethod.POST, "/api/v3/orderList/oco").getFirst().getBodyAsString())
        .matches(".*&signature=[A-Za-z0-9%]+%3D%3D");
  }

  @Test
  void readsWithAnRsaKeySignedOverTheQueryAndVerifiedByItsPublicKey() {
    stub.server.stubFor(
        signedBy(get(urlPathEqualTo("/api/v3/openOrderList")), TestKeys.RSA_API_KEY, "SHA256withRSA", TestKeys.rsaPublic())
            .willReturn(fixture("open-orderlists-response.json")));

    assertThat(client.openOrderLists(TestKeys.rsa())).hasSize(1);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/openOrderList").getFirst().getUrl()).doesNotContain("+");
  }

  @Test
  void aStoredKeyThatCannotBeReadIsRejectedWithoutSendingAnything() {
    ApiCredentials broken = new ApiCredentials(KeyType.ED25519, "edKey123456", Secret.of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));

    PlacementResult result = client.place(broken, OrderListPlacementTest.chatSellOco(), ClientListId.forKey("bad"));

    assertThat(result)
        .isInstanceOfSatisfying(
            PlacementResult.Rejected.class,
            r -> assertThat(r.error()).isEqualTo(
                new ExchangeError.CredentialsRejected(0, "Your stored key can't be used: not a PKCS#8 Ed25519 private key.")));
    assertThat(stub.server.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getUrl()).startsWith("/api/v3/time"));
  }

  @Test
  void eachCredentialSetIsSignedWithItsOwnKey() {
    String otherSecret = "anotherSecretAnotherSecretAnotherSecret1";
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrderList")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(BinanceStub.json("[]")));
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/openOrderList")), "otherKey0001", otherSecret)
            .willReturn(fixture("open-orderlists-response.json")));

    assertThat(client.openOrderLists(TestKeys.hmac())).isEmpty();
    assertThat(client.openOrderLists(TestKeys.hmac("otherKey0001", otherSecret))).hasSize(1);
    assertThat(client.openOrderLists(TestKeys.hmac())).isEmpty();
    assertThat(stub.received(RequestMethod.GET, "/api/v3/openOrderList")).hasSize(3);
  }
}
