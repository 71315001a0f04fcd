package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each of the five kinds placed and driven to its end by hand-set prices: events and balances, exactly. */
class OrderListLifecycleTest extends PaperTest {

  @Test
  void sellOcoTakeProfitFillsAtItsLimitThenTheStopExpiresAndTheListIsDone() {
    PlacedOrderList placed = accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900")));

    assertThat(placed.id()).isEqualTo(new OrderListId(1));
    assertThat(placed.clientId()).isEqualTo(ID);
    assertThat(placed.contingencyType()).isEqualTo(ContingencyType.OCO);
    assertThat(placed.listStatus()).isEqualTo(ListStatusType.EXEC_STARTED);
    assertThat(placed.legs()).extracting(ListLeg::clientOrderId)
        .containsExactly(ID.legId(LegRole.STOP_LOSS), ID.legId(LegRole.TAKE_PROFIT));
    assertThat(events.drain())
        .containsExactly("ob-t1-sl NEW/NEW", "ob-t1-tp NEW/NEW", "list ob-t1 EXEC_STARTED/EXECUTING");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09", "0.01"));

    price("31999.99");
    assertThat(events.drain()).isEmpty();
    price("32100");

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-tp TRADE/FILLED 0.01@32000", "ob-t1-sl EXPIRED/EXPIRED OCO_TRIGGER", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10320", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09", "0"));
    assertThat(paper.openOrderLists(ALICE_KEY)).isEmpty();
    assertThat(paper.orderList(ALICE_KEY, OrderListRef.of(ID)).orElseThrow().orderStatus())
        .isEqualTo(ListOrderStatus.ALL_DONE);
  }

  @Test
  void sellOcoStopTriggersTheTakeProfitExpiresFirstAndTheStopSellsAtTheMarket() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    events.drain();

    price("29000.01");
    assertThat(events.drain()).isEmpty();
    price("28950");

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-tp EXPIRED/EXPIRED OCO_TRIGGER", "ob-t1-sl TRADE/FILLED 0.01@28950", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10289.5", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09", "0"));
  }

  @Test
  void buyOcoLocksQuoteForItsDearestLegAndPaysOnlyWhatTheFillCosts() {
    accepted(oco(Side.BUY, "0.01", stop("31000"), maker("28000")));
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9690", "310"));
    events.drain();

    price("28000");

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-tp TRADE/FILLED 0.01@28000", "ob-t1-sl EXPIRED/EXPIRED OCO_TRIGGER", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9720", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.11", "0"));
  }

  @Test
  void otoEntryFillsInFullThenItsPendingExitGoesLiveAndFills() {
    PlacedOrderList placed =
        accepted(new OrderListRequest.Oto(
            BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), pending(Side.SELL, "0.01", maker("31000"))));

    assertThat(placed.contingencyType()).isEqualTo(ContingencyType.OTO);
    assertThat(report(placed, LegRole.TAKE_PROFIT).status()).isEqualTo(LegStatus.PENDING_NEW);
    assertThat(events.drain())
        .containsExactly("ob-t1-w NEW/NEW", "ob-t1-tp NEW/PENDING_NEW", "list ob-t1 EXEC_STARTED/EXECUTING");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9705", "295"));

    price("29400");
    assertThat(events.drain()).containsExactly("ob-t1-w TRADE/FILLED 0.01@29500", "ob-t1-tp NEW/NEW");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9705", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.1", "0.01"));

    price("31000");
    assertThat(events.drain()).containsExactly("ob-t1-tp TRADE/FILLED 0.01@31000", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10015", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.1", "0"));
  }

  @Test
  void otocoEntryActivatesAnOcoPairWhoseStopThenTriggers() {
    accepted(new OrderListRequest.Otoco(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), Quantity.of("0.01"),
        new OcoPair(Side.SELL, maker("31000"), stop("29000"))));
    assertThat(events.drain())
        .containsExactly(
            "ob-t1-w NEW/NEW", "ob-t1-sl NEW/PENDING_NEW", "ob-t1-tp NEW/PENDING_NEW", "list ob-t1 EXEC_STARTED/EXECUTING");

    price("29500");
    assertThat(events.drain()).containsExactly("ob-t1-w TRADE/FILLED 0.01@29500", "ob-t1-sl NEW/NEW", "ob-t1-tp NEW/NEW");

    price("28900");
    assertThat(events.drain())
        .containsExactly(
            "ob-t1-tp EXPIRED/EXPIRED OCO_TRIGGER", "ob-t1-sl TRADE/FILLED 0.01@28900", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9994", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.1", "0"));
  }

  @Test
  void opoExitSellsExactlyWhatTheEntryBought() {
    PlacedOrderList placed =
        accepted(new OrderListRequest.Opo(BTCUSDT, entry(Side.BUY, "0.02", limit("29500")), maker("31000")));

    assertThat(report(placed, LegRole.TAKE_PROFIT).origQty()).isEmpty();
    List<OrderListUpdate> atPlacement = events.updates();
    assertThat(((OrderListUpdate.LegChanged) atPlacement.get(1)).orderQuantity()).isEqualByComparingTo("0");
    events.drain();

    price("29500");
    List<OrderListUpdate> atEntryFill = events.updates();
    assertThat(events.drain()).containsExactly("ob-t1-w TRADE/FILLED 0.02@29500", "ob-t1-tp NEW/NEW");
    assertThat(((OrderListUpdate.LegChanged) atEntryFill.get(1)).orderQuantity()).isEqualByComparingTo("0.02");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.1", "0.02"));

    price("31000");
    assertThat(events.drain()).containsExactly("ob-t1-tp TRADE/FILLED 0.02@31000", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10030", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.1", "0"));
  }

  @Test
  void opocoMakerEntryThenATakeProfitLimitTriggersAndFillsAtTheMarket() {
    accepted(new OrderListRequest.Opoco(
        ETHUSDT, entry(Side.BUY, "0.5", maker("1950")),
        new OcoPair(Side.SELL, takeProfitLimit("2100", "2099"), stopLimit("1900", "1890"))));
    events.drain();

    paper.setPrice(ETHUSDT, Price.of("1950"));
    assertThat(events.drain()).containsExactly("ob-t1-w TRADE/FILLED 0.5@1950", "ob-t1-sl NEW/NEW", "ob-t1-tp NEW/NEW");
    assertThat(balance("ETH")).isEqualTo(bal("ETH", "2", "0.5"));

    paper.setPrice(ETHUSDT, Price.of("2100"));
    assertThat(events.drain())
        .containsExactly(
            "ob-t1-sl EXPIRED/EXPIRED OCO_TRIGGER", "ob-t1-tp TRADE/FILLED 0.5@2100", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10075", "0"));
    assertThat(balance("ETH")).isEqualTo(bal("ETH", "2", "0"));
  }

  @Test
  void anEntryPricedThroughTheMarketFillsAtOnceAtTheMarketPrice() {
    accepted(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", limit("31000")), pending(Side.SELL, "0.01", maker("32000"))));

    assertThat(events.drain())
        .containsExactly(
            "ob-t1-w NEW/NEW", "ob-t1-tp NEW/PENDING_NEW", "list ob-t1 EXEC_STARTED/EXECUTING",
            "ob-t1-w TRADE/FILLED 0.01@30000", "ob-t1-tp NEW/NEW");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9700", "0"));
  }

  @Test
  void eventsCarryCumulativeFiguresAndUniqueIds() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    price("32000");

    List<OrderListUpdate> all = events.updates();
    OrderListUpdate.LegChanged fill = (OrderListUpdate.LegChanged) all.get(3);
    assertThat(fill.cumulativeQuantity()).isEqualByComparingTo("0.01");
    assertThat(fill.cumulativeQuote()).isEqualByComparingTo("320");
    assertThat(fill.price()).contains(new BigDecimal("32000"));
    assertThat(fill.time()).isEqualTo(START);
    assertThat(all).extracting(OrderListUpdate::eventId).doesNotHaveDuplicates().allMatch(id -> id.startsWith("paper-"));
    assertThat(events.all()).allMatch(received -> received.owner().equals(ALICE));
  }

  private static LegReport report(PlacedOrderList list, LegRole role) {
    return list.leg(ID.legId(role)).orElseThrow().report().orElseThrow();
  }
}
