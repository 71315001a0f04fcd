package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The paper exchange's candles come from the prices it sets ({@code /paper price}, the walk). */
class PaperCandlesTest extends PaperTest {
  @Test
  void eachPriceSetIsInTheCandlesOfItsMinute() {
    price("30100");
    price("29900");
    clock.advance(Duration.ofMinutes(1));
    price("30050");

    assertThat(paper.candles(BTCUSDT, CandleInterval.ONE_MINUTE, 10))
        .containsExactly(
            new Candle(START, new BigDecimal("30100"), new BigDecimal("30100"), new BigDecimal("29900"), new BigDecimal("29900")),
            Candle.at(START.plusSeconds(60), new BigDecimal("30050")));
    assertThat(paper.candles(BTCUSDT, CandleInterval.ONE_HOUR, 24))
        .containsExactly(new Candle(START, new BigDecimal("30100"), new BigDecimal("30100"), new BigDecimal("29900"), new BigDecimal("30050")));
  }

  @Test
  void aDayOfQuarterHoursSurvivesARestartAndMinutesStartAgain() {
    price("30100");
    clock.advance(Duration.ofMinutes(16));
    price("29900");
    paper.close();

    paper = start();
    clock.advance(Duration.ofMinutes(1));
    price("30000");

    assertThat(paper.candles(BTCUSDT, CandleInterval.FIFTEEN_MINUTES, 10))
        .containsExactly(
            Candle.at(START, new BigDecimal("30100")),
            new Candle(START.plusSeconds(900), new BigDecimal("29900"), new BigDecimal("30000"), new BigDecimal("29900"),
                new BigDecimal("30000")));
    assertThat(paper.candles(BTCUSDT, CandleInterval.ONE_MINUTE, 10)).containsExactly(Candle.at(START.plusSeconds(17 * 60), new BigDecimal("30000")));
    assertThat(StateCodec.joined(store.load().orElseThrow())).contains("candle symbol=BTCUSDT time=2026-03-01T10:00:00Z open=30100 high=30100 low=30100 close=30100");
  }
}
