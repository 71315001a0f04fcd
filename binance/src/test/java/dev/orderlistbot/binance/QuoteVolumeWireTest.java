package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The liquidity guard's figure: {@code quoteVolume} of one unsigned {@code GET
 * /api/v3/ticker/24hr?symbol=} (weight 2), exact, cached a minute per symbol; a failed call is
 * an exchange error, not a zero.
 */
class QuoteVolumeWireTest extends StubbedBinance {
  /** The shape of Binance's FULL answer (binance-spot-api-docs, market data endpoints). */
  private static final String TICKER_24HR =
      """
      {"symbol":"BTCUSDT","priceChange":"-94.99999800","priceChangePercent":"-95.960","weightedAvgPrice":"0.29628482",
       "prevClosePrice":"0.10002000","lastPrice":"4.00000200","lastQty":"200.00000000","bidPrice":"4.00000000",
       "bidQty":"100.00000000","askPrice":"4.00000200","askQty":"100.00000000","openPrice":"99.00000000",
       "highPrice":"100.00000000","lowPrice":"0.10000000","volume":"8913.30000000","quoteVolume":"1234567890.12345678",
       "openTime":1499783499040,"closeTime":1499869899040,"firstId":28385,"lastId":28460,"count":76}
      """;

  @Test
  void theQuoteVolumeIsReadExactlyFromOneRequestForTheSymbolAndCachedAMinute() {
    stub.server.stubFor(get(urlPathEqualTo("/api/v3/ticker/24hr")).willReturn(json(TICKER_24HR)));

    assertThat(client.quoteVolume24h(Symbol.of("BTCUSDT"))).contains(new BigDecimal("1234567890.12345678"));
    clock.advance(Duration.ofSeconds(59));
    assertThat(client.quoteVolume24h(Symbol.of("BTCUSDT"))).contains(new BigDecimal("1234567890.12345678"));
    assertThat(stub.received(RequestMethod.GET, "/api/v3/ticker/24hr")).hasSize(1);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/ticker/24hr").getFirst().getUrl())
        .isEqualTo("/api/v3/ticker/24hr?symbol=BTCUSDT");

    clock.advance(Duration.ofSeconds(2));
    client.quoteVolume24h(Symbol.of("BTCUSDT"));
    assertThat(stub.received(RequestMethod.GET, "/api/v3/ticker/24hr")).hasSize(2);
  }

  @Test
  void theRequestWeighsTwo() {
    assertThat(RequestWeights.of("GET", stub.baseUrl() + "/api/v3/ticker/24hr?symbol=BTCUSDT")).isEqualTo(2);
  }

  @Test
  void anUnansweredRequestIsAnExchangeErrorAndIsNotCached() {
    stub.server.stubFor(get(urlPathEqualTo("/api/v3/ticker/24hr")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.quoteVolume24h(Symbol.of("BTCUSDT"))).isInstanceOf(ExchangeException.class);

    stub.server.stubFor(get(urlPathEqualTo("/api/v3/ticker/24hr")).willReturn(json(TICKER_24HR)));
    assertThat(client.quoteVolume24h(Symbol.of("BTCUSDT"))).contains(new BigDecimal("1234567890.12345678"));
  }
}
