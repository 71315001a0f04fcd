package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.PlaceLadder;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.command.TakeProfitSpec;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Take-profit ladders: one list per target sharing the stop, slices rounded down with the remainder last. */
class LadderCheckTest {
  private static final LadderCheck LADDER = new LadderCheck(CHECK);
  private static final List<TakeProfitSpec> THREE = List.of(tp("32000"), tp("33000"), tp("34000"));

  private static PlaceLadder ladder(PlaceOrderList first, Optional<List<Integer>> split, boolean be) {
    return new PlaceLadder(first, THREE, split, be);
  }

  private static LadderResult.Accepted accepted(LadderResult result) {
    assertThat(result).isInstanceOf(LadderResult.Accepted.class);
    return (LadderResult.Accepted) result;
  }

  private static List<Violation> refused(LadderResult result) {
    assertThat(result).isInstanceOf(LadderResult.Refused.class);
    return ((LadderResult.Refused) result).violations();
  }

  @Test
  void slicesAreRoundedDownToTheStepWithTheRemainderOnTheLastTarget() {
    Optional<BigDecimal> step = Optional.of(dec("0.00001"));
    assertThat(LadderCheck.slices(dec("0.03"), List.of(dec("50"), dec("30"), dec("20")), step))
        .containsExactly(dec("0.015"), dec("0.009"), dec("0.006"));
    assertThat(LadderCheck.slices(dec("0.01"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), step))
        .containsExactly(dec("0.00333"), dec("0.00333"), dec("0.00334"));
    assertThat(LadderCheck.slices(dec("0.00003"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), step))
        .as("equal shares of whole steps stay whole").containsExactly(dec("0.00001"), dec("0.00001"), dec("0.00001"));
    assertThat(LadderCheck.slices(dec("1"), List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE), Optional.empty()))
        .extracting(BigDecimal::stripTrailingZeros)
        .containsExactly(dec("0.333333333333333333333333333333"), dec("0.333333333333333333333333333333"),
            dec("0.333333333333333333333333333334"));
    assertThat(LadderCheck.slices(dec("0.00011"), List.of(dec("50"), dec("50")), step))
        .containsExactly(dec("0.00005"), dec("0.00006"));
  }

  @Test
  void anOcoLadderIsOneListPerTargetSharingTheStop() {
    LadderResult.Accepted plan = accepted(LADDER.check(
        ladder(oco(Side.SELL, qty("0.03"), tp("32000"), sl("29000", "28900")), Optional.of(List.of(50, 30, 20)), false),
        FIXTURE, Given.last("30000")));

    assertThat(plan.requests()).hasSize(3).allSatisfy(r -> assertThat(r).isInstanceOf(OrderListRequest.Oco.class));
    List<OrderListRequest.Oco> lists = plan.requests().stream().map(OrderListRequest.Oco.class::cast).toList();
    assertThat(lists).extracting(l -> l.quantity().value())
        .containsExactly(dec("0.015"), dec("0.009"), dec("0.006"));
    assertThat(lists).extracting(l -> l.pair().takeProfit().limitPrice().orElseThrow().value())
        .containsExactly(dec("32000"), dec("33000"), dec("34000"));
    assertThat(lists).extracting(l -> l.pair().stopLoss()).containsOnly(lists.get(0).pair().stopLoss());
    assertThat(plan.preview().total().value()).isEqualByComparingTo("0.03");
    assertThat(plan.preview().totalNotional()).isEqualByComparingTo("900"); // 0.03 × 30000
  }

  @Test
  void anOtocoLadderGivesEachTargetItsOwnEntrySliceSharedEqually() {
    LadderResult.Accepted plan = accepted(LADDER.check(
        ladder(otoco(Side.BUY, qty("0.01"), at("30000"), tp("32000"), sl("29000")), Optional.empty(), true),
        FIXTURE, Given.last("30000")));

    assertThat(plan.requests()).extracting(r -> ((OrderListRequest.Otoco) r).working().quantity().value())
        .containsExactly(dec("0.00333"), dec("0.00333"), dec("0.00334"));
    assertThat(plan.preview().breakeven()).isTrue();
    assertThat(plan.preview().lists()).extracting(p -> p.rewardToRisk().orElseThrow())
        .containsExactly(dec("2.00"), dec("3.00"), dec("4.00"));
  }

  @Test
  void aLadderSizedByRiskSplitsTheRiskSizedQuantity() {
    MarketSnapshot market = Given.last("30000").withRiskFacts(Optional.of(dec("0.001")), Optional.empty());
    LadderResult.Accepted plan = accepted(LADDER.check(
        ladder(otoco(Side.BUY, new QuantitySpec.RiskAmount(dec("50"), Optional.empty()), at("30000"), tp("32000"),
            sl("29000")), Optional.of(List.of(50, 30, 20)), false),
        FIXTURE, market));

    assertThat(plan.preview().total().value()).isEqualByComparingTo("0.04721");
    assertThat(plan.preview().risk().orElseThrow().moneyAtRisk()).isEqualByComparingTo("49.99539");
    assertThat(plan.requests()).extracting(r -> ((OrderListRequest.Otoco) r).working().quantity().value())
        .containsExactly(dec("0.0236"), dec("0.01416"), dec("0.00945"));
  }

  @Test
  void aSliceUnderTheMinimumNotionalIsRefusedNamingItsTarget() {
    List<Violation> violations = refused(LADDER.check(
        ladder(otoco(Side.BUY, qty("0.0005"), at("30000"), tp("32000"), sl("29000")), Optional.empty(), false),
        FIXTURE, Given.last("30000")));

    assertThat(violations).isNotEmpty().allSatisfy(v -> assertThat(v.message()).startsWith("Target "));
    assertThat(violations).extracting(Violation::rule).contains(Violation.Rule.NOTIONAL_MIN);
    assertThat(violations).anySatisfy(v -> assertThat(v.message()).startsWith("Target 1:"));
  }

  @Test
  void moreListsThanTheSymbolAllowsOpenAreRefusedAtTheFirstTargetOverTheLimit() {
    // 18 lists open, MAX_NUM_ORDER_LISTS 20: targets 1 and 2 fit, target 3 would be the 21st
    List<Violation> violations = refused(LADDER.check(
        ladder(oco(Side.SELL, qty("0.03"), tp("32000"), sl("29000", "28900")), Optional.empty(), false),
        FIXTURE, Given.withCounts("30000", 0, 18, 0)));

    assertThat(violations).extracting(Violation::rule).containsExactly(Violation.Rule.MAX_NUM_ORDER_LISTS);
    assertThat(violations.get(0).message()).startsWith("Target 3:");
  }

  @Test
  void thePreviewShowsTheOpenCountsAfterPlacementAgainstTheLimits() {
    LadderResult.Accepted plan = accepted(LADDER.check(
        ladder(oco(Side.SELL, qty("0.03"), tp("32000"), sl("29000", "28900")), Optional.empty(), false),
        FIXTURE, Given.withCounts("30000", 4, 2, 0)));

    assertThat(plan.preview().openListsAfter()).isEqualTo(OptionalInt.of(5));
    assertThat(plan.preview().maxLists()).contains(20);
    assertThat(plan.preview().openOrdersAfter()).isEqualTo(OptionalInt.of(10));
    assertThat(plan.preview().maxOrders()).contains(200);
  }

  @Test
  void targetsOutOfOrderOnceResolvedAreRefused() {
    PlaceLadder relative = new PlaceLadder(
        otoco(Side.BUY, qty("0.02"), at("30000"), tp(Given.pctOfEntry("5")), sl("29000")),
        List.of(tp(Given.pctOfEntry("5")), tp("31000")), Optional.empty(), false);

    assertThat(refused(LADDER.check(relative, FIXTURE, Given.last("30000"))))
        .extracting(Violation::rule)
        .containsExactly(Violation.Rule.TARGETS_OUT_OF_ORDER);
  }

  @Test
  void aRefusalOfTheWholeQuantityIsReportedOnce() {
    List<Violation> violations = refused(LADDER.check(
        ladder(otoco(Side.BUY, qty("0.000001"), at("30000"), tp("32000"), sl("29000")), Optional.empty(), false),
        FIXTURE, Given.last("30000")));
    assertThat(violations).noneMatch(v -> v.message().startsWith("Target"));
  }
}
