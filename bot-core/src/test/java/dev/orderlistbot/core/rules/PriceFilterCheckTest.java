package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.last;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPriceBySide;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceFilterCheckTest {
  private static final SymbolRules BOUNDED = with(new PriceFilter(dec("1000"), dec("100000"), dec("0.01")));

  @Test
  void refusesAPriceAboveTheMaximumAndAcceptsTheMaximum() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("100000.01"), sl("29000")), BOUNDED), Rule.PRICE_MAX);

    assertThat(violation.message()).contains("take-profit price 100000.01", "maximum price 100000", "use at most 100000");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("100000"), sl("29000")), BOUNDED));
  }

  @Test
  void refusesAStopPriceBelowTheMinimumAndAcceptsTheMinimum() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("999.99")), BOUNDED), Rule.PRICE_MIN);

    assertThat(violation.message()).contains("stop-loss trigger 999.99", "use at least 1000");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("1000")), BOUNDED));
  }

  @Test
  void zeroBoundsAreSwitchedOff() {
    SymbolRules open = with(with(new PriceFilter(BigDecimal.ZERO, BigDecimal.ZERO, dec("0.01"))),
        new PercentPriceBySide(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));

    accepted(check(oco(Side.SELL, qty("0.01"), tp("5000000"), sl("29000")), open));
  }

  @Test
  void checksTheTickOnStopAndLimitPricesSeparately() {
    var result = check(oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000.001", "28900.009")));

    assertThat(refused(result)).extracting(Violation::message).containsExactly(
        "The stop-loss trigger 29000.001 is not a multiple of the tick size 0.01: use 29000 or 29000.01.",
        "The stop-loss limit price 28900.009 is not a multiple of the tick size 0.01: use 28900 or 28900.01.");
  }

  @Test
  void aPriceBelowTheFirstTickIsOfferedOnlyTheFirstTick() {
    SymbolRules noMin = with(new PriceFilter(BigDecimal.ZERO, BigDecimal.ZERO, dec("0.01")));

    var violation = only(CHECK.check(oco(Side.SELL, qty("1000"), tp("0.02"), sl("0.005")), noMin, last("0.01")), Rule.PRICE_TICK);

    assertThat(violation.message()).endsWith("not a multiple of the tick size 0.01: use 0.01.");
  }
}
