package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.withCounts;
import static dev.orderlistbot.core.rules.Given.withCountsOnExchange;
import static dev.orderlistbot.core.rules.Given.withExchangeFilters;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.ExchangeFilter.ExchangeMaxNumAlgoOrders;
import dev.orderlistbot.core.rules.ExchangeFilter.ExchangeMaxNumOrderLists;
import dev.orderlistbot.core.rules.ExchangeFilter.ExchangeMaxNumOrders;
import dev.orderlistbot.core.rules.Violation.Rule;
import org.junit.jupiter.api.Test;

/** BTCUSDT allows 200 open orders, 20 open lists and 5 open stop/take-profit orders. */
class CountCheckTest {
  private static final PlaceOrderList OCO = oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000", "28900"));

  @Test
  void anOcoFitsExactlyUpToTheOpenOrderLimit() {
    accepted(CHECK.check(OCO, FIXTURE, withCounts("30000", 198, 0, 0)));
  }

  @Test
  void refusesAnOcoThatWouldExceedTheOpenOrderLimit() {
    var violation = only(CHECK.check(OCO, FIXTURE, withCounts("30000", 199, 0, 0)), Rule.MAX_NUM_ORDERS);

    assertThat(violation.message()).contains("199 open orders", "adds 2", "limit of 200", "cancel at least 1");
  }

  @Test
  void anOtocoCountsThreeOrders() {
    var otoco = otoco(Side.BUY, qty("0.01"), at("30000"), tp("32000"), sl("29000"));

    accepted(CHECK.check(otoco, FIXTURE, withCounts("30000", 197, 0, 0)));
    assertThat(only(CHECK.check(otoco, FIXTURE, withCounts("30000", 198, 0, 0)),
        Rule.MAX_NUM_ORDERS).message()).contains("adds 3");
  }

  @Test
  void everyListCountsOneAgainstTheOpenListLimit() {
    accepted(CHECK.check(OCO, FIXTURE, withCounts("30000", 0, 19, 0)));
    assertThat(only(CHECK.check(OCO, FIXTURE, withCounts("30000", 0, 20, 0)), Rule.MAX_NUM_ORDER_LISTS).message())
        .contains("20 open order lists", "at most 20 per pair", "cancel at least 1");
  }

  @Test
  void onlyTriggeredLegsCountAgainstTheAlgoOrderLimit() {
    accepted(CHECK.check(OCO, FIXTURE, withCounts("30000", 0, 0, 4)));
    only(CHECK.check(OCO, FIXTURE, withCounts("30000", 0, 0, 5)), Rule.MAX_NUM_ALGO_ORDERS);

    var twoAlgo = oco(Side.SELL, qty("0.01"), tp("32000", "31990"), sl("29000", "28900"));
    accepted(CHECK.check(twoAlgo, FIXTURE, withCounts("30000", 0, 0, 3)));
    assertThat(only(CHECK.check(twoAlgo, FIXTURE, withCounts("30000", 0, 0, 4)), Rule.MAX_NUM_ALGO_ORDERS).message())
        .contains("adds 2", "cancel at least 1");
  }

  @Test
  void theOpenListRefusalSaysTheLimitAndHowManyToCancelEvenWhenAlreadyOverIt() {
    var violation = only(CHECK.check(OCO, FIXTURE, withCounts("30000", 0, 22, 0)), Rule.MAX_NUM_ORDER_LISTS);

    assertThat(violation.message()).isEqualTo("You have 22 open order lists on BTCUSDT and the exchange allows at most 20 per "
        + "pair: cancel at least 3 of them before placing this one.");
  }

  @Test
  void theOpenOrderRefusalNamesTheNumbersInAWholeSentence() {
    var violation = only(CHECK.check(OCO, FIXTURE, withCounts("30000", 199, 0, 0)), Rule.MAX_NUM_ORDERS);

    assertThat(violation.message()).isEqualTo("You have 199 open orders on BTCUSDT and this OCO adds 2, over the exchange's "
        + "limit of 200 per pair: cancel at least 1 open order on BTCUSDT first.");
    assertThat(violation.binanceCode()).hasValue(-1013);
  }

  @Test
  void theAccountWideLimitsCountOpenOrdersListsAndWaitingStopsOnEveryPair() {
    var rules = withExchangeFilters(
        new ExchangeMaxNumOrders(1000), new ExchangeMaxNumOrderLists(50), new ExchangeMaxNumAlgoOrders(200));
    var fits = withCountsOnExchange("30000", OpenCounts.of(0, 0, 0), OpenCounts.of(998, 49, 199));
    var full = withCountsOnExchange("30000", OpenCounts.of(0, 0, 0), OpenCounts.of(999, 50, 200));

    accepted(CHECK.check(OCO, rules, fits));
    var refused = refused(CHECK.check(OCO, rules, full));

    assertThat(refused).extracting(Violation::rule).containsExactly(
        Rule.EXCHANGE_MAX_NUM_ORDERS, Rule.EXCHANGE_MAX_NUM_ORDER_LISTS, Rule.EXCHANGE_MAX_NUM_ALGO_ORDERS);
    assertThat(refused.get(0).message()).isEqualTo("You have 999 open orders across all pairs and this OCO adds 2, "
        + "over the exchange's limit of 1000 per account: cancel at least 1 open order first.");
    assertThat(refused.get(1).message()).isEqualTo("You have 50 open order lists across all pairs and the exchange allows "
        + "at most 50 per account: cancel at least 1 of them before placing this one.");
    assertThat(refused.get(2).message()).isEqualTo("You have 200 stop-loss and take-profit orders waiting to trigger "
        + "across all pairs and this OCO adds 1, over the exchange's limit of 200 per account: cancel at least 1 of them first.");
  }

  @Test
  void accountWideCountsAreNotCheckedWithoutAnExchangeFilter() {
    accepted(CHECK.check(OCO, FIXTURE, withCountsOnExchange("30000", OpenCounts.of(0, 0, 0), OpenCounts.of(5000, 500, 500))));
  }

  @Test
  void unknownCountsAreNotChecked() {
    accepted(check(OCO));
  }
}
