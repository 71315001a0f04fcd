package dev.orderlistbot.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.orderlistbot.core.domain.Symbol;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TradingSymbolsTest extends StubbedBinance {
  private static final String EXCHANGE_INFO =
      """
      {"symbols":[
        {"symbol":"ETHUSDT","status":"TRADING","baseAsset":"ETH","quoteAsset":"USDT","ocoAllowed":true,"filters":[]},
        {"symbol":"OLDUSDT","status":"BREAK","baseAsset":"OLD","quoteAsset":"USDT","ocoAllowed":true,"filters":[]},
        {"symbol":"NOCOUSDT","status":"TRADING","baseAsset":"NOCO","quoteAsset":"USDT","ocoAllowed":false,"filters":[]},
        {"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT","ocoAllowed":true,"filters":[]}]}
      """;

  @Test
  void onlySymbolsThatTradeAndAllowOcosAreOfferedSortedAndFetchedOncePerTimeToLive() {
    stub.server.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(BinanceStub.json(EXCHANGE_INFO)));

    assertThat(client.tradingSymbols()).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
    assertThat(client.tradingSymbols()).hasSize(2);
    assertThat(client.rules(Symbol.of("ETHUSDT")).ocoAllowed()).isTrue();
    assertThat(stub.received(RequestMethod.GET, "/api/v3/exchangeInfo")).hasSize(1);

    clock.advance(config.exchangeInfoTtl().plus(Duration.ofSeconds(1)));
    client.tradingSymbols();

    assertThat(stub.received(RequestMethod.GET, "/api/v3/exchangeInfo")).hasSize(2);
  }
}
