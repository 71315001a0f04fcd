package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trailing stops, stop-limits that rest, cancels and queries. */
class TriggersAndCancelTest extends PaperTest {

  @Test
  void aTrailingStopFollowsTheHighAndTriggersOnARetraceOfItsDelta() {
    accepted(oco(Side.SELL, "0.01", maker("33000"), trailingStop(100)));
    events.drain();

    price("31000");
    price("30700");
    assertThat(events.drain()).isEmpty();
    price("30690");

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-tp EXPIRED/EXPIRED OCO_TRIGGER", "ob-t1-sl TRADE/FILLED 0.01@30690", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10306.9", "0"));
  }

  @Test
  void aTrailingStopWithAStopPriceStartsTrackingOnlyOnceThatPriceIsReached() {
    accepted(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", limit("30000")),
        pending(Side.SELL, "0.01",
            new Leg.StopLoss(new Trigger(Optional.of(Price.of("29000")), Optional.of(new TrailingDelta(200)))))));
    events.drain();

    price("29500");
    price("28000");
    price("29000");
    price("28430");
    assertThat(events.drain()).isEmpty();
    price("28420");
    assertThat(events.drain()).containsExactly("ob-t1-sl TRADE/FILLED 0.01@28420", "list ob-t1 ALL_DONE/ALL_DONE");
  }

  @Test
  void aStopLimitTriggeredPastItsLimitRestsThenFillsAtItsLimit() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900")));
    events.drain();

    price("28800");
    assertThat(events.drain()).containsExactly("ob-t1-tp EXPIRED/EXPIRED OCO_TRIGGER");
    assertThat(paper.openOrderLists(ALICE_KEY)).hasSize(1);
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09", "0.01"));

    price("28950");
    assertThat(events.drain()).containsExactly("ob-t1-sl TRADE/FILLED 0.01@28900", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10289", "0"));
  }

  @Test
  void aBuyStopMarketThatGapsPastItsLockPaysTheDifferenceFromFreeBalance() {
    accepted(oco(Side.BUY, "0.01", stop("31000"), maker("28000")));
    events.drain();

    price("31500");

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-tp EXPIRED/EXPIRED OCO_TRIGGER", "ob-t1-sl TRADE/FILLED 0.01@31500", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9685", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.11", "0"));
  }

  @Test
  void exitsWhoseFundsAreNotFreeWhenTheEntryFillsExpireAsRejected() {
    accepted(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), pending(Side.SELL, "0.5", maker("31000"))));
    events.drain();

    price("29500");

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-w TRADE/FILLED 0.01@29500", "ob-t1-tp EXPIRED/EXPIRED REJECTED", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.11", "0"));
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9705", "0"));
  }

  @Test
  void cancelReportsEveryLegCanceledThenAllDoneAndReleasesTheLockedFunds() {
    accepted(new OrderListRequest.Otoco(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), Quantity.of("0.01"),
        new OcoPair(Side.SELL, maker("31000"), stop("29000"))));
    events.drain();
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9705", "295"));

    PlacedOrderList cancelled = paper.cancel(ALICE_KEY, BTCUSDT, OrderListRef.of(ID));

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-w CANCELED/CANCELED", "ob-t1-sl CANCELED/CANCELED", "ob-t1-tp CANCELED/CANCELED",
            "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(cancelled.orderStatus()).isEqualTo(ListOrderStatus.ALL_DONE);
    assertThat(cancelled.legs())
        .extracting(leg -> leg.report().orElseThrow().status())
        .containsOnly(LegStatus.CANCELED);
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10000", "0"));
    assertThatThrownBy(() -> paper.cancel(ALICE_KEY, BTCUSDT, OrderListRef.of(ID)))
        .isInstanceOfSatisfying(ExchangeException.class, e -> {
          assertThat(e.error().code()).isEqualTo(-2011);
          assertThat(e.error().reason()).startsWith("Nothing to cancel");
        });
  }

  @Test
  void cancellingAfterTheEntryFilledReleasesTheExitsLockAndLeavesTheFillAlone() {
    accepted(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), pending(Side.SELL, "0.01", maker("31000"))));
    price("29500");
    events.drain();

    PlacedOrderList cancelled = paper.cancel(ALICE_KEY, BTCUSDT, OrderListRef.of(ID));

    assertThat(events.drain()).containsExactly("ob-t1-tp CANCELED/CANCELED", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(cancelled.leg(ID.legId(LegRole.WORKING)).flatMap(ListLeg::report).map(LegReport::status))
        .contains(LegStatus.FILLED);
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.11", "0"));
  }

  @Test
  void aListCanBeFoundByItsClientIdRightAfterPlacementAndAfterItFinished() {
    PlacedOrderList placed = accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    PlacedOrderList found = paper.orderList(ALICE_KEY, OrderListRef.of(ID)).orElseThrow();
    assertThat(found.id()).isEqualTo(placed.id());
    assertThat(found.legs()).extracting(ListLeg::clientOrderId).containsExactlyElementsOf(
        placed.legs().stream().map(ListLeg::clientOrderId).toList());
    assertThat(found.legs()).allMatch(leg -> leg.report().isEmpty());
    assertThat(paper.orderList(ALICE_KEY, OrderListRef.of(placed.id()))).contains(found);
    assertThat(paper.openOrderLists(ALICE_KEY)).containsExactly(found);
    OrderSnapshot tp = paper.order(ALICE_KEY, BTCUSDT, OrderRef.of(ID.legId(LegRole.TAKE_PROFIT))).orElseThrow();
    assertThat(tp.report().status()).isEqualTo(LegStatus.NEW);
    assertThat(tp.orderListId()).contains(placed.id());

    price("32000");

    assertThat(paper.order(ALICE_KEY, BTCUSDT, OrderRef.of(tp.orderId())).orElseThrow().report().status())
        .isEqualTo(LegStatus.FILLED);
    assertThat(paper.order(ALICE_KEY, BTCUSDT, OrderRef.of(ID.legId(LegRole.STOP_LOSS))).orElseThrow().report().status())
        .isEqualTo(LegStatus.EXPIRED);
    assertThat(paper.orderList(ALICE_KEY, OrderListRef.of(ID)).orElseThrow().orderStatus()).isEqualTo(ListOrderStatus.ALL_DONE);
  }

  @Test
  void unknownListsAndOrdersAreEmptyNotFailures() {
    assertThat(paper.orderList(ALICE_KEY, OrderListRef.of(ID))).isEmpty();
    assertThat(paper.order(ALICE_KEY, BTCUSDT, OrderRef.of(new ClientOrderId("nope")))).isEmpty();
    assertThat(paper.openOrderLists(paperKey("never-seen"))).isEmpty();
  }

  @Test
  void anotherAccountsListsAreInvisibleAndItsEventsAreNotDeliveredUnlessWatched() {
    var bob = paperKey("paper-telegram-7");
    assertThat(paper.place(bob, oco(Side.SELL, "0.01", maker("32000"), stop("29000")), ID))
        .isInstanceOf(PlacementResult.Accepted.class);

    assertThat(paper.openOrderLists(ALICE_KEY)).isEmpty();
    price("32000");

    assertThat(events.drain()).isEmpty();
    assertThat(paper.balances(bob).of(Asset.of("USDT")).orElseThrow().free())
        .isEqualByComparingTo("10320");
    paper.unwatch(ALICE);
    accepted(oco(Side.SELL, "0.01", maker("33000"), stop("29000")));
    assertThat(events.drain()).isEmpty();
  }
}
