package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.LegRole;
import static dev.orderlistbot.core.rules.Given.BTC;
import static dev.orderlistbot.core.rules.Given.BTCUSDT;
import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.USDT;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.last;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.oto;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.trail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewTest {

  @Test
  void theBriefsSellOcoPreviewsNotionalDistancesAndRewardToRisk() {
    Preview preview = accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000", "28900")))).preview();

    assertThat(preview).isEqualTo(new Preview(
        ListKind.OCO, BTCUSDT, Side.SELL, Quantity.of("0.01"), BTC, USDT,
        List.of(
            new PreviewLeg(LegRole.TAKE_PROFIT, Side.SELL, OrderType.LIMIT_MAKER, Optional.of(Price.of("32000")),
                Optional.empty(), Optional.empty(), Optional.of(dec("6.67"))),
            new PreviewLeg(LegRole.STOP_LOSS, Side.SELL, OrderType.STOP_LOSS_LIMIT, Optional.of(Price.of("28900")),
                Optional.of(Price.of("29000")), Optional.empty(), Optional.of(dec("-3.33")))),
        dec("300"),
        Price.of("30000"),
        Optional.empty(),
        Optional.of(dec("1.82"))));
  }

  @Test
  void anEntryListIsValuedAtItsEntryAndMeasuredFromIt() {
    Preview preview = accepted(CHECK.check(otoco(Side.BUY, qty("0.01"), at("30000"), tp("32000"), sl("29000", "28900")), FIXTURE, last("31000"))).preview();

    assertThat(preview.notional()).isEqualTo(dec("300"));
    assertThat(preview.legs()).extracting(PreviewLeg::role).containsExactly(LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);
    assertThat(preview.legs()).extracting(PreviewLeg::side).containsExactly(Side.BUY, Side.SELL, Side.SELL);
    // distances from the last price 31000: 30000 → -3.23%, 32000 → +3.23%, trigger 29000 → -6.45%
    assertThat(preview.legs()).extracting(PreviewLeg::distanceFromLastPercent)
        .containsExactly(Optional.of(dec("-3.23")), Optional.of(dec("3.23")), Optional.of(dec("-6.45")));
    // reward 32000 − 30000 = 2000; risk 30000 − 28900 = 1100
    assertThat(preview.rewardToRisk()).contains(dec("1.82"));
    assertThat(preview.lastPrice()).isEqualTo(Price.of("31000"));
  }

  @Test
  void aTrailingStopRisksItsDeltaAndHasNoDistanceYet() {
    Preview preview = accepted(check(oco(Side.SELL, qty("0.01"), tp("33000"), trail(500)))).preview();

    // reward 3000; risk 30000 × 5% = 1500
    assertThat(preview.rewardToRisk()).contains(dec("2.00"));
    PreviewLeg stop = preview.legs().get(1);
    assertThat(stop.trailingDelta()).contains(new TrailingDelta(500));
    assertThat(stop.distanceFromLastPercent()).isEmpty();
  }

  @Test
  void aBuyOcoRewardUsesTheStopLimitPriceAsTheWorstFill() {
    Preview preview = accepted(check(oco(Side.BUY, qty("0.01"), tp("27000"), sl("31000", "31500")))).preview();

    // reward 30000 − 27000 = 3000; risk 31500 − 30000 = 1500
    assertThat(preview.rewardToRisk()).contains(dec("2.00"));
    assertThat(preview.legs()).extracting(PreviewLeg::distanceFromLastPercent)
        .containsExactly(Optional.of(dec("-10.00")), Optional.of(dec("3.33")));
  }

  @Test
  void aSingleExitHasNoRewardToRisk() {
    Preview preview = accepted(check(oto(Side.BUY, qty("0.01"), at("30000"), tp("32000")))).preview();

    assertThat(preview.rewardToRisk()).isEmpty();
    assertThat(preview.legs().getFirst().distanceFromLastPercent()).contains(dec("0.00"));
  }
}
