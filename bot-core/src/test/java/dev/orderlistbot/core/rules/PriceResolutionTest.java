package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.abs;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.last;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.pctOfEntry;
import static dev.orderlistbot.core.rules.Given.pctOfLast;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.EntrySpec;
import dev.orderlistbot.core.command.StopLossSpec;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceResolutionTest {

  @Test
  void pricesRelativeToTheLastPriceRoundHalfUpToTheTick() {
    // 100.1 × 1.05 = 105.105 → 105.11 (half up); 100.1 × 0.95 = 95.095 → 95.1
    var request = (OrderListRequest.Oco) accepted(
        CHECK.check(oco(Side.SELL, qty("1"), tp(pctOfLast("5")), sl(pctOfLast("-5"))), FIXTURE, last("100.1"))).request();

    assertThat(request.pair().above().limitPrice()).contains(Price.of("105.11"));
    assertThat(request.pair().below().stopPrice()).contains(Price.of("95.1"));
  }

  @Test
  void relativePricesRoundToTheNearestTickInBothDirections() {
    // 30123.45 × 1.015 = 30575.30175 → 30575.3; 30123.45 × 0.975 = 29370.36375 → 29370.36
    var request = (OrderListRequest.Oco) accepted(CHECK.check(
        oco(Side.SELL, qty("0.01"), tp(pctOfLast("1.5")), sl(pctOfLast("-2.5"))), FIXTURE, last("30123.45"))).request();

    assertThat(request.pair().above().limitPrice()).contains(Price.of("30575.3"));
    assertThat(request.pair().below().stopPrice()).contains(Price.of("29370.36"));
  }

  @Test
  void exitsRelativeToTheEntryUseTheResolvedEntryPrice() {
    // entry -1% of 30000 = 29700; tp +4% of 29700 = 30888; sl -2% = 29106, limit -2.5% = 28957.5
    var command = otoco(Side.BUY, qty("0.01"), new EntrySpec(pctOfLast("-1"), false), tp(pctOfEntry("4")),
        new StopLossSpec.StopLimit(pctOfEntry("-2"), pctOfEntry("-2.5")));

    var request = (OrderListRequest.Otoco) accepted(check(command)).request();

    assertThat(request.working().price()).isEqualTo(Price.of("29700"));
    assertThat(request.pending().takeProfit().limitPrice()).contains(Price.of("30888"));
    assertThat(request.pending().stopLoss().stopPrice()).contains(Price.of("29106"));
    assertThat(request.pending().stopLoss().limitPrice()).contains(Price.of("28957.5"));
  }

  @Test
  void withoutATickSizeARelativePriceKeepsItsExactValue() {
    SymbolRules noTick = with(new PriceFilter(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));

    var request = (OrderListRequest.Oco) accepted(
        CHECK.check(oco(Side.SELL, qty("0.01"), tp(pctOfLast("1.5")), sl("29000")), noTick, last("30123.45"))).request();

    assertThat(request.pair().above().limitPrice()).contains(Price.of("30575.30175"));
  }

  @Test
  void refusesAnAbsolutePriceOffTheTickWithBothNeighbours() {
    var result = check(oco(Side.SELL, qty("0.01"), tp("32000.005"), sl("29000")));

    Violation violation = only(result, Rule.PRICE_TICK);
    assertThat(violation.message()).contains("32000.005 is not a multiple of the tick size 0.01: use 32000 or 32000.01");
    assertThat(violation.binanceCode()).hasValue(-1013);
  }

  @Test
  void refusesARelativePriceThatRoundsToZero() {
    // 0.01 × 0.4 = 0.004, which rounds to 0 at the tick 0.01
    var result = CHECK.check(oco(Side.SELL, qty("1000"), tp(abs("0.02")), sl(pctOfLast("-60"))), FIXTURE, last("0.01"));

    assertThat(refused(result)).extracting(Violation::rule).containsExactly(Rule.PRICE_ROUNDS_TO_ZERO);
    assertThat(refused(result).getFirst().message()).contains("-60%", "0.01");
  }
}
