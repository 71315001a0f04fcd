package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.LastPrice;
import dev.orderlistbot.core.port.out.OrderCard;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardStateTest {
  private static final ClientListId ID = ClientListId.forKey("BBBBBBBBBBBBBBBBBBBBBB");
  private static final Instant T = Instant.parse("2026-03-01T11:00:00Z");

  private static OrderCard otoco() {
    return CardState.initial(ID, TradingEnvironment.PAPER, new ChatRef("telegram", "1001"), CardsTest.OTOCO);
  }

  private static OrderListUpdate.LegChanged event(LegRole role, LegStatus status, String cumulative, String quote, String lastQty, Instant at) {
    return new OrderListUpdate.LegChanged(
        "e", Symbol.of("BTCUSDT"), new OrderListId(8821), 1L, new ClientOrderId(ID.legId(role).value()), ReportedOrderType.LIMIT,
        Side.BUY, LegExecution.TRADE, status, new BigDecimal("0.01"), new BigDecimal(lastQty), new BigDecimal("30000"),
        new BigDecimal(cumulative), new BigDecimal(quote), Optional.empty(), Optional.empty(), ExpiryReason.NONE, at);
  }

  @Test
  void aNewCardHasItsEntryOpenAndItsExitsWaitingForTheEntry() {
    assertThat(otoco().legs())
        .extracting(CardLeg::status)
        .containsExactly(LegStatus.NEW, LegStatus.PENDING_NEW, LegStatus.PENDING_NEW);
    assertThat(CardState.request(otoco())).isEqualTo(CardsTest.OTOCO);
  }

  @Test
  void aFillMovesItsLegAndTheLastPriceForward() {
    OrderCard after = CardState.after(otoco(), event(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", "0.01", T)).orElseThrow();

    assertThat(after.legs().getFirst())
        .as("with the fill's time, for the chart's mark")
        .isEqualTo(new CardLeg(ID.legId(LegRole.WORKING).value(), LegStatus.FILLED, new BigDecimal("0.01"), new BigDecimal("300"),
            java.util.Optional.of(T)));
    assertThat(after.lastPrice()).contains(new LastPrice(new BigDecimal("30000"), T));
  }

  @Test
  void anOlderSnapshotArrivingAfterNewerNewsChangesNothing() {
    OrderCard filled = CardState.after(otoco(), event(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", "0.01", T)).orElseThrow();

    assertThat(CardState.after(filled, event(LegRole.WORKING, LegStatus.PARTIALLY_FILLED, "0.004", "120", "0", T.minusSeconds(5)))).isEmpty();
    assertThat(CardState.after(filled, event(LegRole.WORKING, LegStatus.NEW, "0.01", "300", "0", T))).isEmpty();
    assertThat(CardState.after(filled, event(LegRole.WORKING, LegStatus.FILLED, "0.01", "300", "0", T))).as("a replay").isEmpty();
  }

  @Test
  void aStatusMovesForwardAtTheSameFillButAFinalOneIsNeverUndone() {
    OrderCard open = CardState.after(otoco(), event(LegRole.STOP_LOSS, LegStatus.NEW, "0", "0", "0", T)).orElseThrow();
    OrderCard expired = CardState.after(open, event(LegRole.STOP_LOSS, LegStatus.EXPIRED, "0", "0", "0", T)).orElseThrow();

    assertThat(expired.legs().get(2).status()).isEqualTo(LegStatus.EXPIRED);
    assertThat(CardState.after(expired, event(LegRole.STOP_LOSS, LegStatus.PENDING_NEW, "0", "0", "0", T))).isEmpty();
  }
}
