package dev.orderlistbot.binance;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/** The market figures read through short caches: a pair's 24-hour quote volume and its candles. Thread-safe. */
final class MarketFigures {
  private final QuoteVolumes volumes;
  private final Klines klines;

  MarketFigures(BinanceMarketApi market, Clock clock) {
    this.volumes = new QuoteVolumes(market, clock);
    this.klines = new Klines(market, clock);
  }

  BigDecimal quoteVolume(Symbol symbol) {
    return volumes.get(symbol);
  }

  List<Candle> candles(Symbol symbol, CandleInterval interval, int count) {
    return klines.get(symbol, interval, count);
  }
}
