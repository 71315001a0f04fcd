package dev.orderlistbot.core.engine;

import static dev.orderlistbot.core.engine.NoticeFixtures.BTCUSDT;
import static dev.orderlistbot.core.engine.NoticeFixtures.LIST;
import static dev.orderlistbot.core.engine.NoticeFixtures.NOW;
import static dev.orderlistbot.core.engine.NoticeFixtures.ended;
import static dev.orderlistbot.core.engine.NoticeFixtures.endedExcept;
import static dev.orderlistbot.core.engine.NoticeFixtures.filled;
import static dev.orderlistbot.core.engine.NoticeFixtures.leg;
import static dev.orderlistbot.core.engine.NoticeFixtures.list;
import static dev.orderlistbot.core.engine.NoticeFixtures.tracked;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NoticesTest {

  @Test
  void aFilledOcoTakeProfitSaysTheStopLossExpiredInTheSameSentence() {
    Notices.Notice notice =
        Notices.of(
            tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            leg(LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320", ExpiryReason.NONE));

    assertThat(notice.text()).contains("✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.");
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void theSiblingExpiringBecauseOfTheFillSaysNothingMore() {
    // the take-profit's fill came first (reference 5.5) and the router recorded its end
    Notices.Notice notice =
        Notices.of(
            filled(tracked(ListKind.OCO, OrderListState.ALL_DONE, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS), LegRole.TAKE_PROFIT),
            leg(LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER));

    assertThat(notice.text()).isEmpty();
  }

  @Test
  void anOtocoEntryFillSaysBothExitsAreNowWorkingAndKeepsTheListOpen() {
    Notices.Notice notice =
        Notices.of(
            tracked(ListKind.OTOCO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            leg(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", ExpiryReason.NONE));

    assertThat(notice.text())
        .contains("✅ BTCUSDT OTOCO #8821: entry SELL 0.01 @ 30,000 filled; take-profit and stop-loss are now working.");
    assertThat(notice.newState()).isEmpty();
  }

  @Test
  void aListThatEndsWithoutAReportedFillAfterEveryLegEndedIsReportedClosed() {
    Notices.Notice open = Notices.of(ended(tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT)), done());
    Notices.Notice finished = Notices.of(tracked(ListKind.OCO, OrderListState.ALL_DONE, LegRole.TAKE_PROFIT), done());

    assertThat(open.text()).contains("⏹ BTCUSDT OCO #8821 is closed on the exchange: no order of it is working any more.");
    assertThat(open.newState()).contains(OrderListState.ALL_DONE);
    assertThat(finished.text()).isEmpty();
  }

  @Test
  void theEndOfAListWhoseCancelEndedEveryLegSeenIsSilentAndClosesTheRecord() {
    Notices.Notice notice =
        Notices.of(ended(tracked(ListKind.OCO, OrderListState.CANCELLING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS)), done());

    assertThat(notice.text()).isEmpty();
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void theEndOfAListWhoseCancelLeftALegsEndUnseenKeepsItFollowedUntilThatEndIsTold() {
    // seed 10963: the entry filled unseen (its event lost), the cancel's answer showed it and asked
    // for a catch-up; the list's ALL_DONE must not end the record before the catch-up tells the fill
    Notices.Notice notice =
        Notices.of(tracked(ListKind.OTOCO, OrderListState.CANCELLING, LegRole.WORKING, LegRole.TAKE_PROFIT), done());

    assertThat(notice.text()).isEmpty();
    assertThat(notice.newState()).isEmpty();
  }

  @Test
  void theLastLegsEndToldAfterTheEndOfAListBeingCancelledClosesTheRecord() {
    // seed 30550: the entry's fill was lost in a stream gap, the cancel's answer showed it, the list's
    // ALL_DONE kept the record followed; the fill the catch-up then told is the last end, and ends it
    Notices.Notice notice = entryFillToldLastWhileCancelling();

    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
    assertThat(notice.text()).hasValueSatisfying(text -> assertThat(text).contains("entry SELL 0.01 @ 30,000 filled"));
  }

  @Test
  void theLastLegTheBotsOwnCancelEndsClosesTheRecordWithoutASentence() {
    TrackedOrderList list =
        endedExcept(tracked(ListKind.OCO, OrderListState.CANCELLING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS), LegRole.STOP_LOSS);

    Notices.Notice notice = Notices.of(list, leg(LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text()).isEmpty();
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aRejectedLegThatIsTheLastToEndSaysSoAndClosesTheRecord() {
    // the list's own end may come first (the record then waits for its legs): the last leg's end
    // must close it whatever that end is, or the list stays followed while the exchange is done
    TrackedOrderList list =
        endedExcept(tracked(ListKind.OTO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT), LegRole.TAKE_PROFIT);

    Notices.Notice notice = Notices.of(list, leg(LegRole.TAKE_PROFIT, LegStatus.REJECTED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text()).contains("❌ BTCUSDT OTO #8821: take-profit was rejected by the exchange.");
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anEntryFillToldAfterItsExitsEndedWarnsThatNothingProtectsThePosition() {
    // the exits were cancelled after the entry filled unseen: "now working" would be a lie about money
    Notices.Notice notice = entryFillToldLastWhileCancelling();

    assertThat(notice.text())
        .contains("⚠️ BTCUSDT OTOCO #8821: entry SELL 0.01 @ 30,000 filled, but its take-profit and stop-loss had already"
            + " ended, so 0.01 on BTCUSDT has no take-profit or stop-loss. Place them again (/oco BTCUSDT buy 0.01 tp … sl …)"
            + " or check /orders.");
    assertThat(notice.redacted()).hasValueSatisfying(text -> assertThat(text).doesNotContain("0.01").contains("the position has no"));
    assertThat(notice.text().orElseThrow()).doesNotContain("now working");
  }

  @Test
  void anEntryFillToldAfterAnExitFilledNeitherWarnsNorCallsTheExitsWorking() {
    // the entry's fill lost in a gap, its take-profit's fill seen (and told): the position was closed
    TrackedOrderList list =
        filled(
            endedExcept(
                tracked(ListKind.OTOCO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
                LegRole.WORKING),
            LegRole.TAKE_PROFIT);

    Notices.Notice notice = Notices.of(list, leg(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", ExpiryReason.NONE));

    assertThat(notice.text()).contains("✅ BTCUSDT OTOCO #8821: entry SELL 0.01 @ 30,000 filled.");
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anEntryFillToldWhileOneExitStillRestsCallsOnlyThatOneWorking() {
    TrackedOrderList list =
        endedExcept(
            tracked(ListKind.OTOCO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            LegRole.WORKING, LegRole.STOP_LOSS);

    // (its take-profit expired unseen before, say, and was told on its own)
    Notices.Notice notice = Notices.of(list, leg(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", ExpiryReason.NONE));

    assertThat(notice.text()).contains("✅ BTCUSDT OTOCO #8821: entry SELL 0.01 @ 30,000 filled; stop-loss is now working.");
    assertThat(notice.newState()).isEmpty();
  }

  @Test
  void aListBinanceEndsWhileALegStillRestsSaysWhichAndStaysOpen() {
    Notices.Notice notice = Notices.of(tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.STOP_LOSS), done());

    assertThat(notice.text())
        .contains("▶️ BTCUSDT OCO #8821 is done on the exchange, but its stop-loss has not ended yet: it stays on the"
            + " book until it fills, expires or is cancelled. See /orders.");
    assertThat(notice.newState()).isEmpty();
  }

  @Test
  void aSelfTradePreventedStopLossSaysSoAndItsRedactedCopyHasNoQuantity() {
    OrderListUpdate.LegChanged leg = leg(LegRole.STOP_LOSS, LegStatus.EXPIRED_IN_MATCH, "0", "0", ExpiryReason.NONE);

    Notices.Notice notice = Notices.of(tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.STOP_LOSS), leg);

    assertThat(notice.text())
        .contains("⚠️ BTCUSDT OCO #8821: the stop-loss expired without filling (it would have traded with another order"
            + " of your own, which self-trade prevention stops), so 0.01 on BTCUSDT has no stop any more. Place a new"
            + " stop (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
    assertThat(notice.redacted()).hasValueSatisfying(text -> assertThat(text).doesNotContain("0.01").contains("the position has no stop"));
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anOcoTriggerExpiryIsSilentButTheLastLegToEndStillEndsTheList() {
    Notices.Notice notice =
        Notices.of(
            tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT),
            leg(LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER));

    assertThat(notice.text()).isEmpty();
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void aFillWhileTheCancelIsOnItsWayIsToldAndEndsTheList() {
    Notices.Notice notice =
        Notices.of(
            tracked(ListKind.OCO, OrderListState.CANCELLING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            leg(LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320", ExpiryReason.NONE));

    assertThat(notice.text()).contains("✅ BTCUSDT OCO #8821: take-profit SELL 0.01 @ 32,000 filled; stop-loss expired.");
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anExpiryWhileTheCancelIsOnItsWayIsNotToldOnItsOwn() {
    Notices.Notice notice =
        Notices.of(
            tracked(ListKind.OTO, OrderListState.CANCELLING, LegRole.WORKING, LegRole.TAKE_PROFIT),
            leg(LegRole.TAKE_PROFIT, LegStatus.EXPIRED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text()).isEmpty();
  }

  private static OrderListUpdate done() {
    return new OrderListUpdate.ListChanged(
        "list:1", BTCUSDT, new OrderListId(8821), LIST, ContingencyType.OCO, ListStatusType.ALL_DONE,
        ListOrderStatus.ALL_DONE, NOW);
  }

  /** Seed 30550's last event: an OTOCO being cancelled, its exits seen ended unfilled, its entry's fill told last. */
  private static Notices.Notice entryFillToldLastWhileCancelling() {
    TrackedOrderList list =
        endedExcept(
            tracked(ListKind.OTOCO, OrderListState.CANCELLING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            LegRole.WORKING);
    return Notices.of(list, leg(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", ExpiryReason.NONE));
  }

  @Test
  void aPartialFillSaysHowMuchOfTheOrderIsFilled() {
    Notices.Notice notice =
        Notices.of(
            tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            leg(LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.004", "128", ExpiryReason.NONE));

    assertThat(notice.text()).contains("◑ BTCUSDT OCO #8821: take-profit SELL partially filled, 0.004 of 0.01.");
    assertThat(notice.merge()).isEqualTo(Notices.Merge.PARTIAL);
    assertThat(notice.mergeKey()).isEqualTo(LIST.legId(LegRole.TAKE_PROFIT).value());
  }

  @Test
  void aFillOutranksEveryPartialFillOfItsOrderAndALargerPartialFillASmallerOne() {
    TrackedOrderList list = tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);
    MergeRank filled = Notices.of(list, leg(LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320", ExpiryReason.NONE)).rank();
    MergeRank more = Notices.of(list, leg(LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.006", "192", ExpiryReason.NONE)).rank();
    MergeRank less = Notices.of(list, leg(LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.0040", "128", ExpiryReason.NONE)).rank();

    assertThat(filled.isAbove(more)).isTrue();
    assertThat(more.isAbove(filled)).isFalse();
    assertThat(more.isAbove(less)).isTrue();
    assertThat(less.isAbove(more)).isFalse();
    assertThat(less.isAbove(MergeRank.partial(new BigDecimal("0.004")))).as("compared by value, not scale").isFalse();
  }

  @Test
  void theRedactedTextsKeepPricesButNeverQuantities() {
    TrackedOrderList list = tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);

    Notices.Notice filled = Notices.of(list, leg(LegRole.TAKE_PROFIT, LegStatus.FILLED, "0.01", "320", ExpiryReason.NONE));
    Notices.Notice partial =
        Notices.of(list, leg(LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.004", "128", ExpiryReason.NONE));

    assertThat(filled.redacted()).contains("✅ BTCUSDT OCO #8821: take-profit SELL @ 32,000 filled; stop-loss expired.");
    assertThat(filled.merge()).isEqualTo(Notices.Merge.FINAL);
    assertThat(partial.redacted()).contains("◑ BTCUSDT OCO #8821: take-profit SELL partially filled.");
    assertThat(filled.redacted().orElseThrow() + partial.redacted().orElseThrow()).doesNotContain("0.01", "0.004");
  }


}
