package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartLine;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.rules.Preview;
import dev.orderlistbot.core.rules.PreviewLeg;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreviewChartsTest {
  private static final List<Candle> CANDLES =
      List.of(Candle.at(Instant.parse("2026-03-01T00:00:00Z"), new BigDecimal("31000")));

  @Test
  void anOtocoDrawsItsEntryTakeProfitStopAndStopLimitEachWithPriceAndDistanceAndTheLastPrice() {
    Preview otoco =
        preview(
            ListKind.OTOCO,
            new PreviewLeg(LegRole.WORKING, Side.BUY, OrderType.LIMIT, Optional.of(Price.of("30000")), Optional.empty(),
                Optional.empty(), Optional.empty()),
            new PreviewLeg(LegRole.TAKE_PROFIT, Side.SELL, OrderType.LIMIT_MAKER, Optional.of(Price.of("32000")),
                Optional.empty(), Optional.empty(), Optional.empty()),
            new PreviewLeg(LegRole.STOP_LOSS, Side.SELL, OrderType.STOP_LOSS_LIMIT, Optional.of(Price.of("28900")),
                Optional.of(Price.of("29000")), Optional.empty(), Optional.empty()));

    ChartSpec spec = PreviewCharts.of(otoco, TradingEnvironment.LIVE, CandleInterval.FIFTEEN_MINUTES, CANDLES);

    assertThat(spec.title()).isEqualTo("BTCUSDT · OTOCO BUY · 15m · LIVE");
    assertThat(spec.lines())
        .extracting(ChartLine::kind, ChartLine::label)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ChartLine.Kind.ENTRY, "entry 30,000 (-3.23%)"),
            org.assertj.core.groups.Tuple.tuple(ChartLine.Kind.TAKE_PROFIT, "TP 32,000 (+3.23%)"),
            org.assertj.core.groups.Tuple.tuple(ChartLine.Kind.STOP_TRIGGER, "SL 29,000 (-6.45%)"),
            org.assertj.core.groups.Tuple.tuple(ChartLine.Kind.STOP_LIMIT, "SL limit 28,900 (-6.77%)"),
            org.assertj.core.groups.Tuple.tuple(ChartLine.Kind.LAST_PRICE, "last 31,000"));
    assertThat(spec.lines().get(0).price()).isEqualByComparingTo("30000");
    assertThat(spec.candles()).isEqualTo(CANDLES);
  }

  @Test
  void aTrailingStopWithNoActivationPriceHasNoLineAndATakeProfitLimitIsDrawnAtItsLimit() {
    Preview oco =
        preview(
            ListKind.OCO,
            new PreviewLeg(LegRole.TAKE_PROFIT, Side.SELL, OrderType.TAKE_PROFIT_LIMIT, Optional.of(Price.of("31900")),
                Optional.of(Price.of("32000")), Optional.empty(), Optional.empty()),
            new PreviewLeg(LegRole.STOP_LOSS, Side.SELL, OrderType.STOP_LOSS, Optional.empty(), Optional.empty(),
                Optional.of(new TrailingDelta(500)), Optional.empty()));

    ChartSpec spec = PreviewCharts.of(oco, TradingEnvironment.PAPER, CandleInterval.ONE_HOUR, CANDLES);

    assertThat(spec.lines()).extracting(ChartLine::kind).containsExactly(ChartLine.Kind.TAKE_PROFIT, ChartLine.Kind.LAST_PRICE);
    assertThat(spec.lines().get(0).price()).isEqualByComparingTo("31900");
  }

  private static Preview preview(ListKind kind, PreviewLeg... legs) {
    return new Preview(
        kind, Symbol.of("BTCUSDT"), legs[0].side(), Quantity.of("0.01"), Asset.of("BTC"), Asset.of("USDT"), List.of(legs),
        new BigDecimal("300"), Price.of("31000"), Optional.empty(), Optional.empty());
  }
}
