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

import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the trader is told and where the record goes when the exchange's events come in the orders
 * Binance sends them (reference 5.4, 5.5), and when a position is left with no exit.
 */
class NoticesEventOrderTest {

  @Test
  void aFailedCancelsRejectListStatusDoesNotEndAListThatIsStillWorking() {
    // reference 5.4: l=RESPONSE, L=REJECT answers a failed action, a placement *or a cancel*; a cancel
    // refused for a list on the book must not stop the bot following it
    TrackedOrderList working = tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);

    Notices.Notice notice = Notices.of(working, list(ListStatusType.RESPONSE, ListOrderStatus.REJECT));

    assertThat(notice.newState()).isEmpty();
  }

  @Test
  void aTakeProfitsPartialFillThatExpiresTheStopLossTellsTheTraderTheRestHasNoStop() {
    // reference 5.5 "Take-profit fills": TP PARTIALLY_FILLED, SL EXPIRED eR=OCO_TRIGGER, list ALL_DONE,
    // then more TP trades. 0.006 stays bought with only a resting take-profit and no stop.
    TrackedOrderList open = tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);
    List<String> told = new ArrayList<>();

    told(told, Notices.of(open, leg(LegRole.TAKE_PROFIT, LegStatus.PARTIALLY_FILLED, "0.004", "128", ExpiryReason.NONE)));
    told(told, Notices.of(open, leg(LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER)));
    told(told, Notices.of(endedExcept(open, LegRole.TAKE_PROFIT), list(ListStatusType.ALL_DONE, ListOrderStatus.ALL_DONE)));

    assertThat(told).as("what the trader heard").anySatisfy(text -> assertThat(text).contains("stop-loss"));
  }

  @Test
  void anEntryCancelledElsewhereAfterAPartialFillWarnsThatWhatFilledHasNoExits() {
    // reference 1.2: the pending orders are placed only when the working order is *fully* filled; the
    // 0.004 bought before the cancel has no take-profit or stop-loss (as Expiries says for an expiry)
    TrackedOrderList list =
        endedExcept(
            tracked(ListKind.OTOCO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            LegRole.WORKING);

    Notices.Notice notice = Notices.of(list, leg(LegRole.WORKING, LegStatus.CANCELED, "0.004", "120", ExpiryReason.NONE));

    assertThat(notice.text()).hasValueSatisfying(text -> assertThat(text).contains("0.004").contains("no take-profit or stop-loss"));
  }

  @Test
  void theBotsOwnCancelOfAPartlyFilledEntryLeavesTheWarningToTheCancelsAnswer() {
    // the cancel's answer says what is held (ListCancels); here it would also be said to a trader who
    // closes or moves the stop, whose action cancels first and then deals with the position itself
    TrackedOrderList list =
        endedExcept(
            tracked(ListKind.OTOCO, OrderListState.CANCELLING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
            LegRole.WORKING);

    Notices.Notice notice = Notices.of(list, leg(LegRole.WORKING, LegStatus.CANCELED, "0.004", "120", ExpiryReason.NONE));

    assertThat(notice.text()).isEmpty();
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void anEntryFillHeardWhileTheBotsCancelIsOnItsWayDoesNotCallTheExitsWorking() {
    // the entry fills just before the bot's cancel lands; the cancel then ends the exits Binance had just
    // placed: they are not "now working" (the cancel's answer says what is held, CancelRaceTest)
    TrackedOrderList cancelling =
        tracked(ListKind.OTOCO, OrderListState.CANCELLING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);
    List<String> told = new ArrayList<>();

    told(told, Notices.of(cancelling, leg(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", ExpiryReason.NONE)));
    TrackedOrderList entryEnded = filled(endedExcept(cancelling, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS), LegRole.WORKING);
    told(told, Notices.of(entryEnded, leg(LegRole.TAKE_PROFIT, LegStatus.CANCELED, "0", "0", ExpiryReason.NONE)));
    Notices.Notice last = Notices.of(endedExcept(entryEnded, LegRole.STOP_LOSS), leg(LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0", ExpiryReason.NONE));
    told(told, last);

    assertThat(last.newState()).contains(OrderListState.ALL_DONE);
    assertThat(told).containsExactly("✅ BTCUSDT OTOCO #8821: entry SELL 0.01 @ 30,000 filled.");
  }

  @Test
  void anOcoCancelledWhileTheBotHeldItOpenWarnsThatThePositionHasNoExit() {
    // cancelled elsewhere, or by the bot's own cancel whose answer was lost (simulation seeds 84521, 85173)
    TrackedOrderList list = endedExcept(tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS), LegRole.STOP_LOSS);

    Notices.Notice notice = Notices.of(list, leg(LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text()).contains(
        "⚠️ BTCUSDT OCO #8821: its take-profit and stop-loss were cancelled, so 0.01 on BTCUSDT has no take-profit or"
            + " stop-loss any more. Place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
    assertThat(notice.redacted()).hasValueSatisfying(text -> assertThat(text).doesNotContain("0.01"));
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void exitsCancelledElsewhereAfterTheEntryFilledWarnThatThePositionHasNone() {
    TrackedOrderList list =
        filled(
            endedExcept(
                tracked(ListKind.OTOCO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
                LegRole.STOP_LOSS),
            LegRole.WORKING);

    Notices.Notice notice = Notices.of(list, leg(LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text()).contains(
        "⚠️ BTCUSDT OTOCO #8821: its take-profit and stop-loss were cancelled after the entry filled, so 0.01 on BTCUSDT has"
            + " no take-profit or stop-loss. Place them again (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
    assertThat(notice.redacted()).hasValueSatisfying(text -> assertThat(text).doesNotContain("0.01"));
    assertThat(notice.newState()).contains(OrderListState.ALL_DONE);
  }

  @Test
  void theExitsCancelledByTheBotAfterItsCancelClosedTheListStaySilent() {
    // the cancel's answer came first and ended the record; a close or a stop's move goes on from there
    TrackedOrderList list =
        filled(
            endedExcept(
                tracked(ListKind.OTOCO, OrderListState.ALL_DONE, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
                LegRole.STOP_LOSS),
            LegRole.WORKING);

    Notices.Notice notice = Notices.of(list, leg(LegRole.STOP_LOSS, LegStatus.CANCELED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text()).isEmpty();
  }

  @Test
  void aStopLossExpiredByItsTakeProfitWhileTheBotCancelsIsLeftToTheCancelsAnswer() {
    TrackedOrderList cancelling = tracked(ListKind.OCO, OrderListState.CANCELLING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);

    Notices.Notice notice = Notices.of(cancelling, leg(LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER));

    assertThat(notice.text()).isEmpty();
  }

  @Test
  void theTakeProfitsFullFillThenTheStopLossesExpiryStaysSilent() {
    // reference 5.5: the fill first (recorded ended), the sibling's OCO_TRIGGER expiry after it
    TrackedOrderList list = filled(tracked(ListKind.OCO, OrderListState.ALL_DONE, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS), LegRole.TAKE_PROFIT);

    Notices.Notice notice = Notices.of(list, leg(LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0", ExpiryReason.OCO_TRIGGER));

    assertThat(notice.text()).isEmpty();
  }

  @Test
  void aRejectListStatusStillEndsAListWhosePlacementWasUnknown() {
    TrackedOrderList unknown = tracked(ListKind.OCO, OrderListState.UNKNOWN, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);

    Notices.Notice notice = Notices.of(unknown, list(ListStatusType.RESPONSE, ListOrderStatus.REJECT));

    assertThat(notice.newState()).contains(OrderListState.REJECTED);
  }

  @Test
  void anEntryFillToldAfterOneExitOfItsPairFilledDoesNotCallTheOtherExitWorking() {
    // the catch-up hands fills over first, in the exchange's order of the list's orders, which Binance
    // does not specify (reference 1.0): the take-profit's fill may come before the entry's, the stop-loss's
    // OCO_TRIGGER expiry after both. Once the take-profit filled, the stop-loss is not working.
    TrackedOrderList list =
        filled(
            endedExcept(
                tracked(ListKind.OTOCO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS),
                LegRole.WORKING, LegRole.STOP_LOSS),
            LegRole.TAKE_PROFIT);

    Notices.Notice notice = Notices.of(list, leg(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", ExpiryReason.NONE));

    assertThat(notice.text()).hasValueSatisfying(text -> assertThat(text).doesNotContain("now working"));
  }

  private static void told(List<String> told, Notices.Notice notice) {
    notice.text().ifPresent(told::add);
  }







  @Test
  void anExitRejectedWhenPlacedAfterTheEntryFilledSaysThePositionHasNoStop() {
    // an OTO family's exits are placed when the entry fills (reference 1.2); one refused then
    // (X=REJECTED, e.g. a stop that would trigger at once) leaves what the entry bought unguarded
    TrackedOrderList entryFilled =
        filled(tracked(ListKind.OTOCO, OrderListState.EXECUTING, LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS), LegRole.WORKING);

    Notices.Notice notice = Notices.of(entryFilled, leg(LegRole.STOP_LOSS, LegStatus.REJECTED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text())
        .contains("⚠️ BTCUSDT OTOCO #8821: the stop-loss was rejected by the exchange when it was placed, so 0.01 on BTCUSDT"
            + " has no stop. Place a new stop (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
    assertThat(notice.redacted()).hasValueSatisfying(text -> assertThat(text).doesNotContain("0.01").contains("the position has no stop"));
    assertThat(notice.newState()).isEmpty();
  }

  @Test
  void aWorkingOcosLegRejectedSaysWhatItNoLongerGuards() {
    TrackedOrderList working = tracked(ListKind.OCO, OrderListState.EXECUTING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);

    Notices.Notice notice = Notices.of(working, leg(LegRole.TAKE_PROFIT, LegStatus.REJECTED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text())
        .contains("⚠️ BTCUSDT OCO #8821: the take-profit was rejected by the exchange when it was placed, so 0.01 on BTCUSDT"
            + " has no take-profit. Place a new take-profit (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.");
  }

  @Test
  void aLegRejectedWithAPlacementNotKnownToHaveGoneThroughRaisesNoAlarmAboutAPosition() {
    // the placement's own answer tells the trader it failed; nothing was bought, so nothing is unguarded
    TrackedOrderList placing = tracked(ListKind.OCO, OrderListState.UNKNOWN, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);

    Notices.Notice notice = Notices.of(placing, leg(LegRole.TAKE_PROFIT, LegStatus.REJECTED, "0", "0", ExpiryReason.NONE));

    assertThat(notice.text()).contains("❌ BTCUSDT OCO #8821: take-profit was rejected by the exchange.");
  }
}
