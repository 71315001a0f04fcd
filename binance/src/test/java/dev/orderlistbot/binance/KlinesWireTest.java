package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.orderlistbot.binance.BinanceStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chart's candles: one unsigned {@code GET /api/v3/klines} (weight 2) per pair, interval and count,
 * read exactly from Binance's strings, cached a few seconds; a failed call is an exchange error.
 */
class KlinesWireTest extends StubbedBinance {
  /** The shape of Binance's answer (binance-spot-api-docs, market data endpoints: Kline/Candlestick data). */
  private static final String KLINES =
      """
      [[1499040000000,"0.01634790","0.80000000","0.01575800","0.01577100","148976.11427815",1499644799999,"2434.19055334",308,"1756.87402397","28.46694368","0"],
       [1499644800000,"0.01577100","0.01600000","0.01500000","0.01590000","1000.00000000",1500249599999,"15.90000000",12,"500.00000000","7.95000000","0"]]
      """;

  @Test
  void candlesAreReadExactlyOldestFirstFromOneRequestAndCachedAFewSeconds() {
    stub.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(json(KLINES)));

    List<Candle> candles = client.candles(Symbol.of("BTCUSDT"), CandleInterval.FIFTEEN_MINUTES, 96);
    client.candles(Symbol.of("BTCUSDT"), CandleInterval.FIFTEEN_MINUTES, 96);

    assertThat(candles).containsExactly(
        new Candle(Instant.ofEpochMilli(1499040000000L), new BigDecimal("0.01634790"), new BigDecimal("0.80000000"),
            new BigDecimal("0.01575800"), new BigDecimal("0.01577100")),
        new Candle(Instant.ofEpochMilli(1499644800000L), new BigDecimal("0.01577100"), new BigDecimal("0.01600000"),
            new BigDecimal("0.01500000"), new BigDecimal("0.01590000")));
    assertThat(stub.received(RequestMethod.GET, "/api/v3/klines")).hasSize(1);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/klines").getFirst().getUrl())
        .isEqualTo("/api/v3/klines?symbol=BTCUSDT&interval=15m&limit=96");

    clock.advance(Klines.TTL.plus(Duration.ofSeconds(1)));
    client.candles(Symbol.of("BTCUSDT"), CandleInterval.FIFTEEN_MINUTES, 96);
    client.candles(Symbol.of("BTCUSDT"), CandleInterval.ONE_HOUR, 24);
    assertThat(stub.received(RequestMethod.GET, "/api/v3/klines")).hasSize(3);
  }

  @Test
  void theRequestWeighsTwo() {
    assertThat(RequestWeights.of("GET", stub.baseUrl() + "/api/v3/klines?symbol=BTCUSDT&interval=1h&limit=24")).isEqualTo(2);
  }

  @Test
  void anUnansweredRequestIsAnExchangeErrorAndIsNotCached() {
    stub.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(aResponse().withStatus(503)));

    assertThatThrownBy(() -> client.candles(Symbol.of("BTCUSDT"), CandleInterval.ONE_HOUR, 24))
        .isInstanceOf(ExchangeException.class);

    stub.server.stubFor(get(urlPathEqualTo("/api/v3/klines")).willReturn(json(KLINES)));
    assertThat(client.candles(Symbol.of("BTCUSDT"), CandleInterval.ONE_HOUR, 24)).hasSize(2);
  }

  @Test
  void moreCandlesThanBinanceGivesAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> client.candles(Symbol.of("BTCUSDT"), CandleInterval.ONE_HOUR, 1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and 1000");
    assertThat(stub.received(RequestMethod.GET, "/api/v3/klines")).isEmpty();
  }
}
