package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import org.junit.jupiter.api.Test;

/** What Binance refuses, the paper exchange refuses with the same code; nothing is locked or emitted then. */
class RefusalsTest extends PaperTest {

  @Test
  void anUnlistedSymbolIsRefusedLikeBinancesInvalidSymbol() {
    Symbol doge = Symbol.of("DOGEUSDT");

    assertThatThrownBy(() -> paper.rules(doge))
        .isInstanceOfSatisfying(ExchangeException.class, e -> {
          assertThat(e.error()).isInstanceOf(ExchangeError.Refused.class);
          assertThat(e.error().code()).isEqualTo(-1121);
          assertThat(e.error().reason()).contains("DOGEUSDT").contains("BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT");
        });
    assertThatThrownBy(() -> paper.lastPrice(doge)).isInstanceOf(ExchangeException.class);
    assertThat(rejected(oco(doge, Side.SELL, "1", maker("1"), stop("0.5"))).code()).isEqualTo(-1121);
    assertThat(paper.lists(doge)).isFalse();
    assertThat(paper.lists(BTCUSDT)).isTrue();
  }

  @Test
  void aLimitMakerEntryThatWouldMatchIsRefused() {
    ExchangeError error = rejected(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", maker("30000")), pending(Side.SELL, "0.01", maker("31000"))));

    assertThat(error.code()).isEqualTo(-2010);
    assertThat(error.reason()).contains("would fill at once");
    assertThat(events.drain()).isEmpty();
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10000", "0"));
  }

  @Test
  void ocoLegsOnTheWrongSideOfTheLastPriceGetBinancesCodes() {
    assertThat(rejected(oco(Side.SELL, "0.01", maker("29900"), stop("29000"))).code()).isEqualTo(-1166);
    assertThat(rejected(oco(Side.SELL, "0.01", takeProfit("29900"), stop("29000"))).code()).isEqualTo(-1199);
    assertThat(rejected(oco(Side.SELL, "0.01", maker("32000"), stop("30000"))).code()).isEqualTo(-1197);
    assertThat(rejected(oco(Side.BUY, "0.01", stop("31000"), maker("30100"))).code()).isEqualTo(-1165);
    assertThat(rejected(oco(Side.BUY, "0.01", stop("31000"), takeProfit("30000"))).code()).isEqualTo(-1198);
    assertThat(rejected(oco(Side.BUY, "0.01", stop("29999"), maker("29000"))).code()).isEqualTo(-1196);
    ExchangeError trigger = rejected(oco(Side.SELL, "0.01", takeProfitLimit("29990", "30100"), stop("29000")));
    assertThat(trigger.code()).isEqualTo(-2010);
    assertThat(trigger.reason()).contains("would trigger at once");
  }

  @Test
  void insufficientBalanceIsRejectedWithMinus2010AndTheAmounts() {
    ExchangeError error = rejected(oco(Side.SELL, "0.2", maker("32000"), stop("29000")));

    assertThat(error).isInstanceOf(ExchangeError.Refused.class);
    assertThat(error.code()).isEqualTo(-2010);
    assertThat(error.reason()).isEqualTo("Not enough free balance for this order: it needs 0.2 BTC, and 0.1 BTC is free.");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.1", "0"));
  }

  @Test
  void aSecondOpenListWithTheSameClientIdIsADuplicateButItCanBeReusedOnceDone() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    ExchangeError duplicate = rejected(oco(Side.SELL, "0.01", maker("33000"), stop("28000")));

    assertThat(duplicate.code()).isEqualTo(-2010);
    assertThat(duplicate.reason()).contains("already open");
    price("32000");
    accepted(oco(Side.SELL, "0.01", maker("33000"), stop("28000")));
  }

  @Test
  void filtersAreAppliedWithMinus1013() {
    assertThat(rejected(oco(Side.SELL, "0.000015", maker("32000"), stop("29000"))).reason())
        .contains("step size 0.00001");
    assertThat(rejected(oco(Side.SELL, "0.0001", maker("32000"), stop("29000"))).reason())
        .contains("minimum order value of 5 USDT");
    assertThat(rejected(oco(Side.SELL, "0.01", maker("32000.005"), stop("29000"))).reason())
        .contains("tick size 0.01");
    assertThat(rejected(oco(Side.SELL, "0.01", maker("160000"), stop("29000"))).reason())
        .contains("too far from the current price");
    assertThat(rejected(oco(Side.SELL, "0.01", maker("32000"), trailingStop(5))).reason())
        .contains("trailing distance");
    assertThat(rejected(oco(Side.SELL, "0.01", maker("32000"), stop("29000.001"))).code()).isEqualTo(-1013);
  }

  @Test
  void aSixthOpenStopOnASymbolBreaksMaxNumAlgoOrders() {
    for (int i = 0; i < 5; i++) {
      accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")), ClientListId.forKey("algo" + i));
    }

    ExchangeError sixth = rejected(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    assertThat(sixth.code()).isEqualTo(-1013);
    assertThat(sixth.reason()).contains("stop-loss and take-profit orders").contains("limit is 5");
  }

  @Test
  void aHandSetPriceMustBeOnTheTickGrid() {
    assertThatThrownBy(() -> paper.setPrice(BTCUSDT, Price.of("30000.001")))
        .isInstanceOfSatisfying(ExchangeException.class, e -> assertThat(e.error().code()).isEqualTo(-1013));
    assertThat(paper.lastPrice(BTCUSDT)).isEqualTo(Price.of("30000"));
  }
}
