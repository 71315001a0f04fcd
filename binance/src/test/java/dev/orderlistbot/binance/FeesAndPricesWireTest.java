package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static dev.orderlistbot.binance.BinanceStub.signedByHmac;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every symbol's last price comes from one unsigned {@code GET /api/v3/ticker/price} without a
 * symbol (weight 4); the account's commission from one signed {@code GET
 * /api/v3/account/commission?symbol=} (weight 20), standard plus tax plus special, no BNB discount.
 */
class FeesAndPricesWireTest extends StubbedBinance {

  /** Binance's answer with a BNB discount on offer, which the bot does not assume. */
  private static final String COMMISSION =
      """
      {"symbol":"BTCUSDT",
       "standardCommission":{"maker":"0.00100000","taker":"0.00100000","buyer":"0.00000000","seller":"0.00000000"},
       "taxCommission":{"maker":"0.00000000","taker":"0.00020000","buyer":"0.00000000","seller":"0.00000000"},
       "discount":{"enabledForAccount":true,"enabledForSymbol":true,"discountAsset":"BNB","discount":"0.75000000"}}
      """;

  @Test
  void everyLastPriceComesFromOneRequestWithoutASymbol() {
    stub.server.stubFor(
        get(urlPathEqualTo("/api/v3/ticker/price"))
            .willReturn(
                json(
                    """
                    [{"symbol":"BTCUSDT","price":"30123.45000000"},{"symbol":"ETHBTC","price":"0.05412000"},
                     {"symbol":"OLDCOINBTC","price":"0.00000000"}]
                    """)));

    Map<Symbol, Price> prices = client.lastPrices();

    assertThat(prices)
        .containsOnly(
            Map.entry(Symbol.of("BTCUSDT"), new Price(new BigDecimal("30123.45000000"))),
            Map.entry(Symbol.of("ETHBTC"), new Price(new BigDecimal("0.05412000"))));
    List<LoggedRequest> sent = stub.received(RequestMethod.GET, "/api/v3/ticker/price");
    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().getUrl()).isEqualTo("/api/v3/ticker/price");
  }

  @Test
  void everyLastPriceWeighsFourAndOneSymbolsTwo() {
    assertThat(RequestWeights.of("GET", stub.baseUrl() + "/api/v3/ticker/price")).isEqualTo(4);
    assertThat(RequestWeights.of("GET", stub.baseUrl() + "/api/v3/ticker/price?symbol=BTCUSDT")).isEqualTo(2);
    assertThat(RequestWeights.of("GET", stub.baseUrl() + "/api/v3/account/commission?symbol=BTCUSDT&timestamp=1"))
        .isEqualTo(20);
  }

  @Test
  void theFeesAreTheStandardPlusTheTaxRateWithoutTheBnbDiscount() {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/account/commission")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(json(COMMISSION)));

    TradeFees fees = client.tradeFees(TestKeys.hmac(), Symbol.of("BTCUSDT"));

    assertThat(fees.maker()).isEqualByComparingTo("0.001");
    assertThat(fees.taker()).isEqualByComparingTo("0.0012");
    List<LoggedRequest> sent = stub.received(RequestMethod.GET, "/api/v3/account/commission");
    assertThat(sent).hasSize(1);
    assertThat(BinanceStub.params(sent.getFirst()).getFirst()).isEqualTo(Map.entry("symbol", "BTCUSDT"));
    assertThat(BinanceStub.hmacValid(sent.getFirst(), TestKeys.HMAC_SECRET)).isTrue();
  }

  @Test
  void aSpecialCommissionIsAddedWhenBinanceStatesOne() {
    stub.server.stubFor(
        signedByHmac(get(urlPathEqualTo("/api/v3/account/commission")), TestKeys.HMAC_API_KEY, TestKeys.HMAC_SECRET)
            .willReturn(
                json(
                    COMMISSION.replace(
                        "\"taxCommission\"",
                        "\"specialCommission\":{\"maker\":\"0.00005000\",\"taker\":\"0.00005000\"},\"taxCommission\""))));

    TradeFees fees = client.tradeFees(TestKeys.hmac(), Symbol.of("BTCUSDT"));

    assertThat(fees.maker()).isEqualByComparingTo("0.00105");
    assertThat(fees.taker()).isEqualByComparingTo("0.00125");
  }
}
