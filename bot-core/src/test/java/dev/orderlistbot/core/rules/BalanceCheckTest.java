package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.BTC;
import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.USDT;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.opoco;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.withBalances;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceCheckTest {
  private static final PlaceOrderList SELL_OCO = oco(Side.SELL, qty("0.01"), tp("32000"), sl("29000", "28900"));
  private static final PlaceOrderList BUY_OCO = oco(Side.BUY, qty("0.01"), tp("28000"), sl("31000", "31100"));

  @Test
  void aSellNeedsTheQuantityInFreeBase() {
    accepted(CHECK.check(SELL_OCO, FIXTURE, withBalances("30000", Map.of(BTC, dec("0.01")))));

    var violation = only(CHECK.check(SELL_OCO, FIXTURE, withBalances("30000", Map.of(BTC, dec("0.00999")))),
        Rule.INSUFFICIENT_BALANCE);
    assertThat(violation.message()).isEqualTo("You have 0.00999 BTC free, but this SELL needs 0.01 BTC: use at most 0.00999 BTC.");
  }

  @Test
  void aBuyOcoNeedsTheQuantityAtItsHighestLegInFreeQuote() {
    // 0.01 × 31100 (the stop-loss limit) = 311
    accepted(CHECK.check(BUY_OCO, FIXTURE, withBalances("30000", Map.of(USDT, dec("311")))));

    var violation = only(CHECK.check(BUY_OCO, FIXTURE, withBalances("30000", Map.of(USDT, dec("310.99")))),
        Rule.INSUFFICIENT_BALANCE);
    assertThat(violation.message()).contains("310.99 USDT free", "needs 311 USDT", "at up to 31100", "use at most 0.00999 BTC");
  }

  @Test
  void aBuyEntryNeedsTheQuantityAtTheEntryPrice() {
    var opoco = opoco(qty("0.01"), at("30000"), tp("32000"), sl("29000"));

    accepted(CHECK.check(opoco, FIXTURE, withBalances("31000", Map.of(USDT, dec("300")))));
    assertThat(only(CHECK.check(opoco, FIXTURE, withBalances("31000", Map.of(USDT, dec("299")))),
        Rule.INSUFFICIENT_BALANCE).message())
        .contains("needs 300 USDT");
  }

  @Test
  void aMissingAssetCountsAsNothingFree() {
    var violation = only(CHECK.check(SELL_OCO, FIXTURE, withBalances("30000", Map.of(USDT, dec("1000")))),
        Rule.INSUFFICIENT_BALANCE);

    assertThat(violation.message()).contains("You have 0 BTC free", "free up more BTC first");
  }

  @Test
  void unknownBalancesAreNotChecked() {
    accepted(check(BUY_OCO));
  }
}
