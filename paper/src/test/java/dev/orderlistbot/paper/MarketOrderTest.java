package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A paper MARKET order fills whole at once at the last price against free balance, and is refused
 * as Binance refuses it: -2010 for a lack of balance or a client id an open order has, -1013 for
 * LOT_SIZE and the market order value, -1121 for an unlisted pair. Its fill survives a restart.
 */
class MarketOrderTest extends PaperTest {
  private static final ClientOrderId CLOSE = new ClientOrderId("ob-t1-mk");

  @Test
  void aMarketSellFillsWholeAtTheLastPriceFromFreeBalance() {
    price("30500");

    MarketOrderResult result = market(Side.SELL, "0.02");

    OrderSnapshot order = executed(result);
    assertThat(order.clientOrderId()).isEqualTo(CLOSE);
    assertThat(order.orderListId()).isEmpty();
    assertThat(order.report().type()).isEqualTo(ReportedOrderType.MARKET);
    assertThat(order.report().status()).isEqualTo(LegStatus.FILLED);
    assertThat(order.report().executedQty()).isEqualByComparingTo("0.02");
    assertThat(order.report().cumulativeQuote()).isEqualByComparingTo("610");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.08", "0"));
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10610", "0"));
  }

  @Test
  void aMarketBuyPaysQuoteAtTheLastPrice() {
    executed(market(Side.BUY, "0.1"));

    assertThat(balance("USDT")).isEqualTo(bal("USDT", "7000", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.2", "0"));
  }

  @Test
  void aMarketOrderCannotSpendWhatAnOpenListHoldsAndIsRefusedLikeBinance() {
    accepted(oco(Side.SELL, "0.09", maker("32000"), stop("29000")));

    ExchangeError error = rejected(market(Side.SELL, "0.02"));

    assertThat(error).isInstanceOf(ExchangeError.Refused.class);
    assertThat(error.code()).isEqualTo(-2010);
    assertThat(error.reason()).startsWith("Not enough free balance for this order: it needs 0.02 BTC, and 0.01 BTC is free.");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.01", "0.09"));
  }

  @Test
  void aQuantityOffTheStepSizeIsAFilterFailure() {
    ExchangeError error = rejected(market(Side.SELL, "0.000015"));

    assertThat(error.code()).isEqualTo(-1013);
    assertThat(error.reason()).contains("not a multiple of the pair's step size 0.00001");
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.1", "0"));
  }

  @Test
  void aMarketOrderWorthLessThanTheMinimumIsAFilterFailure() {
    ExchangeError error = rejected(market(Side.SELL, "0.0001"));

    assertThat(error.code()).isEqualTo(-1013);
    assertThat(error.reason()).contains("below the pair's minimum order value of 5 USDT");
  }

  @Test
  void aQuantityAboveMarketLotSizeIsAFilterFailure() {
    ExchangeError error = rejected(market(Side.BUY, "98"));

    assertThat(error.code()).isEqualTo(-1013);
    assertThat(error.reason()).contains("quantity at market 98 is above the pair's maximum of 97.9283642");
  }

  @Test
  void aClientIdAnOpenOrderHasIsADuplicate() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));

    ExchangeError error =
        rejected(paper.placeMarket(ALICE_KEY, new MarketOrderRequest(BTCUSDT, Side.SELL, new BigDecimal("0.01")), ID.legId(dev.orderlistbot.core.domain.order.LegRole.TAKE_PROFIT)));

    assertThat(error.code()).isEqualTo(-2010);
  }

  @Test
  void anUnlistedPairIsRefusedWithBinancesCode() {
    MarketOrderResult result =
        paper.placeMarket(ALICE_KEY, new MarketOrderRequest(Symbol.of("DOGEUSDT"), Side.BUY, BigDecimal.ONE), CLOSE);

    assertThat(rejected(result).code()).isEqualTo(-1121);
  }

  @Test
  void theFilledOrderIsFoundByItsClientIdAlsoAfterARestart() {
    long id = executed(market(Side.SELL, "0.01")).orderId();
    paper.close();
    paper = start();

    assertThat(paper.order(ALICE_KEY, BTCUSDT, OrderRef.of(CLOSE)))
        .hasValueSatisfying(order -> {
          assertThat(order.orderId()).isEqualTo(id);
          assertThat(order.report().status()).isEqualTo(LegStatus.FILLED);
          assertThat(order.report().cumulativeQuote()).isEqualByComparingTo("300");
        });
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09", "0"));
  }

  @Test
  void aMarketOrderTellsNoOrderListEventLikeBinancesStreamForAnOrderOutsideAList() {
    executed(market(Side.SELL, "0.01"));

    assertThat(events.drain()).isEmpty();
  }

  private MarketOrderResult market(Side side, String quantity) {
    return paper.placeMarket(ALICE_KEY, new MarketOrderRequest(BTCUSDT, side, new BigDecimal(quantity)), CLOSE);
  }

  private static OrderSnapshot executed(MarketOrderResult result) {
    assertThat(result).isInstanceOf(MarketOrderResult.Executed.class);
    return ((MarketOrderResult.Executed) result).order();
  }

  private static ExchangeError rejected(MarketOrderResult result) {
    assertThat(result).isInstanceOf(MarketOrderResult.Rejected.class);
    return ((MarketOrderResult.Rejected) result).error();
  }
}
