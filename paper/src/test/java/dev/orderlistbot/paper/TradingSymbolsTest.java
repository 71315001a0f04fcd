package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Symbol;
import org.junit.jupiter.api.Test;

class TradingSymbolsTest extends PaperTest {

  @Test
  void theBundledMarketsAreOfferedSortedByName() {
    assertThat(paper.tradingSymbols())
        .containsExactly(Symbol.of("BNBUSDT"), Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"), Symbol.of("SOLUSDT"));
  }
}
