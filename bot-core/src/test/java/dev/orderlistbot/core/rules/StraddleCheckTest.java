package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.last;
import static dev.orderlistbot.core.rules.Given.maker;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.opo;
import static dev.orderlistbot.core.rules.Given.oto;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.Violation.Rule;
import org.junit.jupiter.api.Test;

/** The straddle of the last price (OCO) or of the entry (lists with an entry), with Binance's codes. */
class StraddleCheckTest {

  @Test
  void sellOcoLimitMakerAtTheLastPriceIsRefusedAs1166() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("30000"), sl("29000"))), Rule.TAKE_PROFIT_WRONG_SIDE);

    assertThat(violation.binanceCode()).hasValue(-1166);
    assertThat(violation.message()).isEqualTo(
        "Your take-profit price 30000 must be above the last price 30000 in a SELL OCO: set it above 30000, e.g. 30000.01.");
  }

  @Test
  void sellOcoTakeProfitLimitBelowTheLastPriceIsRefusedAs1199AndItsTriggerAsImmediate() {
    var result = check(oco(Side.SELL, qty("0.01"), tp("29990", "29995"), sl("29000")));

    assertThat(only(result, Rule.TAKE_PROFIT_WRONG_SIDE).binanceCode()).hasValue(-1199);
    Violation trigger = only(result, Rule.TAKE_PROFIT_TRIGGER_WRONG_SIDE);
    assertThat(trigger.binanceCode()).hasValue(-2010);
    assertThat(trigger.message()).contains("take-profit trigger 29990", "would trigger immediately", "30000.01");
  }

  @Test
  void aTakeProfitLimitsTriggerMustBeOnTheProfitSideEvenWhenItsLimitIs() {
    var result = check(oco(Side.SELL, qty("0.01"), tp("29999.99", "30100"), sl("29000")));

    assertThat(refused(result)).extracting(Violation::rule).containsExactly(Rule.TAKE_PROFIT_TRIGGER_WRONG_SIDE);
  }

  @Test
  void sellOcoStopAtTheLastPriceWouldTriggerImmediatelyAndIsRefusedAs1197() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("30000"))), Rule.STOP_LOSS_WRONG_SIDE);

    assertThat(violation.binanceCode()).hasValue(-1197);
    assertThat(violation.message()).isEqualTo("Your stop-loss trigger 30000 must be below the last price 30000 in a SELL OCO, "
        + "or it would trigger immediately: set it below 30000, e.g. 29999.99.");
  }

  @Test
  void sellOcoOneTickEitherSideOfTheLastPriceIsAccepted() {
    accepted(check(oco(Side.SELL, qty("0.01"), tp("30000.01"), sl("29999.99", "29999.99"))));
    accepted(check(oco(Side.SELL, qty("0.01"), tp("30000.02", "30000.01"), sl("29999.99"))));
  }

  @Test
  void buyOcoLimitMakerAtOrAboveTheLastPriceIsRefusedAs1165() {
    var violation = only(check(oco(Side.BUY, qty("0.01"), tp("30000"), sl("31000"))), Rule.TAKE_PROFIT_WRONG_SIDE);

    assertThat(violation.binanceCode()).hasValue(-1165);
    assertThat(violation.message()).contains("must be below the last price 30000 in a BUY OCO", "e.g. 29999.99");
  }

  @Test
  void buyOcoTakeProfitLimitAboveTheLastPriceIsRefusedAs1198() {
    var violation = only(check(oco(Side.BUY, qty("0.01"), tp("29990", "30005"), sl("31000"))), Rule.TAKE_PROFIT_WRONG_SIDE);

    assertThat(violation.binanceCode()).hasValue(-1198);
  }

  @Test
  void buyOcoStopBelowTheLastPriceIsRefusedAs1196() {
    var violation = only(check(oco(Side.BUY, qty("0.01"), tp("28000"), sl("29999.99"))), Rule.STOP_LOSS_WRONG_SIDE);

    assertThat(violation.binanceCode()).hasValue(-1196);
    assertThat(violation.message()).contains("must be above the last price 30000", "e.g. 30000.01");
  }

  @Test
  void buyOcoOneTickEitherSideOfTheLastPriceIsAccepted() {
    accepted(check(oco(Side.BUY, qty("0.01"), tp("29999.99"), sl("30000.01", "30000.01"))));
  }

  @Test
  void theExitsOfAnEntryListAreMeasuredAgainstTheEntryNotTheLastPrice() {
    // the take-profit is below the last price 35000, but above the entry 30000 where it starts working
    accepted(CHECK.check(otoco(Side.BUY, qty("0.01"), at("30000"), tp("31000"), sl("29000")), FIXTURE, last("35000")));

    var result = CHECK.check(otoco(Side.BUY, qty("0.01"), at("30000"), tp("29999.99"), sl("30000.01")), FIXTURE, last("25000"));
    Violation tp = only(result, Rule.TAKE_PROFIT_WRONG_SIDE);
    assertThat(tp.binanceCode()).hasValue(-1166);
    assertThat(tp.message()).isEqualTo("Your take-profit price 29999.99 must be above your entry at 30000, "
        + "where it starts working once the BUY entry fills: set it above 30000, e.g. 30000.01.");
    assertThat(only(result, Rule.STOP_LOSS_WRONG_SIDE).binanceCode()).hasValue(-1197);
  }

  @Test
  void aSellEntrysBuyExitsAreMirrored() {
    accepted(check(otoco(Side.SELL, qty("0.01"), at("31000"), tp("30999.99"), sl("31000.01"))));

    var result = check(otoco(Side.SELL, qty("0.01"), at("31000"), tp("31000"), sl("31000")));
    assertThat(only(result, Rule.TAKE_PROFIT_WRONG_SIDE).binanceCode()).hasValue(-1165);
    assertThat(only(result, Rule.STOP_LOSS_WRONG_SIDE).binanceCode()).hasValue(-1196);
  }

  @Test
  void aSingleOtoExitOnTheWrongSideIsAnEngineRejection() {
    var violation = only(CHECK.check(oto(Side.BUY, qty("0.01"), at("30000"), sl("30000")), FIXTURE, last("31000")),
        Rule.STOP_LOSS_WRONG_SIDE);

    assertThat(violation.binanceCode()).hasValue(-2010);
    assertThat(violation.message()).contains("below your entry at 30000", "would trigger immediately", "29999.99");
    only(CHECK.check(opo(qty("0.01"), at("30000"), tp("29000")), FIXTURE, last("31000")), Rule.TAKE_PROFIT_WRONG_SIDE);
  }

  @Test
  void aMakerBuyEntryAtTheLastPriceWouldTakeAndIsRefused() {
    var violation = only(check(oto(Side.BUY, qty("0.01"), maker("30000"), tp("32000"))), Rule.ENTRY_WOULD_TAKE);

    assertThat(violation.binanceCode()).hasValue(-2010);
    assertThat(violation.message()).contains("must be below the last price 30000", "e.g. 29999.99", "plain limit entry");
    accepted(check(oto(Side.BUY, qty("0.01"), maker("29999.99"), tp("32000"))));
  }

  @Test
  void aMakerSellEntryMustBeAboveTheLastPrice() {
    only(check(oto(Side.SELL, qty("0.01"), maker("30000"), tp("29000"))), Rule.ENTRY_WOULD_TAKE);
    accepted(check(oto(Side.SELL, qty("0.01"), maker("30000.01"), tp("29000"))));
  }

  @Test
  void aPlainLimitEntryMayCrossTheLastPriceAndSimplyFill() {
    accepted(check(oto(Side.BUY, qty("0.01"), at("31000"), tp("32000"))));
  }

  @Test
  void aSellStopLimitWhoseLimitIsAboveItsTriggerIsRefusedByPolicy() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000", "29000.01"))), Rule.STOP_LIMIT_WRONG_SIDE);

    assertThat(violation.binanceCode()).isEmpty();
    assertThat(violation.message())
        .contains("limit price 29000.01 is above its trigger 29000", "may never fill", "at or below 29000");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000", "29000"))));
  }

  @Test
  void aBuyStopLimitWhoseLimitIsBelowItsTriggerIsRefusedByPolicy() {
    var violation = only(check(oco(Side.BUY, qty("0.01"), tp("28000"), sl("31000", "30999.99"))), Rule.STOP_LIMIT_WRONG_SIDE);

    assertThat(violation.message()).contains("at or above 31000");
  }
}
