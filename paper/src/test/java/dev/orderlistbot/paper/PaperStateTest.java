package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.out.PaperState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The paper state survives a restart, through the versioned text codec. */
class PaperStateTest extends PaperTest {

  @Test
  void anOpenListSurvivesARestartAndFillsLaterWithFreshEventIds() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900")));
    price("30500");
    Set<String> before = new HashSet<>(events.updates().stream().map(OrderListUpdate::eventId).toList());
    events.drain();
    paper.close();

    paper = start();
    paper.watch(ALICE, ALICE_KEY);

    assertThat(paper.openOrderLists(ALICE_KEY)).singleElement().satisfies(list -> assertThat(list.clientId()).isEqualTo(ID));
    assertThat(paper.lastPrice(BTCUSDT)).isEqualTo(Price.of("30500"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09", "0.01"));
    price("32000");
    assertThat(events.updates()).extracting(OrderListUpdate::eventId).noneMatch(before::contains);
    assertThat(events.drain())
        .containsExactly(
            "ob-t1-tp TRADE/FILLED 0.01@32000", "ob-t1-sl EXPIRED/EXPIRED OCO_TRIGGER", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10320", "0"));
    assertThat(accepted(oco(Side.SELL, "0.01", maker("33000"), stop("29000")), ClientListId.forKey("t2")).id().value())
        .isEqualTo(2);
  }

  @Test
  void theStateIsSavedAfterEveryChangeNotOnlyOnClose() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    String saved = StateCodec.joined(store.load().orElseThrow());

    assertThat(saved).startsWith("orderlist-bot paper-state 1\n").contains("client=ob-t1 ").endsWith("end\n");
  }

  @Test
  void theCodecRoundTripsEveryKindOfStateExactly() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), trailingStop(150)), ClientListId.forKey("a"));
    accepted(new OrderListRequest.Opo(BTCUSDT, entry(Side.BUY, "0.02", limit("29000")), maker("31000")), ClientListId.forKey("b"));
    accepted(new OrderListRequest.Otoco(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), Quantity.of("0.01"),
        new OcoPair(Side.SELL, maker("33000"), stopLimit("28000", "27900"))), ClientListId.forKey("c"));
    clock.advance(Duration.ofMinutes(5));
    price("29400");
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("28500")), ClientListId.forKey("d_with_space"));
    paper.cancel(ALICE_KEY, BTCUSDT, OrderListRef.of(ClientListId.forKey("d_with_space")));
    paper.balances(paperKey("key with spaces & ünïcode"));

    String text = StateCodec.joined(store.load().orElseThrow());
    Book decoded = StateCodec.decode(text, Markets.bundled(), config());

    assertThat(StateCodec.encode(decoded)).isEqualTo(text);
    assertThat(decoded.accounts).containsKey("key with spaces & ünïcode");
  }

  @Test
  void aSnapshotOfANewerVersionIsRefusedRatherThanMisread() {
    PaperState newer = new PaperState("orderlist-bot paper-state 2\nids epoch=x list=1 order=1 event=1\n", List.of());

    assertThatThrownBy(() -> StateCodec.decode(newer, Markets.bundled(), config()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2'");
    assertThatThrownBy(() -> StateCodec.decode("orderlist-bot paper-state 1\nids epoch=x list=1 order=1 event=1\n", Markets.bundled(), config()))
        .hasMessageContaining("cut short");
  }

  @Test
  void aFreshStateGivesEverySymbolItsStartingPrice() {
    assertThat(List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT"))
        .allSatisfy(s -> assertThat(paper.lastPrice(Symbol.of(s))).isNotNull());
    assertThat(paper.lastPrice(ETHUSDT)).isEqualTo(Price.of("2000"));
    assertThat(paper.balances(ALICE_KEY).byAsset()).hasSize(5);
    assertThat(paper.serverTime()).isEqualTo(START);
  }
}
