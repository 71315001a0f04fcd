package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.rules.ExchangeFilter;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import dev.orderlistbot.testing.BinanceBtcUsdt;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeInfoReaderTest {
  private final ExchangeInfoReader reader = new ExchangeInfoReader(new ObjectMapper());

  @Test
  void readsEveryFilterOfTheBtcusdtFixtureWithExactDecimals() throws IOException {
    SymbolRules btc = reader.read(fixture("exchangeinfo-btcusdt.json")).get(Symbol.of("BTCUSDT"));

    assertThat(btc.status()).isEqualTo(SymbolStatus.TRADING);
    assertThat(btc.baseAsset()).isEqualTo(Asset.of("BTC"));
    assertThat(btc.quoteAsset()).isEqualTo(Asset.of("USDT"));
    assertThat(btc.ocoAllowed()).isTrue();
    assertThat(btc.otoAllowed()).isTrue();
    assertThat(btc.opoAllowed()).isTrue();
    assertThat(btc.allowTrailingStop()).isTrue();
    assertThat(btc.orderTypes()).containsExactlyInAnyOrder(OrderType.values());

    SymbolFilter.PriceFilter price = btc.filter(SymbolFilter.PriceFilter.class).orElseThrow();
    assertThat(price.tickSize()).isEqualByComparingTo("0.01");
    assertThat(price.maxPrice()).isEqualByComparingTo("1000000");
    SymbolFilter.LotSize lot = btc.filter(SymbolFilter.LotSize.class).orElseThrow();
    assertThat(lot.stepSize()).isEqualByComparingTo("0.00001");
    assertThat(lot.minQty().toPlainString()).isEqualTo("0.00001000");
    assertThat(btc.filter(SymbolFilter.MarketLotSize.class).orElseThrow().maxQty())
        .isEqualTo(new BigDecimal("97.92836420"));
    assertThat(btc.filter(SymbolFilter.Notional.class).orElseThrow())
        .isEqualTo(
            new SymbolFilter.Notional(
                new BigDecimal("5.00000000"), true, new BigDecimal("9000000.00000000"), false));
    assertThat(btc.filter(SymbolFilter.PercentPriceBySide.class).orElseThrow().bidMultiplierDown())
        .isEqualByComparingTo("0.2");
    assertThat(btc.filter(SymbolFilter.TrailingDeltaBounds.class).orElseThrow())
        .isEqualTo(new SymbolFilter.TrailingDeltaBounds(10, 2000, 10, 2000));
    assertThat(btc.filter(SymbolFilter.MaxNumOrders.class).orElseThrow().limit()).isEqualTo(200);
    assertThat(btc.filter(SymbolFilter.MaxNumOrderLists.class).orElseThrow().limit()).isEqualTo(20);
    assertThat(btc.filter(SymbolFilter.MaxNumAlgoOrders.class).orElseThrow().limit()).isEqualTo(5);
    assertThat(btc.filter(SymbolFilter.MinNotional.class)).isEmpty();
  }

  @Test
  void readsHowManyTimesOneOrderMayBeAmended() throws IOException {
    SymbolRules btc = reader.read(fixture("exchangeinfo-btcusdt.json")).get(Symbol.of("BTCUSDT"));

    assertThat(btc.filter(SymbolFilter.MaxNumOrderAmends.class)).contains(new SymbolFilter.MaxNumOrderAmends(10));
  }

  @Test
  void theFixtureReadsToExactlyTheRulesBotCoresRuleTestsUse() throws IOException {
    SymbolRules btc = reader.read(fixture("exchangeinfo-btcusdt.json")).get(Symbol.of("BTCUSDT"));

    assertThat(btc).isEqualTo(BinanceBtcUsdt.RULES);
  }

  @Test
  void theAccountWideExchangeFiltersComeWithEverySymbolsRules() throws IOException {
    String json = fixture("exchangeinfo-btcusdt.json").replace("\"exchangeFilters\": []", """
        "exchangeFilters": [{"filterType":"EXCHANGE_MAX_NUM_ORDERS","maxNumOrders":1000},
          {"filterType":"EXCHANGE_MAX_NUM_ALGO_ORDERS","maxNumAlgoOrders":200},
          {"filterType":"EXCHANGE_MAX_NUM_ICEBERG_ORDERS","maxNumIcebergOrders":10000},
          {"filterType":"EXCHANGE_MAX_NUM_ORDER_LISTS","maxNumOrderLists":20}]""");

    SymbolRules btc = reader.read(json).get(Symbol.of("BTCUSDT"));

    assertThat(btc.exchangeFilters()).containsExactly(
        new ExchangeFilter.ExchangeMaxNumOrders(1000),
        new ExchangeFilter.ExchangeMaxNumAlgoOrders(200),
        new ExchangeFilter.ExchangeMaxNumOrderLists(20));
    assertThat(reader.read(fixture("exchangeinfo-btcusdt.json")).get(Symbol.of("BTCUSDT")).exchangeFilters()).isEmpty();
  }

  @Test
  void unknownStatusesFiltersAndOrderTypesAreToleratedNotGuessed() {
    String json =
        """
        {"symbols":[{"symbol":"ETHUSDT","status":"SOMETHING_NEW","baseAsset":"ETH","quoteAsset":"USDT",
          "orderTypes":["LIMIT","MARKET","FUTURE_TYPE"],"ocoAllowed":false,
          "filters":[{"filterType":"NEW_FILTER","x":"1"},{"filterType":"MIN_NOTIONAL","minNotional":"10.0","applyToMarket":true}],
          "futureField":{"a":1}}]}
        """;

    Map<Symbol, SymbolRules> rules = reader.read(json);

    SymbolRules eth = rules.get(Symbol.of("ETHUSDT"));
    assertThat(eth.status()).isEqualTo(SymbolStatus.UNKNOWN);
    assertThat(eth.orderTypes()).containsExactly(OrderType.LIMIT);
    assertThat(eth.ocoAllowed()).isFalse();
    assertThat(eth.otoAllowed()).isFalse();
    assertThat(eth.filters()).containsExactly(new SymbolFilter.MinNotional(new BigDecimal("10.0"), true));
  }

  @Test
  void cancelOnlyStatusIsRecognised() {
    String json =
        """
        {"symbols":[{"symbol":"BNBUSDT","status":"CANCEL_ONLY","baseAsset":"BNB","quoteAsset":"USDT","filters":[]}]}
        """;

    assertThat(reader.read(json).get(Symbol.of("BNBUSDT")).status()).isEqualTo(SymbolStatus.CANCEL_ONLY);
  }

  @Test
  void malformedJsonIsAClearError() {
    assertThatThrownBy(() -> reader.read("{not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exchangeInfo");
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = ExchangeInfoReaderTest.class.getResourceAsStream("/fixtures/binance/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
