package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.trail;
import static dev.orderlistbot.core.rules.Given.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.TrailingDeltaBounds;
import dev.orderlistbot.core.rules.Violation.Rule;
import org.junit.jupiter.api.Test;

class TrailingDeltaCheckTest {
  private static final SymbolRules WIDER_ABOVE = with(new TrailingDeltaBounds(50, 1000, 10, 2000));

  @Test
  void aSellStopTighterThanTheBelowMinimumIsRefusedInPercent() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("32000"), trail(9))), Rule.TRAILING_DELTA_MIN);

    assertThat(violation.message()).contains("0.09%", "SELL stop-loss", "use at least 0.1%");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), trail(10))));
  }

  @Test
  void aSellStopWiderThanTheBelowMaximumIsRefused() {
    var violation = only(check(oco(Side.SELL, qty("0.01"), tp("32000"), trail(2001))), Rule.TRAILING_DELTA_MAX);

    assertThat(violation.message()).contains("20.01%", "use at most 20%");
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), trail(2000))));
  }

  @Test
  void aBuyStopIsHeldToTheAboveBounds() {
    var violation = only(check(oco(Side.BUY, qty("0.01"), tp("28000"), trail(49)), WIDER_ABOVE), Rule.TRAILING_DELTA_MIN);

    assertThat(violation.message()).contains("BUY stop-loss", "use at least 0.5%");
    accepted(check(oco(Side.BUY, qty("0.01"), tp("28000"), trail(50)), WIDER_ABOVE));
    only(check(oco(Side.BUY, qty("0.01"), tp("28000"), trail(1001)), WIDER_ABOVE), Rule.TRAILING_DELTA_MAX);
  }

  @Test
  void aSellStopIsNotHeldToTheAboveBounds() {
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), trail(49)), WIDER_ABOVE));
    accepted(check(oco(Side.SELL, qty("0.01"), tp("32000"), trail(1500)), WIDER_ABOVE));
  }
}
