package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.fixture;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PendingOrder;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact parameters Binance receives for each of the five list types, signed over the exact
 * bytes received (the stub answers only validly signed requests), and the answers mapped back.
 */
class OrderListPlacementTest extends StubbedBinance {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  /** {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900}, as the parser will build it. */
  static OrderListRequest.Oco chatSellOco() {
    return new OrderListRequest.Oco(
        BTCUSDT,
        Quantity.of("0.01"),
        new OcoPair(
            Side.SELL,
            new Leg.LimitMaker(Price.of("32000")),
            new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));
  }

  @Test
  void placesTheChatSellOcoWithExactlyTheFixtureParametersInTheBody() {
    stubCreate("oco", "oco-response.json");

    PlacementResult result = client.place(TestKeys.hmac(), chatSellOco(), new ClientListId("tg42-oco-0001"));

    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    LoggedRequest sent = onlyCreate("oco");
    List<Map.Entry<String, String>> params = BinanceStub.params(sent);
    assertThat(params.subList(0, params.size() - 1))
        .containsExactlyElementsOf(Fixtures.orderedParams("oco-request-sell-from-chat.json").entrySet());
    assertThat(params.getLast().getKey()).isEqualTo("signature");
    assertThat(BinanceStub.rawQuery(sent.getUrl())).isEmpty();
    assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
  }

  @Test
  void placesTheChatBuyOcoWithTheStopAboveAndTheMakerBelow() {
    stubCreate("oco", "oco-response.json");
    OrderListRequest.Oco buy =
        new OrderListRequest.Oco(
            BTCUSDT,
            Quantity.of("0.01"),
            new OcoPair(
                Side.BUY,
                new Leg.StopLossLimit(Trigger.at(Price.of("33000")), Price.of("33100"), TimeInForce.GTC),
                new Leg.LimitMaker(Price.of("29000"))));

    client.place(TestKeys.hmac(), buy, ClientListId.forKey("b1"));

    List<Map.Entry<String, String>> params = BinanceStub.params(onlyCreate("oco"));
    assertThat(params)
        .filteredOn(p -> !p.getKey().endsWith("ClientOrderId") && !p.getKey().equals("signature"))
        .containsExactlyElementsOf(Fixtures.orderedParams("oco-request-buy-from-chat.json").entrySet());
    assertThat(params)
        .contains(
            Map.entry("listClientOrderId", "ob-b1"),
            Map.entry("aboveClientOrderId", "ob-b1-sl"),
            Map.entry("belowClientOrderId", "ob-b1-tp"));
  }

  static OrderListRequest.Opoco opoco() {
    return new OrderListRequest.Opoco(
        BTCUSDT,
        new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC)),
        new OcoPair(
            Side.SELL,
            new Leg.TakeProfitLimit(Trigger.at(Price.of("32000")), Price.of("32100"), TimeInForce.GTC),
            new Leg.StopLoss(Trigger.at(Price.of("29000")))));
  }

  static Stream<Arguments> everyListKind() {
    WorkingOrder limitBuy = new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC));
    OcoPair sellPair =
        new OcoPair(
            Side.SELL,
            new Leg.LimitMaker(Price.of("32000")),
            new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC));
    String working =
        "workingType=LIMIT&workingSide=BUY&workingPrice=30000&workingQuantity=0.01&workingTimeInForce=GTC";
    return Stream.of(
        Arguments.of(
            "OCO",
            chatSellOco(),
            "k0",
            "oco",
            "oco-response.json",
            "symbol=BTCUSDT&side=SELL&quantity=0.01&listClientOrderId=ob-k0"
                + "&aboveType=LIMIT_MAKER&abovePrice=32000&aboveClientOrderId=ob-k0-tp"
                + "&belowType=STOP_LOSS_LIMIT&belowStopPrice=29000&belowPrice=28900&belowTimeInForce=GTC"
                + "&belowClientOrderId=ob-k0-sl"),
        Arguments.of(
            "OTO",
            new OrderListRequest.Oto(
                BTCUSDT, limitBuy, new PendingOrder(Side.SELL, Quantity.of("0.01"), new Leg.LimitMaker(Price.of("32000")))),
            "k1",
            "oto",
            "oto-response.json",
            "symbol=BTCUSDT&listClientOrderId=ob-k1&" + working + "&workingClientOrderId=ob-k1-w"
                + "&pendingType=LIMIT_MAKER&pendingSide=SELL&pendingQuantity=0.01&pendingPrice=32000"
                + "&pendingClientOrderId=ob-k1-tp"),
        Arguments.of(
            "OTOCO",
            new OrderListRequest.Otoco(BTCUSDT, limitBuy, Quantity.of("0.01"), sellPair),
            "k2",
            "otoco",
            "otoco-response.json",
            "symbol=BTCUSDT&listClientOrderId=ob-k2&" + working + "&workingClientOrderId=ob-k2-w"
                + "&pendingSide=SELL&pendingQuantity=0.01"
                + "&pendingAboveType=LIMIT_MAKER&pendingAbovePrice=32000&pendingAboveClientOrderId=ob-k2-tp"
                + "&pendingBelowType=STOP_LOSS_LIMIT&pendingBelowStopPrice=29000&pendingBelowPrice=28900"
                + "&pendingBelowTimeInForce=GTC&pendingBelowClientOrderId=ob-k2-sl"),
        Arguments.of(
            "OPO (maker entry, trailing stop exit: no timeInForce, no pendingQuantity)",
            new OrderListRequest.Opo(
                BTCUSDT,
                new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.LimitMaker(Price.of("30000"))),
                new Leg.StopLoss(Trigger.trailing(new TrailingDelta(150)))),
            "k3",
            "opo",
            "opo-response.json",
            "symbol=BTCUSDT&listClientOrderId=ob-k3"
                + "&workingType=LIMIT_MAKER&workingSide=BUY&workingPrice=30000&workingQuantity=0.01"
                + "&workingClientOrderId=ob-k3-w"
                + "&pendingType=STOP_LOSS&pendingSide=SELL&pendingTrailingDelta=150&pendingClientOrderId=ob-k3-sl"),
        Arguments.of(
            "OPOCO (no pendingQuantity)",
            opoco(),
            "k4",
            "opoco",
            "opoco-response.json",
            "symbol=BTCUSDT&listClientOrderId=ob-k4&" + working + "&workingClientOrderId=ob-k4-w"
                + "&pendingSide=SELL"
                + "&pendingAboveType=TAKE_PROFIT_LIMIT&pendingAboveStopPrice=32000&pendingAbovePrice=32100"
                + "&pendingAboveTimeInForce=GTC&pendingAboveClientOrderId=ob-k4-tp"
                + "&pendingBelowType=STOP_LOSS&pendingBelowStopPrice=29000&pendingBelowClientOrderId=ob-k4-sl"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyListKind")
  void sendsEachListKindToItsEndpointWithExactlyItsParameters(
      String name, OrderListRequest request, String key, String path, String response, String expected) {
    stubCreate(path, response);

    PlacementResult result = client.place(TestKeys.hmac(), request, ClientListId.forKey(key));

    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    String body = onlyCreate(path).getBodyAsString();
    assertThat(body)
        .startsWith(expected + "&newOrderRespType=RESULT&recvWindow=5000&timestamp=" + NOW + "&signature=")
        .matches(".*&signature=[0-9a-f]{64}");
    assertThat(stub.server.findAll(postRequestedFor(urlMatching("/api/v3/order/oco.*"))))
        .as("never the deprecated endpoint")
        .isEmpty();
  }

  @Test
  void mapsTheAcceptedOcoWithEveryLegAndExactDecimals() {
    stubCreate("oco", "oco-response.json");

    PlacedOrderList list = accepted(client.place(TestKeys.hmac(), chatSellOco(), ClientListId.forKey("x")));

    assertThat(list.id().value()).isEqualTo(1);
    assertThat(list.clientId().value()).isEqualTo("lH1YDkuQKWiXVXHPSKYEIp");
    assertThat(list.contingencyType()).isEqualTo(ContingencyType.OCO);
    assertThat(list.orderStatus()).isEqualTo(ListOrderStatus.EXECUTING);
    assertThat(list.legs()).extracting(ListLeg::orderId).containsExactly(10L, 11L);
    var stop = list.legs().get(0).report().orElseThrow();
    assertThat(stop.type()).isEqualTo(ReportedOrderType.STOP_LOSS_LIMIT);
    assertThat(stop.side()).isEqualTo(Side.SELL);
    assertThat(stop.status()).isEqualTo(LegStatus.NEW);
    assertThat(stop.price()).isEqualTo(new BigDecimal("1.00000000"));
    assertThat(stop.stopPrice()).contains(new BigDecimal("1.00000000"));
    assertThat(list.legs().get(1).report().orElseThrow().type()).isEqualTo(ReportedOrderType.LIMIT_MAKER);
  }

  @Test
  void mapsAnOpocoWhosePendingLegsHaveNoQuantityYet() {
    stubCreate("opoco", "opoco-response.json");
    PlacedOrderList list = accepted(client.place(TestKeys.hmac(), opoco(), ClientListId.forKey("y")));

    assertThat(list.contingencyType()).isEqualTo(ContingencyType.OTO);
    assertThat(list.legs()).hasSize(3);
    assertThat(list.legs().get(0).report().orElseThrow().origQty()).contains(new BigDecimal("0.00170000"));
    assertThat(list.legs().subList(1, 3))
        .allSatisfy(
            leg -> {
              assertThat(leg.report().orElseThrow().status()).isEqualTo(LegStatus.PENDING_NEW);
              assertThat(leg.report().orElseThrow().origQty()).isEqualTo(Optional.empty());
            });
  }

  private void stubCreate(String path, String response) {
    stub.server.stubFor(
        signedByHmac(post(urlPathEqualTo("/api/v3/orderList/" + path)), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(fixture(response)));
  }

  private LoggedRequest onlyCreate(String path) {
    List<LoggedRequest> sent = stub.received(RequestMethod.POST, "/api/v3/orderList/" + path);
    assertThat(sent).hasSize(1);
    return sent.getFirst();
  }

  static PlacedOrderList accepted(PlacementResult result) {
    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    return ((PlacementResult.Accepted) result).list();
  }
}
