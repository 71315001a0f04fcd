package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedMissing;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sizing by risk ({@code risk 50usdt}, {@code risk 1%}) and take-profit ladders ({@code tp A B C split ... be}). */
class RiskAndLadderFormsTest {

  static Stream<Arguments> risks() {
    return Stream.of(
        Arguments.of("risk 50usdt", new QuantitySpec.RiskAmount(new BigDecimal("50"), Optional.of(Asset.of("USDT")))),
        Arguments.of("risk 50 usdt", new QuantitySpec.RiskAmount(new BigDecimal("50"), Optional.of(Asset.of("USDT")))),
        Arguments.of("risk 50", new QuantitySpec.RiskAmount(new BigDecimal("50"), Optional.empty())),
        Arguments.of("RISK 12.5", new QuantitySpec.RiskAmount(new BigDecimal("12.5"), Optional.empty())),
        Arguments.of("risk $50", new QuantitySpec.RiskUsd(new BigDecimal("50"))),
        Arguments.of("risk 50$", new QuantitySpec.RiskUsd(new BigDecimal("50"))),
        Arguments.of("risk 1%", new QuantitySpec.RiskShare(new BigDecimal("1"))),
        Arguments.of("risk 0.5%", new QuantitySpec.RiskShare(new BigDecimal("0.5"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("risks")
  void readsEveryRiskFormInPlaceOfTheQuantity(String risk, QuantitySpec expected) {
    PlaceOrderList list = (PlaceOrderList) parsed("/otoco BTCUSDT buy " + risk + " @ 30000 tp 32000 sl 29000");
    assertThat(list.quantity()).isEqualTo(expected);
    assertThat(list.quantity().sizesByRisk()).isTrue();
  }

  @Test
  void riskWorksOnAnOcoAndOnAnOtoWithAStop() {
    assertThat(((PlaceOrderList) parsed("/oco BTCUSDT sell risk 20 tp 32000 sl 29000")).quantity().sizesByRisk()).isTrue();
    assertThat(((PlaceOrderList) parsed("/oto BTCUSDT buy risk 1% @ 30000 sl trail 2%")).quantity().sizesByRisk()).isTrue();
  }

  @Test
  void riskWithoutAStopIsRefusedWithAnExampleThatHasOne() {
    ParseError error = Lines.refused("/oto BTCUSDT buy risk 50 @ 30000 tp 32000");
    assertThat(error.message()).contains("needs a stop-loss").contains("sl 29000");
    assertThat(Lines.PARSER.parse("/oto BTCUSDT buy risk 50usdt @ 30000 sl 29000")).isInstanceOf(ParseResult.Parsed.class);
  }

  @Test
  void aMissingOrMalformedRiskIsNamed() {
    assertThat(refusedMissing("/oco BTCUSDT sell risk tp 32000 sl 29000").message()).contains("risk 50usdt");
    assertThat(refusedNaming("/oco BTCUSDT sell risk 150% tp 32000 sl 29000", "150%").message()).contains("at most");
    assertThat(refusedNaming("/oco BTCUSDT sell risk 0% tp 32000 sl 29000", "0%").message()).contains("greater than 0");
    assertThat(refusedNaming("/oco BTCUSDT sell risk abc tp 32000 sl 29000", "abc").message()).contains("not a quantity");
    assertThat(refusedNaming("/oco BTCUSDT sell risk 50eth tp 32000 sl 29000", "50eth").message())
        .contains("not the quote asset");
  }

  @Test
  void targetsSeparatedBySpacesOrCommasMakeALadder() {
    PlaceLadder spaced = (PlaceLadder) parsed("/oco BTCUSDT sell 0.03 tp 32000 33000 34000 sl 29000");
    PlaceLadder commas = (PlaceLadder) parsed("/oco BTCUSDT sell 0.03 tp 32000,33000,34000 sl 29000");
    assertThat(spaced).isEqualTo(commas);
    assertThat(spaced.targets())
        .containsExactly(target("32000"), target("33000"), target("34000"));
    assertThat(spaced.first().takeProfit()).contains(target("32000"));
    assertThat(spaced.split()).isEmpty();
    assertThat(spaced.breakeven()).isFalse();
  }

  @Test
  void aLadderTakesASplitAndBreakevenInAnyOrder() {
    PlaceLadder ladder =
        (PlaceLadder) parsed("/otoco BTCUSDT buy 0.03 @ 30000 tp 32000 33000 34000 split 50/30/20 sl 29000 be");
    assertThat(ladder.split()).contains(List.of(50, 30, 20));
    assertThat(ladder.breakeven()).isTrue();
    PlaceLadder spaced = (PlaceLadder) parsed("/opoco BTCUSDT buy risk 1% @ 30000 be sl 29000 split 60 / 40 tp 31000 32000");
    assertThat(spaced.split()).contains(List.of(60, 40));
    assertThat(spaced.first().quantity()).isEqualTo(new QuantitySpec.RiskShare(BigDecimal.ONE));
  }

  @Test
  void aThousandsSeparatorIsStillOneNumberAndNotALadder() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.01 tp 32,000 sl 29000", "32,000").message()).contains("32000");
  }

  @Test
  void aSplitThatDoesNotAddUpTo100IsRefused() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 33000 34000 split 50/30/30 sl 29000", "50/30/30").message())
        .contains("adds up to 110%");
  }

  @Test
  void aSplitWithAnotherCountThanTheTargetsIsRefused() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 33000 34000 split 50/50 sl 29000", "50/50").message())
        .contains("2 shares for 3 targets");
  }

  @Test
  void aSplitOfOneTargetIsRefused() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 split 100 sl 29000", "100").message())
        .contains("several targets");
  }

  @Test
  void aMalformedOrMissingSplitIsRefused() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 33000 split 50/x sl 29000", "50/x").message())
        .contains("whole percentages");
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 33000 split 50.5/49.5 sl 29000", "50.5/49.5").message())
        .contains("whole percentages");
    assertThat(refusedMissing("/oco BTCUSDT sell 0.03 tp 32000 33000 sl 29000 split").message()).contains("split 50/30/20");
  }

  @Test
  void breakevenWithOneTargetIsRefused() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 sl 29000 be", "be").message()).contains("several targets");
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 33000 sl 29000 be", "be").message())
        .contains("an OCO has no entry")
        .contains("/otoco BTCUSDT buy 0.02 @ 30000 tp 32000 33000 sl 29000 be");
  }

  @Test
  void breakevenOrALadderWithoutAStopIsRefused() {
    assertThat(refusedNaming("/oto BTCUSDT buy 0.03 @ 30000 tp 32000 be", "be").message()).contains("add sl STOP");
    assertThat(refusedNaming("/oto BTCUSDT buy 0.03 @ 30000 tp 32000 33000", "33000").message()).contains("/otoco");
  }

  @Test
  void targetsOutOfOrderAreRefused() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 33000 32000 sl 29000", "32000").message())
        .contains("is not above '33000'");
    assertThat(refusedNaming("/otoco BTCUSDT sell 0.03 @ 30000 tp 28000 29000 sl 31000", "29000").message())
        .contains("is not below '28000'");
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 32000 sl 29000", "32000").message()).contains("not above");
  }

  @Test
  void aTargetOnTheWrongSideIsRefused() {
    assertThat(refusedNaming("/otoco BTCUSDT buy 0.03 @ 30000 tp 31000 29500 sl 29000", "29500").message())
        .contains("above the entry price");
  }

  @Test
  void aDuplicateSplitOrBreakevenIsRefused() {
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 33000 sl 29000 be be", "be").message()).contains("twice");
    assertThat(refusedNaming("/oco BTCUSDT sell 0.03 tp 32000 33000 split 50/50 split 50/50 sl 29000", "split").message())
        .contains("twice");
  }

  private static TakeProfitSpec target(String price) {
    return new TakeProfitSpec.AtLimit(new PriceSpec.Absolute(Price.of(price)));
  }
}
