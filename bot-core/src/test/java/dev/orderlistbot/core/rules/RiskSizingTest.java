package dev.orderlistbot.core.rules;

import static dev.orderlistbot.core.rules.Given.BTC;
import static dev.orderlistbot.core.rules.Given.BTCUSDT;
import static dev.orderlistbot.core.rules.Given.CHECK;
import static dev.orderlistbot.core.rules.Given.FIXTURE;
import static dev.orderlistbot.core.rules.Given.USDT;
import static dev.orderlistbot.core.rules.Given.accepted;
import static dev.orderlistbot.core.rules.Given.at;
import static dev.orderlistbot.core.rules.Given.dec;
import static dev.orderlistbot.core.rules.Given.oco;
import static dev.orderlistbot.core.rules.Given.oto;
import static dev.orderlistbot.core.rules.Given.otoco;
import static dev.orderlistbot.core.rules.Given.refused;
import static dev.orderlistbot.core.rules.Given.sl;
import static dev.orderlistbot.core.rules.Given.tp;
import static dev.orderlistbot.core.rules.Given.trail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sizing by risk: quantity = risk ÷ (|entry − worst stop fill| + taker fee × (entry + worst)), rounded
 * down to the step (BTCUSDT fixture: step 0.00001, NOTIONAL minimum 5 USDT), fee 0.1%.
 */
class RiskSizingTest {
  private static final BigDecimal FEE = dec("0.001");

  private static QuantitySpec risk(String amount) {
    return new QuantitySpec.RiskAmount(dec(amount), Optional.empty());
  }

  private static MarketSnapshot market() {
    return Given.last("30000").withRiskFacts(Optional.of(FEE), Optional.empty());
  }

  private static RiskFigures sized(PlaceOrderList command) {
    Preview preview = accepted(CHECK.check(command, FIXTURE, market())).preview();
    assertThat(preview.quantity()).isEqualTo(preview.risk().orElseThrow().quantity());
    return preview.risk().orElseThrow();
  }

  @Test
  void aStopLimitRisksDownToItsLimitPriceWithTheFeeOnBothSides() {
    RiskFigures risk = sized(otoco(Side.BUY, risk("50"), at("30000"), tp("32000"), sl("29000", "28900")));

    assertThat(risk.worstExit()).isEqualTo(Price.of("28900"));
    assertThat(risk.lossPerUnit()).isEqualByComparingTo("1158.9"); // 1100 + 0.001 × (30000 + 28900)
    assertThat(risk.quantity().value()).isEqualByComparingTo("0.04314"); // 50 / 1158.9 = 0.043144…, rounded down
    assertThat(risk.moneyAtRisk()).isEqualByComparingTo("49.994946");
    assertThat(risk.budget()).isEqualByComparingTo("50");
    assertThat(risk.entry()).isEqualTo(Price.of("30000"));
  }

  @Test
  void aMarketStopRisksDownToItsStopPrice() {
    RiskFigures risk = sized(otoco(Side.BUY, risk("50"), at("30000"), tp("32000"), sl("29000")));

    assertThat(risk.worstExit()).isEqualTo(Price.of("29000"));
    assertThat(risk.lossPerUnit()).isEqualByComparingTo("1059");
    assertThat(risk.quantity().value()).isEqualByComparingTo("0.04721");
    assertThat(risk.moneyAtRisk()).isEqualByComparingTo("49.99539");
  }

  @Test
  void aTrailingStopRisksTheEntryMovedByTheDelta() {
    RiskFigures risk = sized(oto(Side.BUY, risk("50"), at("30000"), trail(200)));

    assertThat(risk.worstExit().value()).isEqualByComparingTo("29400"); // 30000 − 2%
    assertThat(risk.lossPerUnit()).isEqualByComparingTo("659.4");
    assertThat(risk.quantity().value()).isEqualByComparingTo("0.07582");
    assertThat(risk.moneyAtRisk()).isEqualByComparingTo("49.995708");
  }

  @Test
  void anOcoOnAHeldPositionIsMeasuredFromTheLastPrice() {
    // a BUY-side stop above: entry 30000 (last), stop 32000, loss 2000 + 0.001 × 62000 = 2062
    RiskFigures risk = sized(oco(Side.BUY, risk("50"), tp("28000"), sl("32000")));

    assertThat(risk.entry()).isEqualTo(Price.of("30000"));
    assertThat(risk.lossPerUnit()).isEqualByComparingTo("2062");
    assertThat(risk.quantity().value()).isEqualByComparingTo("0.02424");
    assertThat(risk.moneyAtRisk()).isEqualByComparingTo("49.98288");
  }

  @Test
  void theQuantityIsRoundedDownSoTheRiskIsNeverExceeded() {
    RiskFigures risk = sized(otoco(Side.BUY, risk("10.59"), at("30000"), tp("32000"), sl("29000")));

    assertThat(risk.quantity().value()).isEqualByComparingTo("0.01"); // exactly 1000 steps
    assertThat(risk.moneyAtRisk()).isEqualByComparingTo("10.59");
    RiskFigures justBelow = sized(otoco(Side.BUY, risk("10.58999"), at("30000"), tp("32000"), sl("29000")));
    assertThat(justBelow.quantity().value()).isEqualByComparingTo("0.00999");
    assertThat(justBelow.moneyAtRisk()).isLessThanOrEqualTo(dec("10.58999"));
  }

  @Test
  void aRiskUnderTheMinimumIsRefusedWithTheSmallestRiskThatWorks() {
    // the market stop at 29000 needs 5 / 29000 → 0.00018 BTC (NOTIONAL applies to market orders here)
    Violation violation =
        Given.only(CHECK.check(otoco(Side.BUY, risk("0.1"), at("30000"), tp("32000"), sl("29000")), FIXTURE,
            market()), Violation.Rule.RISK_TOO_SMALL);

    assertThat(violation.message())
        .contains("Risking 0.1 USDT buys 0.00009 BTC")
        .contains("0.00018 BTC")
        .contains("risk at least 0.19062 USDT"); // 0.00018 × 1059
    RiskFigures smallest = sized(otoco(Side.BUY, risk("0.19062"), at("30000"), tp("32000"), sl("29000")));
    assertThat(smallest.quantity().value()).isEqualByComparingTo("0.00018");
  }

  @Test
  void aRiskInAnotherAssetThanTheQuoteIsRefused() {
    QuantitySpec eur = new QuantitySpec.RiskAmount(dec("50"), Optional.of(Asset.of("EUR")));
    assertThat(refused(CHECK.check(otoco(Side.BUY, eur, at("30000"), tp("32000"), sl("29000")), FIXTURE, market())))
        .extracting(Violation::rule)
        .containsExactly(Violation.Rule.QUOTE_ASSET_MISMATCH);
  }

  @Test
  void dollarsAreTheQuoteAssetOnAUsdStablecoinPair() {
    RiskFigures risk = sized(otoco(Side.BUY, new QuantitySpec.RiskUsd(dec("50")), at("30000"), tp("32000"), sl("29000")));
    assertThat(risk.quantity().value()).isEqualByComparingTo("0.04721");
  }

  @Test
  void riskWithoutAStopOrWithoutTheFeeIsRefused() {
    PlaceOrderList noStop = new PlaceOrderList(ListKind.OTO, BTCUSDT, Side.BUY, risk("50"), Optional.of(at("30000")),
        Optional.of(tp("32000")), Optional.empty());
    assertThat(refused(CHECK.check(noStop, FIXTURE, market()))).extracting(Violation::rule)
        .containsExactly(Violation.Rule.RISK_NEEDS_STOP);
    assertThat(refused(CHECK.check(otoco(Side.BUY, risk("50"), at("30000"), tp("32000"), sl("29000")), FIXTURE,
            Given.last("30000"))))
        .extracting(Violation::rule)
        .containsExactly(Violation.Rule.RISK_FACTS_UNKNOWN);
  }

  @Test
  void onePercentIsOfTheEquityInTheQuoteAssetAtLastPrices() {
    List<Balance> balances = List.of(
        new Balance(USDT, dec("900"), dec("100")),
        new Balance(BTC, dec("0.1"), dec("0")),
        new Balance(Asset.of("ETH"), dec("0.5"), dec("0.5")),
        new Balance(Asset.of("TRY"), dec("320"), dec("0")),
        new Balance(Asset.of("XYZ"), dec("5"), dec("0")),
        new Balance(Asset.of("ABC"), dec("0"), dec("0")));
    Map<Symbol, Price> prices = Map.of(
        BTCUSDT, Price.of("30000"),
        Symbol.of("ETHUSDT"), Price.of("2000"),
        Symbol.of("USDTTRY"), Price.of("32"),
        Symbol.of("ETHBTC"), Price.of("0.066"));

    Equity equity = Equity.of(balances, prices, USDT);

    assertThat(equity.value()).isEqualByComparingTo("6010"); // 1000 + 3000 + 2000 + 320 / 32
    assertThat(equity.unpriced()).containsExactly(Asset.of("XYZ")); // nothing held of ABC
    MarketSnapshot market = Given.last("30000").withRiskFacts(Optional.of(FEE), Optional.of(equity));
    RiskFigures risk = accepted(CHECK.check(
        otoco(Side.BUY, new QuantitySpec.RiskShare(BigDecimal.ONE), at("30000"), tp("32000"), sl("29000")), FIXTURE,
        market)).preview().risk().orElseThrow();
    assertThat(risk.budget()).isEqualByComparingTo("60.1");
    assertThat(risk.quantity().value()).isEqualByComparingTo("0.05675");
    assertThat(risk.moneyAtRisk()).isEqualByComparingTo("60.09825");
    assertThat(risk.equity()).contains(equity);
  }

  @Test
  void onePercentWithoutTheEquityIsRefused() {
    assertThat(refused(CHECK.check(
            otoco(Side.BUY, new QuantitySpec.RiskShare(BigDecimal.ONE), at("30000"), tp("32000"), sl("29000")), FIXTURE,
            market())))
        .extracting(Violation::rule)
        .containsExactly(Violation.Rule.RISK_FACTS_UNKNOWN);
  }
}
