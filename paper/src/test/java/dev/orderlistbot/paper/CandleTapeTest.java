package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The paper market's candles: a minute's prices make one candle, wider ones are put together, a day is kept. */
class CandleTapeTest {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final CandleTape tape = new CandleTape();

  @Test
  void thePricesOfOneMinuteMakeOneCandleAndTheNextMinuteOpensAnother() {
    tape.record(BTCUSDT, T0.plusSeconds(5), dec("30000"));
    tape.record(BTCUSDT, T0.plusSeconds(20), dec("30100"));
    tape.record(BTCUSDT, T0.plusSeconds(40), dec("29950"));
    tape.record(BTCUSDT, T0.plusSeconds(61), dec("30010"));

    assertThat(tape.candles(BTCUSDT, CandleInterval.ONE_MINUTE, 10, T0.plusSeconds(70), dec("30010")))
        .containsExactly(
            new Candle(T0, dec("30000"), dec("30100"), dec("29950"), dec("29950")),
            Candle.at(T0.plusSeconds(60), dec("30010")));
  }

  @Test
  void fifteenMinuteCandlesArePutTogetherFromTheirMinutesAndTheLastCountAreGiven() {
    for (int minute = 0; minute < 45; minute++) {
      tape.record(BTCUSDT, T0.plus(Duration.ofMinutes(minute)), dec("30000").add(BigDecimal.valueOf(minute)));
    }

    List<Candle> candles = tape.candles(BTCUSDT, CandleInterval.FIFTEEN_MINUTES, 2, T0.plus(Duration.ofMinutes(45)), dec("30044"));

    assertThat(candles).containsExactly(
        new Candle(T0.plus(Duration.ofMinutes(15)), dec("30015"), dec("30029"), dec("30015"), dec("30029")),
        new Candle(T0.plus(Duration.ofMinutes(30)), dec("30030"), dec("30044"), dec("30030"), dec("30044")));
  }

  @Test
  void aDayOfMinutesIsKeptAndNoMore() {
    for (int minute = 0; minute < CandleTape.MOST + 10; minute++) {
      tape.record(BTCUSDT, T0.plus(Duration.ofMinutes(minute)), dec("30000"));
    }

    List<Candle> all = tape.candles(BTCUSDT, CandleInterval.ONE_MINUTE, 5_000, T0, dec("30000"));
    assertThat(all).hasSize(CandleTape.MOST);
    assertThat(all.getFirst().openTime()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
  }

  @Test
  void beforeAnyPriceThereIsOneCandleAtTheCurrentPrice() {
    assertThat(tape.candles(BTCUSDT, CandleInterval.ONE_HOUR, 24, T0.plusSeconds(1800), dec("30000")))
        .containsExactly(Candle.at(T0, dec("30000")));
  }

  private static BigDecimal dec(String text) {
    return new BigDecimal(text);
  }
}
