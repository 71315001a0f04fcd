package dev.orderlistbot.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.port.out.OrderListState;
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
        told.stream().map(text -> new SimChats.Delivery(ALICE, text, AT)).toList(), Set.of(), pending, shown);
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
        new Observation(Map.of("ob-a", 1), List.of(DONE), List.of(TAKE_PROFIT), List.of(), Set.of(ALICE), 0, List.of());

    assertThat(Invariants.check(gone)).isEmpty();
  }
}
