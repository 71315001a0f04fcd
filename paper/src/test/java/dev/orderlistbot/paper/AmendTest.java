package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A keep-priority amend on paper, with Binance's rules: only lower, above what filled, on the step
 * size; an OCO leg takes its sibling along; the pending exit of an OPO is refused while the pending
 * exit of an OTO is not; at most MAX_NUM_ORDER_AMENDS (10) per order, counted across a restart; the
 * lock shrinks; each amended leg reports REPLACED with its status unchanged.
 */
class AmendTest extends PaperTest {
  private static final ClientOrderId TAKE_PROFIT = ID.legId(LegRole.TAKE_PROFIT);
  private static final ClientOrderId STOP_LOSS = ID.legId(LegRole.STOP_LOSS);

  @Test
  void anOcoLegIsLoweredWithItsSiblingAndTheLockShrinks() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    events.drain();

    OrderSnapshot amended = amend(TAKE_PROFIT, "0.006");

    assertThat(amended.clientOrderId()).isEqualTo(TAKE_PROFIT);
    assertThat(amended.report().origQty()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0.006"));
    assertThat(amended.report().status()).isEqualTo(LegStatus.NEW);
    assertThat(order(STOP_LOSS).report().origQty()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0.006"));
    assertThat(events.drain()).containsExactly("ob-t1-sl REPLACED/NEW", "ob-t1-tp REPLACED/NEW");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.094", "0.006"));
  }

  @Test
  void theAmendedLegKeepsItsPlaceAndFillsItsNewQuantityAtItsLimit() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    price("31000");
    amend(TAKE_PROFIT, "0.004");
    events.drain();

    price("32100");

    // still resting since before the amend: it fills at its own limit, as a maker
    assertThat(events.drain())
        .containsExactly("ob-t1-tp TRADE/FILLED 0.004@32000", "ob-t1-sl EXPIRED/EXPIRED OCO_TRIGGER", "list ob-t1 ALL_DONE/ALL_DONE");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.096", "0"));
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10128", "0"));
  }

  @Test
  void aBuyEntryLoweredReleasesItsShareOfTheLockedQuote() {
    accepted(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), pending(Side.SELL, "0.01", maker("31000"))));
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9705", "295"));

    amend(ID.legId(LegRole.WORKING), "0.004");

    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9882", "118"));
  }

  @Test
  void thePendingExitOfAnOtoCanBeAmendedLikeOnBinance() {
    accepted(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), pending(Side.SELL, "0.01", maker("31000"))));
    events.drain();

    OrderSnapshot amended = amend(TAKE_PROFIT, "0.008");

    assertThat(amended.report().status()).isEqualTo(LegStatus.PENDING_NEW);
    assertThat(events.drain()).containsExactly("ob-t1-tp REPLACED/PENDING_NEW");
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9705", "295"));
  }

  @Test
  void thePendingExitOfAnOpoIsRefusedAsBinanceRefusesIt() {
    accepted(new OrderListRequest.Opo(BTCUSDT, entry(Side.BUY, "0.02", limit("29500")), maker("31000")));

    ExchangeError error = failedAmend(TAKE_PROFIT, "0.01");

    assertThat(error).isInstanceOf(ExchangeError.Refused.class);
    assertThat(error.code()).isEqualTo(-2038);
    assertThat(error.reason()).isEqualTo("The exit of an OPO can't be amended before its entry has filled.");
  }

  @Test
  void anIncreaseOrTheSameQuantityIsRefused() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    assertThat(failedAmend(TAKE_PROFIT, "0.02").reason())
        .isEqualTo("An order's quantity can only be lowered, never raised: it is 0.01, not 0.02.");
    assertThat(failedAmend(TAKE_PROFIT, "0.010").reason()).isEqualTo("The order already has the quantity 0.01; nothing changed.");
    assertThat(failedAmend(TAKE_PROFIT, "0.02").code()).isEqualTo(-2038);
  }

  @Test
  void aQuantityOffTheStepSizeIsAFilterFailure() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    ExchangeError error = failedAmend(TAKE_PROFIT, "0.005005");

    assertThat(error.code()).isEqualTo(-1013);
    assertThat(error.reason()).contains("not a multiple of the pair's step size 0.00001");
  }

  @Test
  void anOrderThatIsNoLongerOpenIsNotFound() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    price("32100");
    price("32200");

    ExchangeError error = failedAmend(TAKE_PROFIT, "0.005");

    assertThat(error).isInstanceOf(ExchangeError.NotFound.class);
    assertThat(failedAmend(new ClientOrderId("never-placed"), "0.005")).isInstanceOf(ExchangeError.NotFound.class);
  }

  @Test
  void theEleventhAmendOfAnOrderIsRefusedEvenAfterARestart() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    for (int i = 1; i <= 5; i++) {
      amend(TAKE_PROFIT, new BigDecimal("0.01").subtract(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(i))).toPlainString());
    }
    paper.close();
    paper = start();
    for (int i = 6; i <= 10; i++) {
      amend(STOP_LOSS, new BigDecimal("0.01").subtract(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(i))).toPlainString());
    }

    ExchangeError error = failedAmend(TAKE_PROFIT, "0.008");

    assertThat(error.code()).isEqualTo(-1013);
    assertThat(error.reason()).isEqualTo("That order was already amended 10 times, as many as the pair allows; it can't be reduced again.");
    assertThat(order(TAKE_PROFIT).report().origQty()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0.009"));
  }

  @Test
  void aNonPositiveQuantityIsAProgrammingError() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    assertThatThrownBy(() -> amend(TAKE_PROFIT, "0")).isInstanceOf(IllegalArgumentException.class);
  }

  private OrderSnapshot amend(ClientOrderId leg, String quantity) {
    return paper.amendQuantity(ALICE_KEY, BTCUSDT, leg, new BigDecimal(quantity));
  }

  private ExchangeError failedAmend(ClientOrderId leg, String quantity) {
    try {
      amend(leg, quantity);
    } catch (ExchangeException e) {
      return e.error();
    }
    throw new AssertionError("the amend did not fail");
  }

  private OrderSnapshot order(ClientOrderId leg) {
    return paper.order(ALICE_KEY, BTCUSDT, OrderRef.of(leg)).orElseThrow();
  }
}
