package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.oto;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.with;
import static dev.orderlistbot.core.rules.Given.last;
import static dev.orderlistbot.core.rules.Given.withBand;
import static dev.orderlistbot.core.rules.Given.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPrice;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPriceBySide;
import dev.orderlistbot.core.rules.Violation.Rule;
import org.junit.jupiter.api.Test;

class PercentPriceCheckTest {
  private static final SymbolRules NARROW = with(new PercentPriceBySide(dec("1.1"), dec("0.9"), dec("1.2"), dec("0.8")));

  @Test
  void aSellLimitAboveTheAskBandIsRefusedWithTheBandEdge() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("150000.01"), sl("29000"))), Rule.PERCENT_PRICE_BY_SIDE);

    assertThat(violation.message())
        .contains("150000.01 is too far from the last price 30000", "SELL prices", "use at most 150000");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("150000"), sl("29000"))));
  }

  @Test
  void aBuyLimitIsHeldToTheBidMultipliers() {
    var violation = only(check(oto(Side.BUY, qty("0.01"), at("26999.99"), tp("32000")), NARROW), Rule.PERCENT_PRICE_BY_SIDE);

    assertThat(violation.message()).contains("entry price 26999.99", "BUY prices may go down to 27000", "use at least 27000");
    accepted(check(oto(Side.BUY, qty("0.01"), at("27000"), tp("32000")), NARROW));
  }

  @Test
  void theSameSellPriceUsesTheAskBand() {
    // 35000 is above the bid band (33000) but inside the ask band (36000)
    accepted(check(oco(Side.SELL, qty("0.01"), tp("35000"), sl("29000")), NARROW));
    only(check(oco(Side.SELL, qty("0.01"), tp("36000.01"), sl("29000")), NARROW), Rule.PERCENT_PRICE_BY_SIDE);
  }

  @Test
  void theBandIsBuiltAroundTheReferencePriceWhenThereIsOne() {
    var band = BandReference.referencePrice(Price.of("20000"));
    var violation = only(CHECK.check(oto(Side.BUY, qty("0.01"), at("25000"), sl("24000")), NARROW, withBand("30000", band)),
        Rule.PERCENT_PRICE_BY_SIDE);

    assertThat(violation.message()).contains("too far from the reference price 20000", "use at most 22000");
  }

  @Test
  void aStopLimitPriceInsideTheBandAroundTheAverageIsAcceptedWhenTheLastPriceHasRunAway() {
    // a spike: the last trade is 40000, the 5-minute average still 30000; SELL prices may go from 0.8x to 1.5x
    SymbolRules rules = with(new PercentPriceBySide(dec("1.1"), dec("0.9"), dec("1.5"), dec("0.8")));
    var spike = oco(Side.SELL, qty("0.01"), tp("42000"), sl("31000", "30900"));

    accepted(CHECK.check(spike, rules, withBand("40000", BandReference.averagePrice(Price.of("30000"), 5))));
    assertThat(only(CHECK.check(spike, rules, last("40000")), Rule.PERCENT_PRICE_BY_SIDE).message())
        .contains("stop-loss limit price 30900 is too far from the last price 40000", "use at least 32000");
  }

  @Test
  void theRefusalNamesTheAveragePriceTheBandIsBuiltAround() {
    var average = withBand("30000", BandReference.averagePrice(Price.of("20000"), 5));

    var violation = only(CHECK.check(oto(Side.BUY, qty("0.01"), at("25000"), sl("24000")), NARROW, average),
        Rule.PERCENT_PRICE_BY_SIDE);

    assertThat(violation.message()).isEqualTo("The entry price 25000 is too far from the 5-minute average price 20000, "
        + "which the exchange builds its price band around: BUY prices may go up to 22000 right now, so use at most 22000.");
  }

  @Test
  void theStopLossLimitPriceIsCheckedButNotItsTrigger() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("24001", "23999.99")), NARROW),
        Rule.PERCENT_PRICE_BY_SIDE);

    assertThat(violation.message()).contains("stop-loss limit price 23999.99", "use at least 24000");
  }

  @Test
  void percentPriceAppliesTheSameBandToBothSides() {
    SymbolRules plain = with(without(PercentPriceBySide.class), new PercentPrice(dec("1.5"), dec("0.5")));

    var result = check(oco(Side.SELL, qty("0.01"), tp("45000.01"), sl("16000", "14999.99")), plain);

    assertThat(refused(result)).extracting(Violation::rule).containsExactly(Rule.PERCENT_PRICE, Rule.PERCENT_PRICE);
    assertThat(refused(result)).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("use at most 45000"));
    assertThat(refused(result)).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("use at least 15000"));
    accepted(check(oco(Side.SELL, qty("0.01"), tp("45000"), sl("16000", "15000")), plain));
  }
}
