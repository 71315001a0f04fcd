package dev.orderlistbot.bench;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartLine;
import dev.orderlistbot.core.chart.ChartMark;
import dev.orderlistbot.core.chart.ChartSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The chart a preview draws by default: a day of 15-minute candles and an OTOCO's five lines, plus a fill. */
final class ChartSpecs {
  private ChartSpecs() {}

  static ChartSpec otocoDay(long seed) {
    Random random = new Random(seed);
    List<Candle> candles = new ArrayList<>();
    BigDecimal price = new BigDecimal("30000");
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 96; i++) {
      BigDecimal open = price;
      BigDecimal close = open.add(BigDecimal.valueOf(random.nextInt(201) - 100));
      candles.add(new Candle(start.plusSeconds(900L * i), open, open.max(close).add(BigDecimal.valueOf(random.nextInt(40))),
          open.min(close).subtract(BigDecimal.valueOf(random.nextInt(40))), close));
      price = close;
    }
    return new ChartSpec(
        "BTCUSDT · OTOCO BUY · 15m · PAPER",
        CandleInterval.FIFTEEN_MINUTES,
        candles,
        List.of(
            new ChartLine(ChartLine.Kind.ENTRY, new BigDecimal("29700"), "entry 29,700 (-1.00%)"),
            new ChartLine(ChartLine.Kind.TAKE_PROFIT, new BigDecimal("31200"), "TP 31,200 (+4.00%)"),
            new ChartLine(ChartLine.Kind.STOP_TRIGGER, new BigDecimal("29100"), "SL 29,100 (-3.00%)"),
            new ChartLine(ChartLine.Kind.STOP_LIMIT, new BigDecimal("29050"), "SL limit 29,050 (-3.17%)"),
            new ChartLine(ChartLine.Kind.LAST_PRICE, price, "last " + price.toPlainString())),
        List.of(new ChartMark(start.plusSeconds(900L * 80), new BigDecimal("29700"), "entry filled")));
  }
}
