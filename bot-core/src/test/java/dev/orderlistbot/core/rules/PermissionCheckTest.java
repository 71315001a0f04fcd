package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.flags;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.opo;
import static dev.orderlistbot.core.rules.Given.opoco;
import static dev.orderlistbot.core.rules.Given.orderTypes;
import static dev.orderlistbot.core.rules.Given.oto;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.status;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.trail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.rules.Violation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PermissionCheckTest {
  private static final PlaceOrderList OCO = oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000", "28900"));
  private static final PlaceOrderList OTO = oto(Side.BUY, qty("0.01"), at("30000"), tp("32000"));
  private static final PlaceOrderList OTOCO = otoco(Side.BUY, qty("0.01"), at("30000"), tp("32000"), sl("29000"));
  private static final PlaceOrderList OPO = opo(qty("0.01"), at("30000"), tp("32000"));
  private static final PlaceOrderList OPOCO = opoco(qty("0.01"), at("30000"), tp("32000"), sl("29000"));

  @Test
  void aCancelOnlySymbolGetsItsOwnSentenceAndNothingElse() {
    var result = check(oco(Side.SELL, qty("0.012345"), tp("32000.005"), sl("29000")), status(SymbolStatus.CANCEL_ONLY));

    assertThat(refused(result)).extracting(Violation::rule).containsExactly(Rule.SYMBOL_CANCEL_ONLY);
    assertThat(refused(result).getFirst().message()).contains("cancel-only", "cancel your open orders");
  }

  @ParameterizedTest
  @EnumSource(value = SymbolStatus.class, names = {"HALT", "BREAK", "END_OF_DAY", "UNKNOWN"})
  void aSymbolThatIsNotTradingRefusesEveryOrder(SymbolStatus status) {
    var violation = only(check(OCO, status(status)), Rule.SYMBOL_NOT_TRADING);

    assertThat(violation.message()).contains("BTCUSDT is not trading right now");
  }

  @Test
  void ocoAndItsPairedKindsNeedOcoAllowed() {
    SymbolRules noOco = flags(false, true, true, true);

    assertThat(only(check(OCO, noOco), Rule.LIST_KIND_NOT_ALLOWED).message())
        .contains("does not accept OCO order lists", "OCO lists are switched off");
    only(check(OTOCO, noOco), Rule.LIST_KIND_NOT_ALLOWED);
    only(check(OPOCO, noOco), Rule.LIST_KIND_NOT_ALLOWED);
    accepted(check(OTO, noOco));
    accepted(check(OPO, noOco));
  }

  @Test
  void everyKindWithAnEntryNeedsOtoAllowed() {
    SymbolRules noOto = flags(true, false, true, true);

    for (PlaceOrderList command : new PlaceOrderList[] {OTO, OTOCO, OPO, OPOCO}) {
      assertThat(only(check(command, noOto), Rule.LIST_KIND_NOT_ALLOWED).message()).contains("OTO lists are switched off");
    }
    accepted(check(OCO, noOto));
  }

  @Test
  void opoAndOpocoNeedOpoAllowed() {
    SymbolRules noOpo = flags(true, true, false, true);

    only(check(OPO, noOpo), Rule.LIST_KIND_NOT_ALLOWED);
    only(check(OPOCO, noOpo), Rule.LIST_KIND_NOT_ALLOWED);
    accepted(check(OTOCO, noOpo));
  }

  @Test
  void anOpocoNamesEveryFlagThatIsOff() {
    var violation = only(check(OPOCO, flags(false, false, false, true)), Rule.LIST_KIND_NOT_ALLOWED);

    assertThat(violation.message()).contains("OTO and OCO and OPO lists are switched off");
    assertThat(violation.binanceCode()).hasValue(-2010);
  }

  @Test
  void refusesALegTypeTheSymbolDoesNotAcceptAndSuggestsTheOtherForm() {
    SymbolRules noStopLimit = orderTypes(OrderType.LIMIT, OrderType.LIMIT_MAKER, OrderType.STOP_LOSS);

    var violation = only(check(OCO, noStopLimit), Rule.ORDER_TYPE_NOT_ALLOWED);

    assertThat(violation.message()).contains("STOP_LOSS_LIMIT", "stop-loss", "trigger price only");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000")), noStopLimit));
  }

  @Test
  void reportsAMissingEntryTypeAndAMissingExitTypeTogether() {
    SymbolRules limitsOnly = orderTypes(OrderType.LIMIT, OrderType.STOP_LOSS);

    assertThat(refused(check(OTOCO, limitsOnly)))
        .extracting(Violation::rule)
        .containsExactly(Rule.ORDER_TYPE_NOT_ALLOWED);
    assertThat(refused(check(oto(Side.BUY, qty("0.01"), at("30000"), tp("32000")), orderTypes(OrderType.STOP_LOSS))))
        .extracting(Violation::rule)
        .containsExactly(Rule.ORDER_TYPE_NOT_ALLOWED, Rule.ORDER_TYPE_NOT_ALLOWED);
  }

  @Test
  void aTrailingStopNeedsAllowTrailingStop() {
    var command = oco(Side.SELL, qty("0.01"), tp("32000"), trail(100));

    var violation = only(check(command, flags(true, true, true, false)), Rule.TRAILING_STOP_NOT_ALLOWED);

    assertThat(violation.message()).contains("does not allow trailing stops", "fixed trigger price");
    accepted(check(command, flags(true, true, true, true)));
  }

  @Test
  void permissionProblemsAreReportedWithEveryOtherProblem() {
    var result = check(oco(Side.SELL, qty("0.01"), tp("32000.005"), trail(5)), flags(false, true, true, false));

    assertThat(refused(result)).extracting(Violation::rule)
        .contains(Rule.LIST_KIND_NOT_ALLOWED, Rule.TRAILING_STOP_NOT_ALLOWED, Rule.PRICE_TICK, Rule.TRAILING_DELTA_MIN);
  }
}
