package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.binance.ExchangeInfoReader;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * The paper exchange writes its four pairs' rules out in Java (it reads no JSON); this holds them
 * equal, value and scale, to Binance's own {@code exchangeInfo} for those pairs
 * ({@code paper-exchange-info.json}) as the Binance adapter reads it. Only the app has both modules.
 */
class PaperMarketsMatchBinanceTest {

  @Test
  void everyPaperPairHasTheRulesBinancePublishesForIt() throws IOException {
    Map<Symbol, SymbolRules> binance = binanceDocument();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (PaperExchange paper =
        PaperExchange.create(
            PaperConfig.defaults().withoutPriceWalk(),
            Clock.systemUTC(),
            scheduler,
            (owner, update) -> {},
            PaperStateStore.inMemory())) {
      assertThat(paper.tradingSymbols()).containsExactlyInAnyOrderElementsOf(binance.keySet());
      for (Map.Entry<Symbol, SymbolRules> pair : binance.entrySet()) {
        assertThat(paper.rules(pair.getKey())).as(pair.getKey().value()).isEqualTo(pair.getValue());
      }
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static Map<Symbol, SymbolRules> binanceDocument() throws IOException {
    try (InputStream in = PaperMarketsMatchBinanceTest.class.getResourceAsStream("/paper-exchange-info.json")) {
      assertThat(in).as("paper-exchange-info.json on the test class path").isNotNull();
      return new ExchangeInfoReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
