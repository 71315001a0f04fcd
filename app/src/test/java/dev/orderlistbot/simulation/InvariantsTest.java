package dev.orderlistbot.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.port.out.OrderListState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checker catches each broken promise in a hand-made history, and passes a clean one. */
class InvariantsTest {
  private static final ChatRef ALICE = new ChatRef("telegram", "1001");
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
  private static final String FILLED = "✅ BTCUSDT OCO #8: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.";
  private static final String PARTIAL = "◑ BTCUSDT OCO #8: take-profit SELL partially filled, 0.005 of 0.01.";
  private static final Observation.ListFact DONE =
      new Observation.ListFact("ob-a", ALICE, OrderListState.ALL_DONE, OptionalLong.of(8), Optional.of(ListOrderStatus.ALL_DONE));
  private static final Observation.Fill TAKE_PROFIT = new Observation.Fill(8, 80, "tp");

  private static Observation history(
      Map<String, Integer> placements, Observation.ListFact list, List<String> told, long pending, List<String> shown) {
    return new Observation(
        placements, List.of(list), List.of(TAKE_PROFIT),
        told.stream().map(text -> new SimChats.Delivery(ALICE, text, AT)).toList(), Set.of(), pending,
        shown.stream().map(text -> new SimChats.Delivery(ALICE, text, AT)).toList(), List.of());
  }

  private static Observation clean() {
    return history(Map.of("ob-a", 1), DONE, List.of(PARTIAL, FILLED), 0, List.of("✅ Placed on PAPER"));
  }

  @Test
  void aCleanHistoryKeepsEveryInvariant() {
    assertThat(Invariants.check(clean())).isEmpty();
  }

  @Test
  void aConfirmationSentTwiceIsCaught() {
    Observation twice = history(Map.of("ob-a", 2), DONE, List.of(FILLED), 0, List.of());

    assertThat(Invariants.check(twice)).singleElement().asString().startsWith(Invariants.PLACED_AT_MOST_ONCE + ":");
  }

  @Test
  void aListTrackedOpenThatTheExchangeFinishedIsCaught() {
    Observation.ListFact stale =
        new Observation.ListFact("ob-a", ALICE, OrderListState.EXECUTING, OptionalLong.of(8), Optional.of(ListOrderStatus.ALL_DONE));

    assertThat(Invariants.check(history(Map.of("ob-a", 1), stale, List.of(FILLED), 0, List.of())))
        .singleElement().asString().startsWith(Invariants.TRACKED_MATCHES_EXCHANGE + ":");
  }

  @Test
  void aListTrackedDoneThatStillWorksOnTheExchangeIsCaught() {
    Observation.ListFact early =
        new Observation.ListFact("ob-a", ALICE, OrderListState.ALL_DONE, OptionalLong.of(8), Optional.of(ListOrderStatus.EXECUTING));

    assertThat(Invariants.check(history(Map.of("ob-a", 1), early, List.of(FILLED), 0, List.of())))
        .singleElement().asString().startsWith(Invariants.TRACKED_MATCHES_EXCHANGE + ":");
  }

  @Test
  void aFillNeverToldIsCaught() {
    assertThat(Invariants.check(history(Map.of("ob-a", 1), DONE, List.of(PARTIAL), 0, List.of())))
        .singleElement().asString().startsWith(Invariants.ONE_NOTICE_PER_FILL + ":");
  }

  @Test
  void anEntryFillToldWithTheWarningThatItsExitsHadEndedCountsAsItsNotice() {
    Observation.Fill entry = new Observation.Fill(8, 79, "w");
    String warned =
        "⚠️ BTCUSDT OTOCO #8: entry BUY 0.01 @ 30,000 filled, but its take-profit and stop-loss had already ended, so"
            + " 0.01 on BTCUSDT has no take-profit or stop-loss. Place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.";

    assertThat(Invariants.isFillNotice(warned, entry)).isTrue();
    assertThat(Invariants.isFillNotice("⚠️ BTCUSDT OTOCO #8: the entry expired after filling 0.005 of 0.01 (why).", entry)).isFalse();
  }

  @Test
  void aFillToldTwiceIsCaughtAsBothTwiceAndDuplicate() {
    assertThat(Invariants.check(history(Map.of("ob-a", 1), DONE, List.of(FILLED, FILLED), 0, List.of())))
        .anyMatch(v -> v.startsWith(Invariants.ONE_NOTICE_PER_FILL + ":"))
        .anyMatch(v -> v.startsWith(Invariants.NO_NOTICE_TWICE + ":"));
  }

  @Test
  void aPartialFillAfterTheFillIsCaughtAsStale() {
    assertThat(Invariants.check(history(Map.of("ob-a", 1), DONE, List.of(FILLED, PARTIAL), 0, List.of())))
        .singleElement().asString().startsWith(Invariants.NO_STALE_NOTICE + ":");
  }

  @Test
  void aPendingOutboxRowIsCaught() {
    assertThat(Invariants.check(history(Map.of("ob-a", 1), DONE, List.of(FILLED), 1, List.of())))
        .singleElement().asString().startsWith(Invariants.NOTHING_PENDING + ":");
  }

  @Test
  void aPreviewLeftSayingPlacingIsCaught() {
    assertThat(Invariants.check(history(Map.of("ob-a", 1), DONE, List.of(FILLED), 0, List.of("Placing… (PAPER)"))))
        .singleElement().asString().startsWith(Invariants.NO_PLACING_FOREVER + ":");
  }

  @Test
  void aFillInAChatThatIsGoneForGoodNeedNotBeTold() {
    Observation gone =
        new Observation(Map.of("ob-a", 1), List.of(DONE), List.of(TAKE_PROFIT), List.of(), Set.of(ALICE), 0, List.of(), List.of());

    assertThat(Invariants.check(gone)).isEmpty();
  }

  // ---- unguarded-position-said

  private static final ChatRef BOB_DM = new ChatRef("telegram", "1002");
  private static final String OTOCO = "BTCUSDT OTOCO #9";
  private static final String ENTRY_FILLED = "✅ BTCUSDT OTOCO #9: entry BUY 0.01 @ 30,000 filled; take-profit and stop-loss are now working.";
  private static final String CANCELLED_HOLDING =
      "✖ Cancelled BTCUSDT OTOCO #9. ⚠️ Its entry had filled, so 0.01 on BTCUSDT is held with no take-profit or stop-loss now:"
          + " place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.";

  /** OTOCO #9, ended on the exchange: its entry filled {@code entry}, its exits (0.01) filled {@code exits}. */
  private static Observation.Position otoco(String entry, String exits, String sold, String reprotected, List<ChatRef> actedFrom) {
    return new Observation.Position(
        OTOCO, ALICE, true, false, new BigDecimal(entry), new BigDecimal("0.01"), new BigDecimal(exits), new BigDecimal(sold),
        new BigDecimal(reprotected), false, actedFrom);
  }

  private static List<String> judged(Observation.Position position, List<SimChats.Delivery> notices, List<SimChats.Delivery> shown, Set<ChatRef> gone) {
    Observation run = new Observation(Map.of(), List.of(), List.of(), notices, gone, 0, shown, List.of(position));
    return Invariants.check(run);
  }

  private static SimChats.Delivery in(ChatRef chat, String text) {
    return new SimChats.Delivery(chat, text, AT);
  }

  @Test
  void anEntryFillLeftWithNoExitWithoutAWordIsCaught() {
    List<String> broken =
        judged(otoco("0.01", "0", "0", "0", List.of(ALICE)), List.of(in(ALICE, ENTRY_FILLED)), List.of(in(ALICE, "✖ Cancelled " + OTOCO + ".")), Set.of());

    assertThat(broken).singleElement().asString().startsWith(Invariants.UNGUARDED_POSITION_SAID + ": " + OTOCO + " left 0.01 held");
  }

  @Test
  void aCancelThatSaysWhatItLeftHeldKeepsTheInvariant() {
    assertThat(judged(otoco("0.01", "0", "0", "0", List.of(ALICE)), List.of(in(ALICE, ENTRY_FILLED)), List.of(in(ALICE, CANCELLED_HOLDING)), Set.of()))
        .isEmpty();
  }

  @Test
  void theWarningOfAnotherListDoesNotCount() {
    String other = CANCELLED_HOLDING.replace("#9", "#91");
    String panic = "✅ Panic: 2 of 2 list(s) done.\n• ✖ Cancelled " + OTOCO + ".\n• " + CANCELLED_HOLDING.replace("#9", "#10");

    assertThat(judged(otoco("0.01", "0", "0", "0", List.of(ALICE)), List.of(), List.of(in(ALICE, other), in(ALICE, panic)), Set.of()))
        .singleElement().asString().startsWith(Invariants.UNGUARDED_POSITION_SAID + ":");
  }

  @Test
  void aReducePreviewSayingWhatIsTakenOffIsNoWarningOfAnUnguardedPosition() {
    String preview = "🔧 PAPER: reduce " + OTOCO + " from 0.01 to 0.005.\nOne amend that keeps the orders' places in the queue.\n"
        + "The 0.005 taken off will have no take-profit or stop-loss from this list.\nConfirm within 60 s.";

    assertThat(judged(otoco("0.01", "0", "0", "0", List.of(ALICE)), List.of(), List.of(in(ALICE, preview)), Set.of()))
        .singleElement().asString().startsWith(Invariants.UNGUARDED_POSITION_SAID + ":");
  }

  @Test
  void aWarningInAChatThatHasNothingToDoWithTheListDoesNotCount() {
    assertThat(judged(otoco("0.01", "0", "0", "0", List.of(ALICE)), List.of(), List.of(in(BOB_DM, CANCELLED_HOLDING)), Set.of()))
        .singleElement().asString().startsWith(Invariants.UNGUARDED_POSITION_SAID + ":");
  }

  @Test
  void aWarningAnsweredWhereTheTraderActedCounts() {
    String noStop =
        "🚨 " + OTOCO + " is cancelled, but the new list was NOT placed: Binance refused it.\nYour position of 0.01 on BTCUSDT has NO"
            + " stop now. Retry places the same new list once more; Close at market sells (or buys back) exactly that quantity.";

    assertThat(judged(otoco("0.01", "0", "0", "0", List.of(BOB_DM)), List.of(), List.of(in(BOB_DM, noStop)), Set.of())).isEmpty();
  }

  @Test
  void theSettlementOfAStopMoveMayNameTheListWithoutItsKind() {
    String neverPlaced =
        "🚨 The new list that was to replace BTCUSDT #9 is not on PAPER: it was never placed. If BTCUSDT #9 was cancelled, your"
            + " position has NO stop now: /close it or place a new /oco.";

    assertThat(judged(otoco("0.01", "0", "0", "0", List.of()), List.of(), List.of(in(ALICE, neverPlaced)), Set.of())).isEmpty();
    assertThat(judged(otoco("0.01", "0", "0", "0", List.of()), List.of(), List.of(in(ALICE, neverPlaced.replace("#9", "#90"))), Set.of()))
        .hasSize(1);
  }

  @Test
  void whatTheExitsClosedTheMarketSoldOrANewListProtectsNeedsNoWord() {
    assertThat(judged(otoco("0.01", "0.01", "0", "0", List.of()), List.of(), List.of(), Set.of())).isEmpty();
    assertThat(judged(otoco("0.01", "0", "0.01", "0", List.of(ALICE)), List.of(), List.of(), Set.of())).isEmpty();
    assertThat(judged(otoco("0.01", "0", "0", "0.01", List.of(ALICE)), List.of(), List.of(), Set.of())).isEmpty();
    // a list still working on the exchange guards what it holds, or will once its entry fills in full
    Observation.Position working =
        new Observation.Position(OTOCO, ALICE, true, true, new BigDecimal("0.004"), new BigDecimal("0.01"), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, false, List.of());
    assertThat(judged(working, List.of(), List.of(), Set.of())).isEmpty();
  }

  @Test
  void anEntryCancelledAfterAPartialFillIsSaidByItsNotice() {
    Observation.Position partly = otoco("0.004", "0", "0", "0", List.of());
    String warned =
        "⚠️ " + OTOCO + ": the entry BUY was cancelled after filling 0.004 of 0.01, and its take-profit and stop-loss go on the book"
            + " only when the entry fills in full, so 0.004 on BTCUSDT has no take-profit or stop-loss. Place them"
            + " (/oco BTCUSDT sell 0.004 tp … sl …) or check /orders.";

    assertThat(judged(partly, List.of(), List.of(), Set.of())).singleElement().asString().contains(" left 0.004 held");
    assertThat(judged(partly, List.of(in(ALICE, warned)), List.of(), Set.of())).isEmpty();
  }

  @Test
  void anOcoItsTraderAskedToCancelIsNotJudgedButAnOcoEndedOtherwiseIs() {
    String cancelled = "✖ Cancelled BTCUSDT OCO #8.";
    Observation.Position asked =
        new Observation.Position("BTCUSDT OCO #8", ALICE, false, false, BigDecimal.ZERO, new BigDecimal("0.01"), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, true, List.of(ALICE));
    Observation.Position closed =
        new Observation.Position("BTCUSDT OCO #8", ALICE, false, false, BigDecimal.ZERO, new BigDecimal("0.01"), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, false, List.of(ALICE));

    assertThat(judged(asked, List.of(), List.of(), Set.of())).isEmpty();
    // a /close whose cancel went through and whose market order never sold: "Cancelled" alone does not say it
    assertThat(judged(closed, List.of(), List.of(in(ALICE, cancelled)), Set.of())).hasSize(1);
  }

  @Test
  void theCancelOfAnOtocoWhoseEntryFilledIsJudgedThoughTheTraderAskedForIt() {
    Observation.Position asked =
        new Observation.Position(OTOCO, ALICE, true, false, new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, true, List.of(ALICE));

    assertThat(judged(asked, List.of(), List.of(in(ALICE, "✖ Cancelled " + OTOCO + ".")), Set.of())).hasSize(1);
    assertThat(judged(asked, List.of(), List.of(in(ALICE, CANCELLED_HOLDING)), Set.of())).isEmpty();
  }

  @Test
  void aPositionWhoseChatIsGoneForGoodIsNotJudged() {
    assertThat(judged(otoco("0.01", "0", "0", "0", List.of(BOB_DM)), List.of(), List.of(), Set.of(BOB_DM))).isEmpty();
  }
}
