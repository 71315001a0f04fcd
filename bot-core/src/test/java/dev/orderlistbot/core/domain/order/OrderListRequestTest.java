package dev.orderlistbot.core.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import org.junit.jupiter.api.Test;

class OrderListRequestTest {
  private static final Symbol BTC = Symbol.of("BTCUSDT");
  private static final Leg TP_32000 = new Leg.LimitMaker(Price.of("32000"));
  private static final Leg SL_29000_28900 =
      new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC);

  @Test
  void sellOcoPutsTheTakeProfitAboveAndTheStopBelow() {
    var oco = new OrderListRequest.Oco(BTC, Quantity.of("0.01"), new OcoPair(Side.SELL, TP_32000, SL_29000_28900));

    assertThat(oco.kind()).isEqualTo(ListKind.OCO);
    assertThat(oco.pair().takeProfit()).isEqualTo(TP_32000);
    assertThat(oco.pair().stopLoss()).isEqualTo(SL_29000_28900);
  }

  @Test
  void sellOcoWithTheStopAboveIsRefused() {
    assertThatThrownBy(() -> new OcoPair(Side.SELL, SL_29000_28900, TP_32000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("above leg of a SELL OCO must be a profit leg");
  }

  @Test
  void sellOcoWhoseTakeProfitIsBelowTheStopIsRefused() {
    Leg lowTakeProfit = new Leg.LimitMaker(Price.of("28000"));

    assertThatThrownBy(() -> new OcoPair(Side.SELL, lowTakeProfit, SL_29000_28900))
        .hasMessageContaining("profit price above its stop price");
  }

  @Test
  void buyOcoPutsTheStopAboveAndTheTakeProfitBelow() {
    Leg stop = new Leg.StopLoss(Trigger.at(Price.of("31000")));
    Leg profit = new Leg.LimitMaker(Price.of("28000"));

    OcoPair pair = new OcoPair(Side.BUY, stop, profit);

    assertThat(pair.takeProfit()).isEqualTo(profit);
    assertThatThrownBy(() -> new OcoPair(Side.BUY, profit, stop)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoProfitLegsCannotFormAnOco() {
    Leg takeProfit = new Leg.TakeProfit(Trigger.at(Price.of("28000")));

    assertThatThrownBy(() -> new OcoPair(Side.SELL, TP_32000, takeProfit)).hasMessageContaining("stop-loss");
  }

  @Test
  void trailingStopNeedsNoStopPriceToPairWithATakeProfit() {
    Leg trailing = new Leg.StopLoss(Trigger.trailing(new TrailingDelta(150)));

    assertThat(new OcoPair(Side.SELL, TP_32000, trailing).stopLoss().trailingDelta())
        .contains(new TrailingDelta(150));
  }

  @Test
  void workingOrderMustBeALimitOrLimitMaker() {
    assertThatThrownBy(() -> new WorkingOrder(Side.BUY, Quantity.of("1"), SL_29000_28900))
        .hasMessageContaining("LIMIT or LIMIT_MAKER");
  }

  @Test
  void opoAndOpocoBuyOnly() {
    var sellEntry = new WorkingOrder(Side.SELL, Quantity.of("1"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC));
    var buyEntry = new WorkingOrder(Side.BUY, Quantity.of("1"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC));

    assertThatThrownBy(() -> new OrderListRequest.Opo(BTC, sellEntry, TP_32000)).hasMessageContaining("BUY");
    assertThatThrownBy(
            () -> new OrderListRequest.Opoco(BTC, buyEntry, new OcoPair(Side.BUY, SL_29000_28900, new Leg.LimitMaker(Price.of("28000")))))
        .hasMessageContaining("SELL");
    assertThat(new OrderListRequest.Opo(BTC, buyEntry, TP_32000).pendingSide()).isEqualTo(Side.SELL);
  }

  @Test
  void pricesAndQuantitiesAreExactPositiveAndCanonical() {
    assertThat(Price.of("32000.50").plain()).isEqualTo("32000.5");
    assertThat(Price.of("3.2E+4").plain()).isEqualTo("32000");
    assertThat(Quantity.of("0.010")).isEqualTo(Quantity.of("0.01"));
    assertThatThrownBy(() -> Quantity.of("0")).hasMessageContaining("greater than 0");
    assertThatThrownBy(() -> Price.of("-1")).hasMessageContaining("greater than 0");
  }

  @Test
  void listKindsKnowWhatBinanceReportsAndHowManyOrdersTheyAdd() {
    assertThat(ListKind.OTOCO.contingencyType()).isEqualTo("OTO");
    assertThat(ListKind.OPOCO.orderCount()).isEqualTo(3);
    assertThat(ListKind.OCO.hasEntry()).isFalse();
    assertThat(ListKind.OPO.paysFromFill()).isTrue();
  }
}
