package dev.orderlistbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Symbol;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChartGrammarsTest {
  private final CommandParser parser = new CommandParser(Optional.empty());

  @Test
  void aChartIsFifteenMinutesUnlessAnIntervalIsGiven() {
    assertThat(Lines.parsed("/chart btcusdt")).isEqualTo(new Command.ShowChart(Symbol.of("BTCUSDT"), CandleInterval.FIFTEEN_MINUTES));
    assertThat(Lines.parsed("/chart BTCUSDT 4H")).isEqualTo(new Command.ShowChart(Symbol.of("BTCUSDT"), CandleInterval.FOUR_HOURS));
    assertThat(Lines.parsed("/chart ETHUSDT 1d")).isEqualTo(new Command.ShowChart(Symbol.of("ETHUSDT"), CandleInterval.ONE_DAY));
  }

  @Test
  void anUnknownIntervalIsNamedWithTheOnesThatExist() {
    ParseResult result = parser.parse("/chart BTCUSDT 5m");

    assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
      assertThat(invalid.error().message()).contains("'5m' is not a chart interval").contains("15m, 1h, 4h, 1d");
      assertThat(invalid.error().message()).contains("/chart BTCUSDT 1h");
    });
  }

  @Test
  void aChartWithoutAPairAsksForOne() {
    assertThat(parser.parse("/chart")).isInstanceOfSatisfying(ParseResult.Invalid.class,
        invalid -> assertThat(invalid.error().message()).containsIgnoringCase("symbol"));
  }

  @Test
  void settingsAloneShowAndChartsOnOrOffSet() {
    assertThat(Lines.parsed("/settings")).isEqualTo(new Command.ShowSettings());
    assertThat(Lines.parsed("/settings charts off")).isEqualTo(new Command.SetCharts(false));
    assertThat(Lines.parsed("/settings CHARTS On")).isEqualTo(new Command.SetCharts(true));
  }

  @Test
  void aMistypedSettingSaysHowToWriteIt() {
    assertThat(parser.parse("/settings chart off")).isInstanceOfSatisfying(ParseResult.Invalid.class,
        invalid -> assertThat(invalid.error().message()).contains("'chart' is not a setting").contains("/settings charts off"));
    assertThat(parser.parse("/settings charts maybe")).isInstanceOfSatisfying(ParseResult.Invalid.class,
        invalid -> assertThat(invalid.error().message()).contains("'maybe' is not on or off"));
    assertThat(parser.parse("/settings charts")).isInstanceOfSatisfying(ParseResult.Invalid.class,
        invalid -> assertThat(invalid.error().message()).contains("Missing on or off"));
  }
}
