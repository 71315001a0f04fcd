package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the default commission (Binance's 0.1%), every fill pays it in the asset it brings in: a
 * resting limit the maker rate, everything else the taker rate; {@code tradeFees} answers it and
 * {@code lastPrices} every listed pair's price.
 */
class CommissionTest extends PaperTest {

  @Override
  PaperConfig config() {
    return PaperConfig.defaults()
        .withoutPriceWalk()
        .withFees(new TradeFees(new BigDecimal("0.001"), new BigDecimal("0.002")));
  }

  @Test
  void theDefaultFeeIsBinancesStandardTenthOfAPercent() {
    assertThat(PaperConfig.defaults().fees()).isEqualTo(new TradeFees(new BigDecimal("0.001"), new BigDecimal("0.001")));
  }

  @Test
  void tradeFeesAnswerTheConfiguredCommission() {
    assertThat(paper.tradeFees(ALICE_KEY, BTCUSDT)).isEqualTo(new TradeFees(new BigDecimal("0.001"), new BigDecimal("0.002")));
  }

  @Test
  void aRestingTakeProfitSellPaysTheMakerFeeInQuote() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    price("31999.99");
    price("32100");

    // 0.01 × 32000 = 320 USDT received, less 0.1% = 0.32
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10319.68", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09", "0"));
  }

  @Test
  void aStopThatSellsAtTheMarketPaysTheTakerFeeInQuote() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stop("29000")));
    price("28950");

    // 0.01 × 28950 = 289.5 USDT received, less 0.2% = 0.579
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "10288.921", "0"));
  }

  @Test
  void aBuyPaysItsFeeInTheBaseItReceives() {
    accepted(new OrderListRequest.Oto(
        BTCUSDT, entry(Side.BUY, "0.01", limit("29500")), pending(Side.SELL, "0.01", maker("31000"))));
    price("29400");

    // the entry rested at 29500: maker, 0.1% of 0.01 BTC = 0.00001 BTC; the exit locks its 0.01
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9705", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09999", "0.01"));
  }

  @Test
  void anOpoExitGetsTheWholeFillWhenTheFeeCanComeFromOtherFreeBalance() {
    accepted(new OrderListRequest.Opo(BTCUSDT, entry(Side.BUY, "0.02", limit("29500")), maker("31000")));
    price("29500");

    assertThat(paper.openOrderLists(ALICE_KEY)).hasSize(1);
    // maker fee 0.00002 BTC taken from the other free BTC; the exit sells the whole 0.02
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.09998", "0.02"));
  }

  @Test
  void anOpoExitGetsTheFillNetOfItsFeeWhenNothingElseIsFree() {
    paper.placeMarket(ALICE_KEY, new MarketOrderRequest(BTCUSDT, Side.SELL, new BigDecimal("0.1")), new ClientOrderId("all-out"));
    events.drain();
    accepted(new OrderListRequest.Opo(BTCUSDT, entry(Side.BUY, "0.02", limit("29500")), maker("31000")));
    price("29500");

    // 0.02 BTC bought, 0.00002 BTC maker fee, nothing else free: the exit sells 0.01998
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0", "0.01998"));
    price("31000");
    assertThat(events.drain()).contains("ob-t1-tp TRADE/FILLED 0.01998@31000");
  }

  @Test
  void aMarketOrderPaysTheTakerFee() {
    paper.placeMarket(ALICE_KEY, new MarketOrderRequest(BTCUSDT, Side.BUY, new BigDecimal("0.01")), new ClientOrderId("mk-1"));

    // 0.01 × 30000 = 300 USDT paid; 0.01 BTC received less 0.2%
    assertThat(balance("USDT")).isEqualTo(bal("USDT", "9700", "0"));
    assertThat(balance("BTC")).isEqualTo(bal("BTC", "0.10998", "0"));
  }

  @Test
  void lastPricesAnswerEveryListedPair() {
    price("30500");

    assertThat(paper.lastPrices())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                BTCUSDT, Price.of("30500"),
                ETHUSDT, Price.of("2000"),
                dev.orderlistbot.core.domain.Symbol.of("BNBUSDT"), Price.of("300"),
                dev.orderlistbot.core.domain.Symbol.of("SOLUSDT"), Price.of("100")));
  }
}
