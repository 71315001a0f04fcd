package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.LastPrice;
import dev.orderlistbot.core.port.out.OrderCard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardsTest {
  private static final ClientListId ID = ClientListId.forKey("AAAAAAAAAAAAAAAAAAAAAA");
  private static final ChatRef CHAT = new ChatRef("telegram", "1001");
  private static final Instant AT = Instant.parse("2026-03-01T10:00:05Z");
  private static final String HINT = "Move the stop: /movestop 8821 PRICE · trim the size: /reduce 8821 QTY";
  private static final Button CANCEL = new Button("Cancel list", "k:CANCEL:8821");
  private static final Button CLOSE = new Button("Close at market", "k:CLOSE:8821");
  private static final Button BREAKEVEN = new Button("Move stop to breakeven", "k:BREAKEVEN:8821");

  static final OrderListRequest OCO =
      new OrderListRequest.Oco(
          Symbol.of("BTCUSDT"),
          Quantity.of("0.01"),
          new OcoPair(
              Side.SELL,
              new Leg.LimitMaker(Price.of("32000")),
              new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC)));

  static final OrderListRequest OTOCO =
      new OrderListRequest.Otoco(
          Symbol.of("BTCUSDT"),
          new WorkingOrder(Side.BUY, Quantity.of("0.01"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC)),
          Quantity.of("0.01"),
          new OcoPair(Side.SELL, new Leg.LimitMaker(Price.of("32000")), new Leg.StopLoss(Trigger.at(Price.of("29000")))));

  private static OrderCard card(TradingEnvironment environment, OrderListRequest request) {
    return CardState.initial(ID, environment, CHAT, request).withQuoteAsset(Optional.of("USDT"));
  }

  private static OrderCard with(OrderCard card, Optional<LastPrice> last, CardLeg... legs) {
    return card.withLegs(List.of(legs), last);
  }

  private static CardLeg leg(String role, LegStatus status, String filled, String quote) {
    return new CardLeg(ID.value() + "-" + role, status, new BigDecimal(filled), new BigDecimal(quote));
  }

  @Test
  void anOcoCardShowsItsExitsAndNoResultBecauseTheHeldPositionsCostIsUnknown() {
    OutboundMessage shown = Cards.render(card(TradingEnvironment.PAPER, OCO), 8821);

    assertThat(shown.text())
        .isEqualTo(
            """
            📋 PAPER · BTCUSDT OCO #8821
            • take-profit: LIMIT_MAKER SELL 0.01 at 32,000 · open
            • stop-loss: STOP_LOSS_LIMIT SELL 0.01 stop 29,000 limit 28,900 · open
            Position held before the list: its cost is unknown to the bot, so no result or R is shown.
            Last price: none heard yet.
            """
                + HINT);
    assertThat(shown.buttonRows()).containsExactly(List.of(CANCEL, CLOSE));
  }

  @Test
  void anOtocoCardBeforeItsEntryFillShowsTheRiskAndOffersOnlyACancel() {
    OutboundMessage shown = Cards.render(card(TradingEnvironment.TESTNET, OTOCO), 8821);

    assertThat(shown.text())
        .isEqualTo(
            """
            📋 TESTNET · BTCUSDT OTOCO #8821
            • entry: LIMIT BUY 0.01 at 30,000 · open
            • take-profit: LIMIT_MAKER SELL 0.01 at 32,000 · waits for the entry
            • stop-loss: STOP_LOSS SELL 0.01 stop 29,000 · waits for the entry
            Risk: 10 USDT = 1R (entry 30,000 to stop 29,000 × 0.01)
            Entry: not filled yet.
            Last price: none heard yet.
            """
                + HINT);
    assertThat(shown.buttonRows()).containsExactly(List.of(CANCEL));
  }

  @Test
  void anOtocoCardAfterItsEntryFillShowsTheAverageTheUnrealisedResultInRAndTheBreakevenButton() {
    OrderCard filled =
        with(
            card(TradingEnvironment.TESTNET, OTOCO),
            Optional.of(new LastPrice(new BigDecimal("30500"), AT)),
            leg("w", LegStatus.FILLED, "0.01", "299.9"),
            leg("tp", LegStatus.NEW, "0", "0"),
            leg("sl", LegStatus.NEW, "0", "0"));

    OutboundMessage shown = Cards.render(filled, 8821);

    assertThat(shown.text())
        .isEqualTo(
            """
            📋 TESTNET · BTCUSDT OTOCO #8821
            • entry: LIMIT BUY 0.01 at 30,000 · filled 0.01 at avg 29,990
            • take-profit: LIMIT_MAKER SELL 0.01 at 32,000 · open
            • stop-loss: STOP_LOSS SELL 0.01 stop 29,000 · open
            Risk: 10 USDT = 1R (entry 30,000 to stop 29,000 × 0.01)
            Entry: 0.01 filled at avg 29,990
            Result: realised 0 USDT (0R) · unrealised +5.1 USDT (+0.51R) on 0.01 open
            Last price: 30,500 (2026-03-01 10:00:05 UTC)
            """
                + HINT);
    assertThat(shown.buttonRows()).containsExactly(List.of(CANCEL, CLOSE), List.of(BREAKEVEN));
  }

  @Test
  void aPartlyFilledTakeProfitSplitsTheResultIntoRealisedAndUnrealisedWithRToTwoDecimalsHalfEven() {
    OrderCard partly =
        with(
            card(TradingEnvironment.LIVE, OTOCO),
            Optional.of(new LastPrice(new BigDecimal("32000"), AT)),
            leg("w", LegStatus.FILLED, "0.01", "299.9"),
            leg("tp", LegStatus.PARTIALLY_FILLED, "0.004", "128"),
            leg("sl", LegStatus.NEW, "0", "0"));

    String text = Cards.render(partly, 8821).text();

    // realised 128 − 299.9 × 0.004 ÷ 0.01 = 8.04 (0.804R); unrealised (32,000 − 29,990) × 0.006 = 12.06 (1.206R)
    assertThat(text)
        .contains("• take-profit: LIMIT_MAKER SELL 0.01 at 32,000 · partly filled 0.004 at avg 32,000\n")
        .contains("\nResult: realised +8.04 USDT (+0.8R) · unrealised +12.06 USDT (+1.21R) on 0.006 open\n");
  }

  @Test
  void aStoppedOutListIsFinishedWithANegativeRealisedResultAndNoButtons() {
    OrderCard stopped =
        with(
            card(TradingEnvironment.LIVE, OTOCO),
            Optional.of(new LastPrice(new BigDecimal("28900"), AT)),
            leg("w", LegStatus.FILLED, "0.01", "299.9"),
            leg("tp", LegStatus.EXPIRED, "0", "0"),
            leg("sl", LegStatus.FILLED, "0.01", "289"));

    OutboundMessage shown = Cards.render(stopped, 8821);

    assertThat(shown.text())
        .isEqualTo(
            """
            📋 LIVE · BTCUSDT OTOCO #8821 · finished
            • entry: LIMIT BUY 0.01 at 30,000 · filled 0.01 at avg 29,990
            • take-profit: LIMIT_MAKER SELL 0.01 at 32,000 · expired
            • stop-loss: STOP_LOSS SELL 0.01 stop 29,000 · filled 0.01 at avg 28,900
            Risk: 10 USDT = 1R (entry 30,000 to stop 29,000 × 0.01)
            Entry: 0.01 filled at avg 29,990
            Result: realised -10.9 USDT (-1.09R)
            Last price: 28,900 (2026-03-01 10:00:05 UTC)""");
    assertThat(shown.hasButtons()).isFalse();
  }

  @Test
  void aShortEntryGainsWhenThePriceFalls() {
    OrderListRequest shortOtoco =
        new OrderListRequest.Otoco(
            Symbol.of("BTCUSDT"),
            new WorkingOrder(Side.SELL, Quantity.of("0.02"), new Leg.Limit(Price.of("30000"), TimeInForce.GTC)),
            Quantity.of("0.02"),
            new OcoPair(Side.BUY, new Leg.StopLoss(Trigger.at(Price.of("30500"))), new Leg.LimitMaker(Price.of("29000"))));
    OrderCard filled =
        with(
            card(TradingEnvironment.LIVE, shortOtoco),
            Optional.of(new LastPrice(new BigDecimal("29750"), AT)),
            leg("w", LegStatus.FILLED, "0.02", "600"),
            leg("tp", LegStatus.NEW, "0", "0"),
            leg("sl", LegStatus.NEW, "0", "0"));

    // risk |30,000 − 30,500| × 0.02 = 10; unrealised (30,000 − 29,750) × 0.02 = 5
    assertThat(Cards.render(filled, 8821).text())
        .contains("Risk: 10 USDT = 1R (entry 30,000 to stop 30,500 × 0.02)")
        .contains("Result: realised 0 USDT (0R) · unrealised +5 USDT (+0.5R) on 0.02 open");
  }

  @Test
  void theCompactLineNamesTheListAndEachLegsStatus() {
    OrderCard filled =
        with(
            card(TradingEnvironment.TESTNET, OTOCO),
            Optional.empty(),
            leg("w", LegStatus.FILLED, "0.01", "300"),
            leg("tp", LegStatus.NEW, "0", "0"),
            leg("sl", LegStatus.NEW, "0", "0"));

    assertThat(Cards.compact(filled, 8821))
        .isEqualTo("BTCUSDT OTOCO #8821: entry filled 0.01 at avg 30,000 · take-profit open · stop-loss open");
  }
}
