package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PendingOrder;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class PendingActionCodecTest {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

  static final OrderListRequest OCO =
      new OrderListRequest.Oco(
          BTCUSDT,
          Quantity.of("0.01"),
          new OcoPair(
              Side.SELL,
              new Leg.LimitMaker(Price.of("32000")),
              new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));

  static Stream<PendingAction> actions() {
    WorkingOrder entry = new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC));
    WorkingOrder makerEntry = new WorkingOrder(Side.BUY, Quantity.of("0.015"), new Leg.LimitMaker(Price.of("30000.5")));
    OcoPair trailingPair =
        new OcoPair(
            Side.SELL,
            new Leg.TakeProfitLimit(Trigger.at(Price.of("32000")), Price.of("31900"), TimeInForce.IOC),
            new Leg.StopLoss(new Trigger(Optional.of(Price.of("29000")), Optional.of(new TrailingDelta(100)))));
    return Stream.of(
        new PendingAction.PlaceList(OCO),
        new PendingAction.PlaceList(
            new OrderListRequest.Oto(
                BTCUSDT, entry, new PendingOrder(Side.SELL, Quantity.of("0.01"), new Leg.LimitMaker(Price.of("32000"))))),
        new PendingAction.PlaceList(new OrderListRequest.Otoco(BTCUSDT, makerEntry, Quantity.of("0.015"), trailingPair)),
        new PendingAction.PlaceList(
            new OrderListRequest.Opo(BTCUSDT, entry, new Leg.TakeProfit(Trigger.at(Price.of("33000"))))),
        new PendingAction.PlaceList(
            new OrderListRequest.Opoco(
                BTCUSDT,
                entry,
                new OcoPair(
                    Side.SELL,
                    new Leg.LimitMaker(Price.of("32000")),
                    new Leg.StopLoss(Trigger.trailing(new TrailingDelta(150)))))),
        new PendingAction.PlacePlan(
            List.of(OCO, new OrderListRequest.Oco(BTCUSDT, Quantity.of("0.02"), ((OrderListRequest.Oco) OCO).pair()),
                new OrderListRequest.Otoco(BTCUSDT, makerEntry, Quantity.of("0.015"), trailingPair)),
            true),
        new PendingAction.PlacePlan(List.of(OCO, OCO), false),
        new PendingAction.CancelList(new ListHandle(BTCUSDT, 8821)),
        new PendingAction.RestoreStop(new ListHandle(BTCUSDT, 8821), OCO),
        new PendingAction.RestoreStop(
            new ListHandle(BTCUSDT, 0), new OrderListRequest.Otoco(BTCUSDT, makerEntry, Quantity.of("0.015"), trailingPair)),
        new PendingAction.CancelAll(List.of(new ListHandle(BTCUSDT, 1), new ListHandle(Symbol.of("ETHUSDT"), 0))),
        new PendingAction.CancelAll(List.of()),
        new PendingAction.Panic(List.of(new ListHandle(BTCUSDT, 1), new ListHandle(Symbol.of("ETHUSDT"), 2)), true),
        new PendingAction.PanicAll(
            List.of(
                new PendingAction.OwnedList(new UserRef("telegram", "1001"), new ListHandle(BTCUSDT, 8821)),
                new PendingAction.OwnedList(new UserRef("discord", "998877665544332211"), new ListHandle(Symbol.of("ETHUSDT"), 0)))),
        new PendingAction.PanicAll(List.of()));
  }

  @ParameterizedTest
  @MethodSource("actions")
  void everyActionSurvivesTheRoundTripUnchanged(PendingAction action) {
    String payload = PendingActionCodec.encode(action);

    assertThat(PendingActionCodec.decode(payload)).isEqualTo(action);
    assertThat(PendingActionCodec.encode(PendingActionCodec.decode(payload))).isEqualTo(payload);
  }

  @Test
  void anOcoIsStoredAsConcretePricesInAStableReadableForm() {
    assertThat(PendingActionCodec.encode(new PendingAction.PlaceList(OCO)))
        .isEqualTo(
            """
            v=1
            action=place
            kind=OCO
            symbol=BTCUSDT
            qty=0.01
            side=SELL
            above=LIMIT_MAKER price=32000
            below=STOP_LOSS_LIMIT stop=29000 price=28900 tif=GTC
            """);
  }

  @Test
  void theRetryOfAFailedStopMoveIsStoredWithTheListItReplaces() {
    String payload = PendingActionCodec.encode(new PendingAction.RestoreStop(new ListHandle(BTCUSDT, 8821), OCO));

    assertThat(payload)
        .isEqualTo(
            """
            v=1
            action=restore-stop
            list=BTCUSDT:8821
            kind=OCO
            symbol=BTCUSDT
            qty=0.01
            side=SELL
            above=LIMIT_MAKER price=32000
            below=STOP_LOSS_LIMIT stop=29000 price=28900 tif=GTC
            """);
  }

  @Test
  void aPlacePayloadStoredBeforeRestoreStopExistedStillDecodesAsAPlacement() {
    String stored =
        """
        v=1
        action=place
        kind=OCO
        symbol=BTCUSDT
        qty=0.01
        side=SELL
        above=LIMIT_MAKER price=32000
        below=STOP_LOSS_LIMIT stop=29000 price=28900 tif=GTC
        """;

    assertThat(PendingActionCodec.decode(stored)).isEqualTo(new PendingAction.PlaceList(OCO));
  }

  @Test
  void aCloseAtMarketKeepsTheEarlierMarketOrdersItMustLookUpFirst() {
    PendingAction.CloseHeld retry =
        new PendingAction.CloseHeld(BTCUSDT, Side.SELL, new BigDecimal("0.01"))
            .andNotSent(new ClientOrderId("oc-first"))
            .andNotSent(new ClientOrderId("oc-second"));

    String payload = PendingActionCodec.encode(retry);

    assertThat(payload).contains("before=oc-first,oc-second\n");
    assertThat(PendingActionCodec.decode(payload)).isEqualTo(retry);
  }

  @Test
  void aCloseAtMarketStoredBeforeEarlierOrdersWereKeptStillDecodes() {
    String stored = "v=1\naction=close-held\nsymbol=BTCUSDT\nside=SELL\nqty=0.01\n";

    assertThat(PendingActionCodec.decode(stored)).isEqualTo(new PendingAction.CloseHeld(BTCUSDT, Side.SELL, new BigDecimal("0.01")));
  }

  @Test
  void aPlanStoresEachListUnderItsIndexInTargetOrder() {
    OrderListRequest second = new OrderListRequest.Oco(BTCUSDT, Quantity.of("0.02"), ((OrderListRequest.Oco) OCO).pair());
    String payload = PendingActionCodec.encode(new PendingAction.PlacePlan(List.of(OCO, second), true));

    assertThat(payload)
        .startsWith("v=1\naction=place-plan\nlists=2\nbe=true\nl0.kind=OCO\n")
        .contains("l0.qty=0.01\n", "l1.qty=0.02\n", "l1.below=STOP_LOSS_LIMIT stop=29000 price=28900 tif=GTC\n");
    assertThat(((PendingAction.PlacePlan) PendingActionCodec.decode(payload)).requests()).containsExactly(OCO, second);
  }

  @Test
  void aPlanPayloadWithAListCountOutOfRangeIsRefused() {
    String payload = PendingActionCodec.encode(new PendingAction.PlacePlan(List.of(OCO, OCO), false)).replace("lists=2", "lists=1");

    assertThatThrownBy(() -> PendingActionCodec.decode(payload)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAdminsPanicStoresEachListWithItsOwner() {
    String payload =
        PendingActionCodec.encode(
            new PendingAction.PanicAll(
                List.of(new PendingAction.OwnedList(new UserRef("telegram", "1001"), new ListHandle(BTCUSDT, 8821)))));

    assertThat(payload).isEqualTo("v=1\naction=panic-all\nlists=1\nl0.owner=telegram:1001\nl0.list=BTCUSDT:8821\n");
  }

  @Test
  void aPayloadOfAnotherVersionIsRefused() {
    String payload = PendingActionCodec.encode(new PendingAction.PlaceList(OCO)).replace("v=1", "v=2");

    assertThatThrownBy(() -> PendingActionCodec.decode(payload)).isInstanceOf(IllegalArgumentException.class);
  }
}
