package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.opo;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.with;
import static dev.orderlistbot.core.rules.Given.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MarketLotSize;
import dev.orderlistbot.core.rules.SymbolFilter.Notional;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityFilterCheckTest {
  private static final SymbolRules NO_NOTIONAL = without(Notional.class);

  @Test
  void refusesAQuantityBelowTheMinimumAndAcceptsTheMinimum() {
    var violation = only(check(oco(Side.SELL, qty("0.000001"), tp("32000"), sl("29000", "28900")), NO_NOTIONAL),
        Rule.LOT_SIZE_MIN);

    assertThat(violation.message()).contains("0.000001 BTC is below BTCUSDT's minimum of 0.00001 BTC per order: use at least 0.00001");
    accepted(check(oco(Side.SELL, qty("0.00001"), tp("32000"), sl("29000", "28900")), NO_NOTIONAL));
  }

  @Test
  void refusesAQuantityAboveTheMaximumAndAcceptsTheMaximum() {
    var violation = only(check(oco(Side.SELL, qty("9000.01"), tp("32000"), sl("29000", "28900")), NO_NOTIONAL),
        Rule.LOT_SIZE_MAX);

    assertThat(violation.message()).contains("use at most 9000");
    accepted(check(oco(Side.SELL, qty("9000"), tp("32000"), sl("29000", "28900")), NO_NOTIONAL));
  }

  @Test
  void aQuantityBelowTheFirstStepIsOfferedTheFirstStep() {
    var result = check(oco(Side.SELL, qty("0.000001"), tp("32000"), sl("29000", "28900")), NO_NOTIONAL);

    assertThat(only(result, Rule.LOT_SIZE_STEP).message()).contains("step size 0.00001: use 0.00001.");
  }

  @Test
  void marketLotSizeLimitsTheStopMarketLegOnly() {
    var violation = only(check(oco(Side.SELL, qty("98"), tp("32000"), sl("29000"))), Rule.MARKET_LOT_SIZE_MAX);

    assertThat(violation.message()).contains("stop-loss executes at market", "use at most 97.9283642");
    accepted(check(oco(Side.SELL, qty("98"), tp("32000"), sl("29000", "28900"))));
    accepted(check(oco(Side.SELL, qty("97.92836"), tp("32000"), sl("29000"))));
  }

  @Test
  void marketLotSizeStepAndMinimumApplyWhenNonZero() {
    SymbolRules coarse = with(new MarketLotSize(dec("0.01"), BigDecimal.ZERO, dec("0.001")));

    var result = check(oco(Side.SELL, qty("0.0095"), tp("32000"), sl("29000")), coarse);

    assertThat(refused(result)).extracting(Violation::rule).containsExactly(Rule.MARKET_LOT_SIZE_MIN, Rule.MARKET_LOT_SIZE_STEP);
    assertThat(only(result, Rule.MARKET_LOT_SIZE_STEP).message()).contains("market step size 0.001: use 0.009 or 0.01");
    assertThat(only(result, Rule.MARKET_LOT_SIZE_MIN).message()).contains("use at least 0.01");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000")), coarse));
  }

  @Test
  void anOpoExitSellsWhatTheEntryReceivesSoItsMarketStepIsNotChecked() {
    SymbolRules coarse = with(new MarketLotSize(BigDecimal.ZERO, BigDecimal.ZERO, dec("0.001")));

    accepted(check(opo(qty("0.0125"), at("30000"), sl("29000")), coarse));
  }

  @Test
  void aQuantityIsAcceptedWithoutALotSizeFilter() {
    accepted(check(oco(Side.SELL, qty("0.0123456789"), tp("32000"), sl("29000", "28900")), without(LotSize.class)));
  }
}
