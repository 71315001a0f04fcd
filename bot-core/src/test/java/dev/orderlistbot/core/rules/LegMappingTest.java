package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.BTCUSDT;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.last;
import static dev.orderlistbot.core.rules.Given.maker;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.opo;
import static dev.orderlistbot.core.rules.Given.opoco;
import static dev.orderlistbot.core.rules.Given.oto;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.trail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PendingOrder;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import org.junit.jupiter.api.Test;

/** Every kind and side maps to exactly the order-list request Binance expects (last price 30000). */
class LegMappingTest {
  private static final Quantity Q = Quantity.of("0.01");
  private static final TimeInForce GTC = TimeInForce.GTC;

  private static OrderListRequest mapped(PlaceOrderList command) {
    return accepted(check(command)).request();
  }

  private static Price p(String price) {
    return Price.of(price);
  }

  private static Leg.LimitMaker limitMaker(String price) {
    return new Leg.LimitMaker(p(price));
  }

  private static Leg.StopLossLimit stopLossLimit(String stop, String limit) {
    return new Leg.StopLossLimit(Trigger.at(p(stop)), p(limit), GTC);
  }

  private static Leg.TakeProfitLimit takeProfitLimit(String stop, String limit) {
    return new Leg.TakeProfitLimit(Trigger.at(p(stop)), p(limit), GTC);
  }

  private static Leg.StopLoss stopLoss(String stop) {
    return new Leg.StopLoss(Trigger.at(p(stop)));
  }

  @Test
  void sellOcoFromTheBriefPutsTheLimitMakerAboveAndTheStopLossLimitBelow() {
    OrderListRequest request = mapped(oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000", "28900")));

    assertThat(request).isEqualTo(
        new OrderListRequest.Oco(BTCUSDT, Q, new OcoPair(Side.SELL, limitMaker("32000"), stopLossLimit("29000", "28900"))));
  }

  @Test
  void sellOcoWithTakeProfitLimitAndMarketStopMapsBothTypes() {
    OrderListRequest request = mapped(oco(Side.SELL, qty("0.01"), tp("32000", "31990"), sl("29000")));

    assertThat(request).isEqualTo(
        new OrderListRequest.Oco(BTCUSDT, Q, new OcoPair(Side.SELL, takeProfitLimit("32000", "31990"), stopLoss("29000"))));
  }

  @Test
  void buyOcoPutsTheStopLossAboveAndTheTakeProfitBelow() {
    OrderListRequest request = mapped(oco(Side.BUY, qty("0.01"), tp("28000"), sl("31000", "31100")));

    assertThat(request).isEqualTo(
        new OrderListRequest.Oco(BTCUSDT, Q, new OcoPair(Side.BUY, stopLossLimit("31000", "31100"), limitMaker("28000"))));
  }

  @Test
  void buyOcoWithTakeProfitLimitAndTrailingStopMapsATrailingStopLossAbove() {
    OrderListRequest request = mapped(oco(Side.BUY, qty("0.01"), tp("28000", "28010"), trail(100)));

    Leg trailing = new Leg.StopLoss(Trigger.trailing(new TrailingDelta(100)));
    assertThat(request).isEqualTo(
        new OrderListRequest.Oco(BTCUSDT, Q, new OcoPair(Side.BUY, trailing, takeProfitLimit("28000", "28010"))));
  }

  @Test
  void buyOtoWorksALimitEntryAndSellsTheTakeProfitPending() {
    OrderListRequest request = mapped(oto(Side.BUY, qty("0.01"), at("30000"), tp("32000")));

    assertThat(request).isEqualTo(new OrderListRequest.Oto(
        BTCUSDT,
        new WorkingOrder(Side.BUY, Q, new Leg.Limit(p("30000"), GTC)),
        new PendingOrder(Side.SELL, Q, limitMaker("32000"))));
  }

  @Test
  void sellOtoWithAMakerEntryBuysTheStopBackPending() {
    OrderListRequest request = mapped(oto(Side.SELL, qty("0.01"), maker("31000"), sl("32000")));

    assertThat(request).isEqualTo(new OrderListRequest.Oto(
        BTCUSDT,
        new WorkingOrder(Side.SELL, Q, limitMaker("31000")),
        new PendingOrder(Side.BUY, Q, stopLoss("32000"))));
  }

  @Test
  void buyOtocoSendsThePendingQuantityAndASellPair() {
    OrderListRequest request = mapped(otoco(Side.BUY, qty("0.01"), at("30000"), tp("32000"), sl("29000", "28900")));

    assertThat(request).isEqualTo(new OrderListRequest.Otoco(
        BTCUSDT,
        new WorkingOrder(Side.BUY, Q, new Leg.Limit(p("30000"), GTC)),
        Q,
        new OcoPair(Side.SELL, limitMaker("32000"), stopLossLimit("29000", "28900"))));
  }

  @Test
  void sellOtocoPendsABuyPairWithTheStopAbove() {
    OrderListRequest request = mapped(otoco(Side.SELL, qty("0.01"), at("31000"), tp("29000"), sl("32000", "32100")));

    assertThat(request).isEqualTo(new OrderListRequest.Otoco(
        BTCUSDT,
        new WorkingOrder(Side.SELL, Q, new Leg.Limit(p("31000"), GTC)),
        Q,
        new OcoPair(Side.BUY, stopLossLimit("32000", "32100"), limitMaker("29000"))));
  }

  @Test
  void opoWithATakeProfitSendsNoPendingQuantity() {
    OrderListRequest request = mapped(opo(qty("0.01"), at("29500"), tp("31000")));

    assertThat(request).isEqualTo(new OrderListRequest.Opo(
        BTCUSDT, new WorkingOrder(Side.BUY, Q, new Leg.Limit(p("29500"), GTC)), limitMaker("31000")));
  }

  @Test
  void opoWithAStopLossPendsAMarketStop() {
    OrderListRequest request = mapped(opo(qty("0.01"), at("29500"), sl("29000")));

    assertThat(request).isEqualTo(new OrderListRequest.Opo(
        BTCUSDT, new WorkingOrder(Side.BUY, Q, new Leg.Limit(p("29500"), GTC)), stopLoss("29000")));
  }

  @Test
  void opocoWithAMakerEntryPendsASellPair() {
    OrderListRequest request = mapped(opoco(qty("0.01"), maker("29500"), tp("31000", "30990"), trail(200)));

    Leg trailing = new Leg.StopLoss(Trigger.trailing(new TrailingDelta(200)));
    assertThat(request).isEqualTo(new OrderListRequest.Opoco(
        BTCUSDT,
        new WorkingOrder(Side.BUY, Q, limitMaker("29500")),
        new OcoPair(Side.SELL, takeProfitLimit("31000", "30990"), trailing)));
  }
}
