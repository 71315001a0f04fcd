package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.BTC;
import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.check;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.USDT;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.last;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.only;
import static dev.orderlistbot.core.rules.Given.opo;
import static dev.orderlistbot.core.rules.Given.oto;
import static dev.orderlistbot.core.rules.Given.qty;
import static dev.orderlistbot.core.rules.Given.quotedIn;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.withBalances;
import static dev.orderlistbot.core.rules.Given.without;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.Violation.Rule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantityResolutionTest {

  private static QuantitySpec quote(String amount, String asset) {
    return new QuantitySpec.QuoteAmount(dec(amount), Asset.of(asset));
  }

  private static QuantitySpec usd(String amount) {
    return new QuantitySpec.UsdAmount(dec(amount));
  }

  private static QuantitySpec share(String percent) {
    return new QuantitySpec.ShareOfFree(dec(percent));
  }

  @Test
  void aQuoteAmountOnAnEntryListIsConvertedAtTheEntryAndRoundedDown() {
    // 100 / 30000 = 0.003333… → 0.00333
    Preview preview = accepted(CHECK.check(oto(Side.BUY, quote("100", "USDT"), at("30000"), tp("32000")), FIXTURE, last("31000"))).preview();

    assertThat(preview.quantity()).isEqualTo(Quantity.of("0.00333"));
    assertThat(preview.conversionPrice()).contains(Price.of("30000"));
  }

  @Test
  void aQuoteAmountOnASellOcoIsConvertedAtTheLastPrice() {
    Preview preview = accepted(check(oco(Side.SELL, quote("100", "usdt"), tp("32000"), sl("29000", "28900")))).preview();

    assertThat(preview.quantity()).isEqualTo(Quantity.of("0.00333"));
    assertThat(preview.conversionPrice()).contains(Price.of("30000"));
  }

  @Test
  void aQuoteAmountOnABuyOcoIsConvertedAtItsHighestLegAndSaysSo() {
    // the stop-loss-limit may fill at 31100: 100 / 31100 = 0.0032154… → 0.00321
    Preview preview = accepted(check(oco(Side.BUY, quote("100", "USDT"), tp("28000"), sl("31000", "31100")))).preview();

    assertThat(preview.quantity()).isEqualTo(Quantity.of("0.00321"));
    assertThat(preview.conversionPrice()).contains(Price.of("31100"));
  }

  @Test
  void aDollarAmountOnAUsdStablecoinPairIsAQuoteAmount() {
    Preview preview = accepted(CHECK.check(oto(Side.BUY, usd("100"), at("30000"), tp("32000")), FIXTURE, last("31000"))).preview();

    assertThat(preview.quantity()).isEqualTo(Quantity.of("0.00333"));
  }

  @Test
  void refusesADollarAmountOnAPairNotQuotedInAUsdStablecoin() {
    SymbolRules btcEur = quotedIn("BTCEUR", "BTC", "EUR");
    var command = oco(btcEur.symbol(), Side.SELL, usd("100"), tp("32000"), sl("29000"));

    Violation violation = only(check(command, btcEur), Rule.USD_AMOUNT_NEEDS_USD_QUOTE);
    assertThat(violation.message()).contains("BTCEUR is priced in EUR", "give the amount in EUR");
  }

  @Test
  void refusesAQuoteAmountInAnotherAsset() {
    Violation violation = only(check(oco(Side.SELL, quote("100", "EUR"), tp("32000"), sl("29000"))), Rule.QUOTE_ASSET_MISMATCH);

    assertThat(violation.message()).contains("an amount in EUR", "give it in USDT or as a BTC quantity");
  }

  @Test
  void aShareOfTheFreeBaseSellsThatShareRoundedDown() {
    // 50% of 0.123456 = 0.061728 → 0.06172
    var market = withBalances("30000", Map.of(BTC, dec("0.123456")));

    Preview preview = accepted(CHECK.check(oco(Side.SELL, share("50"), tp("32000"), sl("29000")), FIXTURE, market)).preview();

    assertThat(preview.quantity()).isEqualTo(Quantity.of("0.06172"));
    assertThat(preview.conversionPrice()).isEmpty();
  }

  @Test
  void aShareOfTheFreeQuoteBuysAtTheEntryPrice() {
    // 25% of 1000 USDT = 250; 250 / 30000 = 0.008333… → 0.00833
    var market = withBalances("31000", Map.of(USDT, dec("1000")));

    Preview preview = accepted(CHECK.check(opo(share("25"), at("30000"), tp("32000")), FIXTURE, market)).preview();

    assertThat(preview.quantity()).isEqualTo(Quantity.of("0.00833"));
    assertThat(preview.conversionPrice()).contains(Price.of("30000"));
  }

  @Test
  void refusesAShareWhenTheBalancesAreUnknown() {
    Violation violation = only(check(oco(Side.SELL, share("25"), tp("32000"), sl("29000"))), Rule.BALANCES_UNKNOWN);

    assertThat(violation.message()).contains("25%", "balances");
  }

  @Test
  void refusesAShareOfAnEmptyBalanceAsLessThanOneStep() {
    var market = withBalances("30000", Map.of(USDT, dec("100")));

    Violation violation = only(CHECK.check(oco(Side.SELL, share("25"), tp("32000"), sl("29000")), FIXTURE, market),
        Rule.QUANTITY_ROUNDS_TO_ZERO);

    assertThat(violation.message()).contains("25% of your free BTC (0 BTC)", "at least 0.00001 BTC");
  }

  @Test
  void refusesAnAmountThatBuysLessThanOneStepWithTheSmallestWorkingAmount() {
    // one step of 0.00001 BTC at 30000 costs 0.3 USDT
    Violation violation = only(CHECK.check(oto(Side.BUY, quote("0.1", "USDT"), at("30000"), tp("32000")), FIXTURE, last("31000")),
        Rule.QUANTITY_ROUNDS_TO_ZERO);

    assertThat(violation.message()).contains("0.1 USDT buys less than the smallest step of 0.00001 BTC", "use at least 0.3 USDT");
  }

  @Test
  void refusesToConvertAnAmountWithoutAStepSize() {
    Violation violation = only(check(oco(Side.SELL, quote("100", "USDT"), tp("32000"), sl("29000")), without(LotSize.class)),
        Rule.QUANTITY_NOT_CONVERTIBLE);

    assertThat(violation.message()).contains("give the quantity in BTC");
  }

  @Test
  void anExplicitBaseQuantityIsNeverRoundedButRefusedOffStepWithBothNeighbours() {
    Violation violation = only(check(oco(Side.SELL, qty("0.012345"), tp("32000"), sl("29000"))), Rule.LOT_SIZE_STEP);

    assertThat(violation.message()).contains("0.012345 is not a multiple of the step size 0.00001: use 0.01234 or 0.01235");
  }
}
