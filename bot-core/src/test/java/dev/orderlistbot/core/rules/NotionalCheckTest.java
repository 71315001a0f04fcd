package dev.orderlistbot.core.rules;

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
import static dev.orderlistbot.core.rules.Given.trail;
import static dev.orderlistbot.core.rules.Given.with;
import static dev.orderlistbot.core.rules.Given.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.MinNotional;
import dev.orderlistbot.core.rules.SymbolFilter.Notional;
import dev.orderlistbot.core.rules.Violation.Rule;
import org.junit.jupiter.api.Test;

class NotionalCheckTest {

  @Test
  void refusesEveryLegWorthLessThanTheMinimumWithOneQuantityThatFitsThemAll() {
    // tp 0.0001 × 32000 = 3.2; sl limit 0.0001 × 28900 = 2.89; 5 / 28900 → 0.00018 covers both
    var result = check(oco(Side.SELL, qty("0.0001"), tp("32000"), sl("29000", "28900")));

    assertThat(refused(result)).extracting(Violation::message).containsExactly(
        "Your take-profit at 32000 is worth 3.2 USDT; BTCUSDT needs at least 5 USDT per order: use at least 0.00018 BTC.",
        "Your stop-loss at 28900 is worth 2.89 USDT; BTCUSDT needs at least 5 USDT per order: use at least 0.00018 BTC.");
    assertThat(refused(result)).extracting(Violation::rule).containsOnly(Rule.NOTIONAL_MIN);
    accepted(check(oco(Side.SELL, qty("0.00018"), tp("32000"), sl("29000", "28900"))));
  }

  @Test
  void anOrderWorthExactlyTheMinimumIsAccepted() {
    accepted(check(oto(Side.BUY, qty("0.0002"), at("25000"), tp("26000"))));
  }

  @Test
  void aStopMarketLegIsValuedAtItsStopPriceWhenTheMinimumAppliesToMarketOrders() {
    // 0.00017 × 29000 = 4.93
    var violation = only(check(oco(Side.SELL, qty("0.00017"), tp("32000"), sl("29000"))), Rule.NOTIONAL_MIN);

    assertThat(violation.message()).contains("stop-loss at 29000 is worth 4.93 USDT", "use at least 0.00018 BTC");
  }

  @Test
  void aStopMarketLegIsNotHeldToTheMinimumWhenItDoesNotApplyToMarketOrders() {
    SymbolRules limitOnly = with(new Notional(dec("5"), false, dec("9000000"), false));

    accepted(check(oco(Side.SELL, qty("0.00017"), tp("32000"), sl("29000")), limitOnly));
  }

  @Test
  void aTrailingStopIsValuedWhereItWouldTriggerIfThePriceFellAtOnce() {
    // 30000 × (1 − 5%) = 28500; 0.00017 × 28500 = 4.845
    var violation = only(check(oco(Side.SELL, qty("0.00017"), tp("32000"), trail(500))), Rule.NOTIONAL_MIN);

    assertThat(violation.message()).contains("at 28500 is worth 4.845 USDT");
  }

  @Test
  void refusesALimitLegWorthMoreThanTheMaximumButNotAMarketLegWhenMaxDoesNotApplyToMarket() {
    SymbolRules capped = with(new Notional(dec("5"), true, dec("1000"), false));

    var violation = only(check(oco(Side.SELL, qty("0.04"), tp("32000"), sl("29000")), capped), Rule.NOTIONAL_MAX);

    assertThat(violation.message())
        .contains("take-profit at 32000 is worth 1280 USDT", "at most 1000 USDT", "use at most 0.03125 BTC");
    accepted(check(oco(Side.SELL, qty("0.03125"), tp("32000"), sl("29000")), capped));
  }

  @Test
  void legacyMinNotionalIsCheckedOnLimitLegs() {
    SymbolRules legacy = with(without(Notional.class), new MinNotional(dec("10"), false));

    var violation = only(check(oco(Side.SELL, qty("0.0003"), tp("32000"), sl("29000")), legacy), Rule.MIN_NOTIONAL);

    assertThat(violation.message()).contains("worth 9.6 USDT; BTCUSDT needs at least 10 USDT per order: use at least 0.00032 BTC");
    accepted(check(oco(Side.SELL, qty("0.00032"), tp("32000"), sl("29000")), legacy));
  }
}
