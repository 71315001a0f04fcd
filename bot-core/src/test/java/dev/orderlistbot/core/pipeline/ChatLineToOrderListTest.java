package dev.orderlistbot.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.command.ParseResult;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PendingOrder;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import dev.orderlistbot.core.rules.CheckResult;
import dev.orderlistbot.core.rules.MarketSnapshot;
import dev.orderlistbot.core.rules.OpenCounts;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.Violation;
import dev.orderlistbot.testing.BinanceBtcUsdt;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole foundation in one pass: a chat line, parsed and checked against the BTCUSDT fixture at
 * a last price of 30500, becomes the exact order list Binance will receive, or a clear refusal.
 */
class ChatLineToOrderListTest {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Price LAST = Price.of("30500");
  private static final SymbolRules RULES = BinanceBtcUsdt.RULES;

  private final CommandParser parser = new CommandParser(Optional.of("OrderListBot"));
  private final PreTradeCheck check = new PreTradeCheck();
  private final MarketSnapshot market =
      new MarketSnapshot(
          LAST,
          Optional.empty(),
          Optional.of(Map.of(Asset.of("BTC"), new BigDecimal("0.5"), Asset.of("USDT"), new BigDecimal("20000"))),
          OpenCounts.of(0, 0, 0),
          OpenCounts.of(0, 0, 0));


  @Test
  void theBriefsExampleBecomesASellOcoWithALimitMakerAboveAndAStopLimitBelow() {
    OrderListRequest request = accepted("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");

    assertThat(request)
        .isEqualTo(
            new OrderListRequest.Oco(
                BTCUSDT,
                Quantity.of("0.01"),
                new OcoPair(
                    Side.SELL,
                    new Leg.LimitMaker(Price.of("32000")),
                    new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC))));
  }

  @Test
  void aBuyOcoSwapsTheLegsAndIsAddressedToTheBotInAGroup() {
    OrderListRequest request = accepted("/OCO@OrderListBot  btcusdt  B 0.01  sl 31000  tp 29000");

    assertThat(request)
        .isEqualTo(
            new OrderListRequest.Oco(
                BTCUSDT,
                Quantity.of("0.01"),
                new OcoPair(
                    Side.BUY, new Leg.StopLoss(Trigger.at(Price.of("31000"))), new Leg.LimitMaker(Price.of("29000")))));
  }

  @Test
  void anOtoPlacesItsExitOnTheOppositeSideWithTheSameQuantity() {
    OrderListRequest request = accepted("/oto BTCUSDT buy 0.01 @ 30000 tp +5%");

    assertThat(request)
        .isEqualTo(
            new OrderListRequest.Oto(
                BTCUSDT,
                new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC)),
                new PendingOrder(Side.SELL, Quantity.of("0.01"), new Leg.LimitMaker(Price.of("31500")))));
  }

  @Test
  void anOtocoPendsAnOcoOnTheOppositeSide() {
    OrderListRequest request = accepted("/otoco BTCUSDT buy 0.01 @30000 tp 32000 sl 29000/28900");

    assertThat(request)
        .isEqualTo(
            new OrderListRequest.Otoco(
                BTCUSDT,
                new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC)),
                Quantity.of("0.01"),
                new OcoPair(
                    Side.SELL,
                    new Leg.LimitMaker(Price.of("32000")),
                    new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC))));
  }

  @Test
  void anOpoSellsWhatTheMakerEntryBought() {
    OrderListRequest request = accepted("/opo BTCUSDT buy 0.01 @ maker 30000 sl 29000");

    assertThat(request)
        .isEqualTo(
            new OrderListRequest.Opo(
                BTCUSDT,
                new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.LimitMaker(Price.of("30000"))),
                new Leg.StopLoss(Trigger.at(Price.of("29000")))));
  }

  @Test
  void anOpocoBuysWithAQuoteAmountRoundedDownToTheStep() {
    OrderListRequest request = accepted("/opoco BTCUSDT buy 100 usdt @ 30000 tp +4% sl -3%");

    assertThat(request)
        .isEqualTo(
            new OrderListRequest.Opoco(
                BTCUSDT,
                new WorkingOrder(Side.BUY, Quantity.of("0.00333"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC)),
                new OcoPair(
                    Side.SELL,
                    new Leg.LimitMaker(Price.of("31200")),
                    new Leg.StopLoss(Trigger.at(Price.of("29100"))))));
  }

  @Test
  void aSellOcoWhoseTakeProfitIsBelowTheMarketIsRefusedWithBinancesCode() {
    ParseResult parsed = parser.parse("/oco BTCUSDT sell 0.01 tp 30000 sl 29000");
    CheckResult result = check.check(command(parsed), RULES, market);

    assertThat(result).isInstanceOf(CheckResult.Refused.class);
    Violation violation = ((CheckResult.Refused) result).violations().get(0);
    assertThat(violation.binanceCode()).hasValue(-1166);
    assertThat(violation.message()).contains("30000").contains("30500");
  }

  @Test
  void anOffTickPriceIsRefusedWithBothNeighbours() {
    CheckResult result = check.check(command(parser.parse("/oco BTCUSDT sell 0.01 tp 32000.005 sl 29000")), RULES, market);

    assertThat(((CheckResult.Refused) result).violations())
        .anySatisfy(v -> assertThat(v.message()).contains("32000.005").contains("32000").contains("32000.01"));
  }

  private OrderListRequest accepted(String line) {
    CheckResult result = check.check(command(parser.parse(line)), RULES, market);
    assertThat(result).as(line).isInstanceOf(CheckResult.Accepted.class);
    return ((CheckResult.Accepted) result).request();
  }

  private static PlaceOrderList command(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return (PlaceOrderList) ((ParseResult.Parsed) result).command();
  }
}
