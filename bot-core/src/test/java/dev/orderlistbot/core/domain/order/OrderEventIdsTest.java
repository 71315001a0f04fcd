package dev.orderlistbot.core.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderEventIdsTest {

  @Test
  void aSourceIsLowerCaseLettersOnly() {
    assertThat(OrderEventIds.checkedSource("binance")).isEqualTo("binance");
    for (String bad : new String[] {"", " ", "Binance", "bin ance", "binance2", "bin-ance", "é"}) {
      assertThatThrownBy(() -> OrderEventIds.checkedSource(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aLegStateIsNamedByItsSymbolOrderStatusAndCanonicalFilledQuantity() {
    assertThat(OrderEventIds.legState("binance", Symbol.of("BTCUSDT"), 8001, LegStatus.FILLED, new BigDecimal("0.01000000")))
        .isEqualTo("binance-o-BTCUSDT-8001-FILLED-0.01");
    assertThatThrownBy(() -> OrderEventIds.legState("Binance", Symbol.of("BTCUSDT"), 8001, LegStatus.FILLED, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
