package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.PriceSpec.Absolute;
import dev.orderlistbot.core.command.PriceSpec.RelativeToEntry;
import dev.orderlistbot.core.command.PriceSpec.RelativeToLast;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The five order-list commands, buy and sell, with every take-profit and stop-loss form. */
class OrderListCommandsTest {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final QuantitySpec ONE_HUNDREDTH = new QuantitySpec.BaseAmount(new BigDecimal("0.01"));

  static PriceSpec at(String price) {
    return new Absolute(Price.of(price));
  }

  static PriceSpec last(String percent) {
    return new RelativeToLast(new BigDecimal(percent));
  }

  static PriceSpec entry(String percent) {
    return new RelativeToEntry(new BigDecimal(percent));
  }

  static PlaceOrderList list(
      ListKind kind, Side side, Optional<EntrySpec> entry, TakeProfitSpec tp, StopLossSpec sl) {
    return new PlaceOrderList(
        kind, BTCUSDT, side, ONE_HUNDREDTH, entry, Optional.ofNullable(tp), Optional.ofNullable(sl));
  }

  @Test
  void readsTheOcoExampleOfTheIssueExactly() {
    assertThat(parsed("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900"))
        .isEqualTo(
            list(
                ListKind.OCO,
                Side.SELL,
                Optional.empty(),
                new TakeProfitSpec.AtLimit(at("32000")),
                new StopLossSpec.StopLimit(at("29000"), at("28900"))));
  }

  static Stream<Arguments> everyKindBuyingAndSelling() {
    EntrySpec at30000 = new EntrySpec(at("30000"), false);
    var tp = new TakeProfitSpec.AtLimit(at("32000"));
    var sl = new StopLossSpec.AtStop(at("29000"));
    var buyTp = new TakeProfitSpec.AtLimit(at("28000"));
    var buySl = new StopLossSpec.AtStop(at("31000"));
    return Stream.of(
        Arguments.of("/oco BTCUSDT sell 0.01 tp 32000 sl 29000", list(ListKind.OCO, Side.SELL, Optional.empty(), tp, sl)),
        Arguments.of("/oco BTCUSDT buy 0.01 tp 28000 sl 31000", list(ListKind.OCO, Side.BUY, Optional.empty(), buyTp, buySl)),
        Arguments.of("/oto BTCUSDT buy 0.01 @ 30000 tp 32000", list(ListKind.OTO, Side.BUY, Optional.of(at30000), tp, null)),
        Arguments.of("/oto BTCUSDT buy 0.01 @ 30000 sl 29000", list(ListKind.OTO, Side.BUY, Optional.of(at30000), null, sl)),
        Arguments.of("/oto BTCUSDT sell 0.01 @ 30000 tp 28000", list(ListKind.OTO, Side.SELL, Optional.of(at30000), buyTp, null)),
        Arguments.of("/oto BTCUSDT sell 0.01 @ 30000 sl 31000", list(ListKind.OTO, Side.SELL, Optional.of(at30000), null, buySl)),
        Arguments.of("/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000", list(ListKind.OTOCO, Side.BUY, Optional.of(at30000), tp, sl)),
        Arguments.of("/otoco BTCUSDT sell 0.01 @ 30000 tp 28000 sl 31000", list(ListKind.OTOCO, Side.SELL, Optional.of(at30000), buyTp, buySl)),
        Arguments.of("/opo BTCUSDT buy 0.01 @ 30000 tp 32000", list(ListKind.OPO, Side.BUY, Optional.of(at30000), tp, null)),
        Arguments.of("/opo BTCUSDT buy 0.01 @ 30000 sl 29000", list(ListKind.OPO, Side.BUY, Optional.of(at30000), null, sl)),
        Arguments.of("/opoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000", list(ListKind.OPOCO, Side.BUY, Optional.of(at30000), tp, sl)),
        Arguments.of("/opoco BTCUSDT b 0.01 @ 30000 sl 29000 tp 32000", list(ListKind.OPOCO, Side.BUY, Optional.of(at30000), tp, sl)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKindBuyingAndSelling")
  void readsEveryKindBuyingAndSelling(String line, PlaceOrderList expected) {
    assertThat(parsed(line)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900",
        "/oco BTCUSDT sell 0.01 sl 29000/28900 tp 32000",
        "/oco BTCUSDT s 0.01 sl 29000/28900 tp 32000",
        "/oco BTCUSDT SELL 0.01 SL 29000/28900 TP 32000"
      })
  void acceptsTakeProfitAndStopLossInEitherOrder(String line) {
    assertThat(parsed(line)).isEqualTo(parsed("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900"));
  }

  static Stream<Arguments> takeProfitForms() {
    return Stream.of(
        Arguments.of("tp 32000", new TakeProfitSpec.AtLimit(at("32000"))),
        Arguments.of("tp 32000.5", new TakeProfitSpec.AtLimit(at("32000.5"))),
        Arguments.of("tp 32100/32000", new TakeProfitSpec.StopLimit(at("32100"), at("32000"))),
        Arguments.of("tp 32100 / 32000", new TakeProfitSpec.StopLimit(at("32100"), at("32000"))),
        Arguments.of("tp +5%", new TakeProfitSpec.AtLimit(last("5"))),
        Arguments.of("tp +5%/+4.9%", new TakeProfitSpec.StopLimit(last("5"), last("4.9"))),
        Arguments.of("tp32000", new TakeProfitSpec.AtLimit(at("32000"))),
        Arguments.of("tp:32000", new TakeProfitSpec.AtLimit(at("32000"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("takeProfitForms")
  void readsEveryTakeProfitForm(String takeProfit, TakeProfitSpec expected) {
    PlaceOrderList list = (PlaceOrderList) parsed("/oco BTCUSDT sell 0.01 " + takeProfit + " sl 29000");
    assertThat(list.takeProfit()).contains(expected);
  }

  static Stream<Arguments> stopLossForms() {
    return Stream.of(
        Arguments.of("sl 29000", new StopLossSpec.AtStop(at("29000"))),
        Arguments.of("sl 29000/28900", new StopLossSpec.StopLimit(at("29000"), at("28900"))),
        Arguments.of("sl 29000 / 28900", new StopLossSpec.StopLimit(at("29000"), at("28900"))),
        Arguments.of("sl 29000/ 28900", new StopLossSpec.StopLimit(at("29000"), at("28900"))),
        Arguments.of("sl 29000 /28900", new StopLossSpec.StopLimit(at("29000"), at("28900"))),
        Arguments.of("sl29000/28900", new StopLossSpec.StopLimit(at("29000"), at("28900"))),
        Arguments.of("sl -2%", new StopLossSpec.AtStop(last("-2"))),
        Arguments.of("sl -2%/-2.1%", new StopLossSpec.StopLimit(last("-2"), last("-2.1"))),
        Arguments.of("sl trail 1%", new StopLossSpec.Trailing(new TrailingDelta(100))),
        Arguments.of("sl trail 1.25%", new StopLossSpec.Trailing(new TrailingDelta(125))),
        Arguments.of("sl trail 0.01%", new StopLossSpec.Trailing(new TrailingDelta(1))),
        Arguments.of("sl trail 100%", new StopLossSpec.Trailing(new TrailingDelta(10_000))),
        Arguments.of("sl trail1%", new StopLossSpec.Trailing(new TrailingDelta(100))),
        Arguments.of("SL TRAIL 2.5%", new StopLossSpec.Trailing(new TrailingDelta(250))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stopLossForms")
  void readsEveryStopLossForm(String stopLoss, StopLossSpec expected) {
    PlaceOrderList list = (PlaceOrderList) parsed("/oco BTCUSDT sell 0.01 tp 32000 " + stopLoss);
    assertThat(list.stopLoss()).contains(expected);
  }

  @Test
  void readsRelativeExitsOfAnOcoAgainstTheLastPrice() {
    PlaceOrderList list = (PlaceOrderList) parsed("/oco BTCUSDT sell 0.01 tp +5% sl -2.5%");
    assertThat(list.takeProfit()).contains(new TakeProfitSpec.AtLimit(last("5")));
    assertThat(list.stopLoss()).contains(new StopLossSpec.AtStop(last("-2.5")));
  }

  @Test
  void readsRelativeExitsAfterAnEntryAgainstTheEntryAndTheEntryAgainstTheLastPrice() {
    PlaceOrderList list = (PlaceOrderList) parsed("/otoco BTCUSDT buy 0.01 @ -1% tp +4% sl -2%/-2.2%");
    assertThat(list.entry()).contains(new EntrySpec(last("-1"), false));
    assertThat(list.takeProfit()).contains(new TakeProfitSpec.AtLimit(entry("4")));
    assertThat(list.stopLoss()).contains(new StopLossSpec.StopLimit(entry("-2"), entry("-2.2")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/oto BTCUSDT buy 0.01 @ 30000 tp 32000",
        "/oto BTCUSDT buy 0.01 @30000 tp 32000",
        "/oto BTCUSDT buy 0.01@30000 tp 32000",
        "/oto BTCUSDT buy 0.01 tp 32000 @ 30000",
        "/OTO btcusdt BUY 0.01 @ 30000 TP 32000",
        "  /oto\tBTCUSDT\n buy   0.01\u00A0@\u2009 30000\r\n tp 32000  "
      })
  void forgivesCaseSpacingAndAGluedEntrySign(String line) {
    PlaceOrderList list = (PlaceOrderList) parsed(line);
    assertThat(list.entry()).contains(new EntrySpec(at("30000"), false));
    assertThat(list.takeProfit()).contains(new TakeProfitSpec.AtLimit(at("32000")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"@ maker 30000", "@maker 30000", "@ maker30000", "@maker30000", "@ MAKER 30000"})
  void readsAMakerEntryInEveryGluedForm(String entry) {
    PlaceOrderList list = (PlaceOrderList) parsed("/oto BTCUSDT buy 0.01 " + entry + " tp +4%");
    assertThat(list.entry()).contains(new EntrySpec(at("30000"), true));
  }

  @Test
  void readsTheBotNameSuffixOfTelegramGroups() {
    assertThat(parsed("/otoco@OrderListBot BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000"))
        .isEqualTo(parsed("/otoco BTCUSDT buy 0.01 @ 30000 tp 32000 sl 29000"));
  }

  @Test
  void refusesSellingWithAnOpoAndExplainsWhy() {
    for (String line :
        new String[] {"/opo BTCUSDT sell 0.01 @ 30000 tp 28000", "/opoco BTCUSDT s 0.01 @ 30000 tp 28000 sl 31000"}) {
      String side = line.split(" ", -1)[2];
      ParseError error = refusedNaming(line, side);
      assertThat(error.message()).contains("BUY entry and SELL exits");
    }
  }
}
