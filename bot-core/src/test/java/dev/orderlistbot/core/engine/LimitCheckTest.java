package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.ListBasis;
import dev.orderlistbot.core.port.out.UserLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limits' arithmetic without I/O: which limit binds, fail-closed figures, raises, realised profit or loss. */
class LimitCheckTest {
  private static final UserRef ALICE = new UserRef("telegram", "1001");
  private static final LocalDate DAY = LocalDate.parse("2026-03-01");

  /** 0.01 BTC at 30000 on BTCUSDT: 300 USDT. */
  private static Exposure btc(Optional<BigDecimal> rate, Exposure.Volume volume) {
    return new Exposure(
        Symbol.of("BTCUSDT"), Asset.of("BTC"), Asset.of("USDT"), new BigDecimal("300"), new BigDecimal("0.01"), rate, volume,
        Optional.of(new BigDecimal("0.00001")), List.of(new Exposure.ListFigures(new BigDecimal("30000"), Side.SELL)));
  }

  private static Optional<LimitCheck.Usage> usage(String placed, String pnl) {
    return Optional.of(new LimitCheck.Usage(new DayUsage(DAY, new BigDecimal(placed), new BigDecimal(pnl), Optional.empty()), 0));
  }

  private static UserLimits own(LimitKind kind, String amount) {
    return new UserLimits(Map.of(kind, new BigDecimal(amount)), Set.of());
  }

  @Test
  void withEveryLimitOffNothingIsRefusedAndNothingNeedsReading() {
    Exposure exposure = btc(Optional.empty(), new Exposure.Volume.NotAsked());

    assertThat(LimitCheck.anyInForce(SafetyLimits.NONE, UserLimits.NONE)).isFalse();
    assertThat(LimitCheck.refusals(SafetyLimits.NONE, UserLimits.NONE, ALICE, exposure, Optional.empty(), "list")).isEmpty();
  }

  @Test
  void theLowerOfTheOperatorsAndTheTradersFigureBindsAndAnEqualOneIsTheOperators() {
    SafetyLimits operator = SafetyLimits.NONE.withCeiling(LimitKind.PER_LIST, new BigDecimal("1000"));

    assertThat(LimitCheck.bound(operator, own(LimitKind.PER_LIST, "500"), LimitKind.PER_LIST))
        .contains(new LimitCheck.Bound(new BigDecimal("500"), true));
    assertThat(LimitCheck.bound(operator, own(LimitKind.PER_LIST, "1000"), LimitKind.PER_LIST))
        .contains(new LimitCheck.Bound(new BigDecimal("1000"), false));
    assertThat(LimitCheck.bound(SafetyLimits.NONE, own(LimitKind.PER_LIST, "5000"), LimitKind.PER_LIST))
        .contains(new LimitCheck.Bound(new BigDecimal("5000"), true));
    assertThat(LimitCheck.bound(operator, UserLimits.NONE, LimitKind.PER_DAY)).isEmpty();
  }

  @Test
  void anUnreadableLedgerRefusesWhileALimitNeedsIt() {
    SafetyLimits operator = SafetyLimits.NONE.withCeiling(LimitKind.PER_DAY, new BigDecimal("1000"));

    assertThat(LimitCheck.refusals(operator, UserLimits.NONE, ALICE, btc(Optional.of(BigDecimal.ONE), new Exposure.Volume.NotAsked()),
            Optional.empty(), "list"))
        .containsExactly(LimitTexts.ledgerUnreadable());
  }

  @Test
  void anUnknownUsdtRateRefusesWhileANotionalLimitNeedsItButNotOtherwise() {
    Exposure unconvertible = btc(Optional.empty(), new Exposure.Volume.NotAsked());
    SafetyLimits perList = SafetyLimits.NONE.withCeiling(LimitKind.PER_LIST, new BigDecimal("1000"));
    SafetyLimits open = SafetyLimits.NONE.withCeiling(LimitKind.OPEN_LISTS, new BigDecimal("5"));

    assertThat(LimitCheck.refusals(perList, UserLimits.NONE, ALICE, unconvertible, usage("0", "0"), "list"))
        .singleElement().asString().contains("no price converts USDT to USDT");
    assertThat(LimitCheck.refusals(open, UserLimits.NONE, ALICE, unconvertible, usage("0", "0"), "list")).isEmpty();
  }

  @Test
  void theDaysBudgetPassesExactlyAtItsLimitAndRefusesOneCentOver() {
    SafetyLimits operator = SafetyLimits.NONE.withCeiling(LimitKind.PER_DAY, new BigDecimal("1000"));
    Exposure list = btc(Optional.of(BigDecimal.ONE), new Exposure.Volume.NotAsked());

    assertThat(LimitCheck.refusals(operator, UserLimits.NONE, ALICE, list, usage("700", "0"), "list")).isEmpty();
    assertThat(LimitCheck.refusals(operator, UserLimits.NONE, ALICE, list, usage("700.01", "0"), "list"))
        .singleElement().asString().contains("at most 0.00999 BTC at 30,000 USDT would pass");
  }

  @Test
  void theHaltStartsOnlyOverTheLossLimitAndNotOnceAnAdminLiftedIt() {
    UserLimits loss = own(LimitKind.DAILY_LOSS, "100");
    Exposure list = btc(Optional.of(BigDecimal.ONE), new Exposure.Volume.NotAsked());
    LimitCheck.Usage lifted =
        new LimitCheck.Usage(new DayUsage(DAY, BigDecimal.ZERO, new BigDecimal("-500"), Optional.of(ALICE)), 0);

    assertThat(LimitCheck.refusals(SafetyLimits.NONE, loss, ALICE, list, usage("0", "-100"), "list")).isEmpty();
    assertThat(LimitCheck.refusals(SafetyLimits.NONE, loss, ALICE, list, usage("0", "-100.00000001"), "list"))
        .singleElement().asString().startsWith("New lists are halted until 00:00 UTC");
    assertThat(LimitCheck.refusals(SafetyLimits.NONE, loss, ALICE, list, Optional.of(lifted), "list")).isEmpty();
  }

  @Test
  void theLiquidityGuardRefusesAnUnansweredVolumeAndSkipsAnExchangeWithoutOne() {
    SafetyLimits guard = SafetyLimits.NONE.withMinQuoteVolume(new BigDecimal("1000000"));

    assertThat(LimitCheck.refusals(guard, UserLimits.NONE, ALICE, btc(Optional.of(BigDecimal.ONE), new Exposure.Volume.Unanswered()),
            usage("0", "0"), "list"))
        .containsExactly(LimitTexts.noVolume(Symbol.of("BTCUSDT")));
    assertThat(LimitCheck.refusals(guard, UserLimits.NONE, ALICE,
            btc(Optional.of(BigDecimal.ONE), new Exposure.Volume.NotOnThisExchange()), usage("0", "0"), "list"))
        .isEmpty();
    assertThat(LimitCheck.refusals(guard, UserLimits.NONE, ALICE,
            btc(Optional.of(BigDecimal.ONE), new Exposure.Volume.Known(new BigDecimal("1000000"))), usage("0", "0"), "list"))
        .isEmpty();
  }

  @Test
  void loweringALimitOrNarrowingTheWatchListIsNoRaiseButRemovingOrWideningIs() {
    SafetyLimits operator = SafetyLimits.NONE.withCeiling(LimitKind.PER_LIST, new BigDecimal("1000"));
    UserLimits five = own(LimitKind.PER_LIST, "500");
    UserLimits watching = UserLimits.NONE.withWatchList(Set.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")));

    assertThat(LimitChanges.raisesALimit(operator, UserLimits.NONE, five)).isFalse();
    assertThat(LimitChanges.raisesALimit(operator, five, own(LimitKind.PER_LIST, "400"))).isFalse();
    assertThat(LimitChanges.raisesALimit(operator, five, own(LimitKind.PER_LIST, "600"))).isTrue();
    assertThat(LimitChanges.raisesALimit(operator, five, UserLimits.NONE)).isTrue();
    assertThat(LimitChanges.raisesALimit(SafetyLimits.NONE, five, UserLimits.NONE)).as("off altogether").isTrue();
    assertThat(LimitChanges.raisesALimit(operator, watching, watching.withWatchList(Set.of(Symbol.of("BTCUSDT"))))).isFalse();
    assertThat(LimitChanges.raisesALimit(operator, watching, UserLimits.NONE)).isTrue();
    assertThat(LimitChanges.raisesALimit(operator, UserLimits.NONE, watching)).isFalse();
  }

  @Test
  void anExitFillRealisesAgainstTheEntrysAverageOrTheReferenceInUsdt() {
    ListBasis sellExits = ListBasis.atPlacement("ob-1", new BigDecimal("30000"), Side.SELL, BigDecimal.ONE);
    ListBasis filled = new ListBasis("ob-1", new BigDecimal("30000"), Side.SELL, BigDecimal.ONE, new BigDecimal("0.03"),
        new BigDecimal("899.9"));
    ListBasis buyExitsInBtc = ListBasis.atPlacement("ob-2", new BigDecimal("0.002"), Side.BUY, new BigDecimal("30000"));

    assertThat(LossLedger.realised(sellExits, new BigDecimal("29000"), new BigDecimal("0.01"))).isEqualByComparingTo("-10");
    // average 29996.666…: (29000 × 0.03 − 899.9) × 0.01 ÷ 0.03 = −9.9666…
    assertThat(LossLedger.realised(filled, new BigDecimal("29000"), new BigDecimal("0.01"))).isEqualByComparingTo("-9.96666667");
    // a short: bought back higher, at a loss, converted at 30000 USDT a BTC
    assertThat(LossLedger.realised(buyExitsInBtc, new BigDecimal("0.0021"), new BigDecimal("10"))).isEqualByComparingTo("-30");
  }

  @Test
  void exitFillsKnownOnlyByTheirQuoteRealiseAsTheSameFillsAtTheirAveragePrice() {
    ListBasis sellExits = ListBasis.atPlacement("ob-1", new BigDecimal("30000"), Side.SELL, BigDecimal.ONE);
    ListBasis filled = new ListBasis("ob-1", new BigDecimal("30000"), Side.SELL, BigDecimal.ONE, new BigDecimal("0.03"),
        new BigDecimal("899.9"));
    ListBasis buyExitsInBtc = ListBasis.atPlacement("ob-2", new BigDecimal("0.002"), Side.BUY, new BigDecimal("30000"));

    assertThat(LossLedger.realisedFor(sellExits, new BigDecimal("290"), new BigDecimal("0.01"))).isEqualByComparingTo("-10");
    assertThat(LossLedger.realisedFor(filled, new BigDecimal("290"), new BigDecimal("0.01"))).isEqualByComparingTo("-9.96666667");
    assertThat(LossLedger.realisedFor(buyExitsInBtc, new BigDecimal("0.021"), new BigDecimal("10"))).isEqualByComparingTo("-30");
    // 0.006 for 173.9 (28983.33… each, never rounded): (173.9 × 0.03 − 899.9 × 0.006) ÷ 0.03 = −6.08
    assertThat(LossLedger.realisedFor(filled, new BigDecimal("173.9"), new BigDecimal("0.006"))).isEqualByComparingTo("-6.08");
  }
}
