package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Candles from {@code GET /api/v3/klines} (weight 2), cached per pair, interval and count for a
 * short while (a preview and its chart, a second {@code /chart} of the same pair, cost one call) and
 * bounded in number. Prices are read as the exact decimal strings Binance sends. Thread-safe.
 */
final class Klines {
  static final Duration TTL = Duration.ofSeconds(20);
  /** Binance's largest {@code limit}. */
  static final int MOST = 1000;

  private record Key(Symbol symbol, CandleInterval interval, int count) {}

  private final LoadingCache<Key, List<Candle>> candles;

  Klines(BinanceMarketApi market, Clock clock) {
    this.candles =
        Caffeine.newBuilder()
            .ticker(SymbolRulesCache.ticker(clock))
            .expireAfterWrite(TTL)
            .maximumSize(200)
            .build(key -> read(market.klines(key.symbol().value(), key.interval().code(), key.count())));
  }

  /** @throws IllegalArgumentException for a count Binance does not give (1 to 1000), before any request */
  List<Candle> get(Symbol symbol, CandleInterval interval, int count) {
    return candles.get(new Key(symbol, interval, checked(count)));
  }

  static int checked(int count) {
    if (count < 1 || count > MOST) {
      throw new IllegalArgumentException("between 1 and " + MOST + " candles, not " + count);
    }
    return count;
  }

  /** {@code [[openTime, "open", "high", "low", "close", ...], ...]}, oldest first. */
  static List<Candle> read(JsonNode rows) {
    if (rows == null || !rows.isArray()) {
      throw new IllegalStateException("klines: not an array");
    }
    List<Candle> out = new ArrayList<>(rows.size());
    for (JsonNode row : rows) {
      out.add(
          new Candle(
              Instant.ofEpochMilli(row.get(0).asLong()),
              new BigDecimal(row.get(1).asText()),
              new BigDecimal(row.get(2).asText()),
              new BigDecimal(row.get(3).asText()),
              new BigDecimal(row.get(4).asText())));
    }
    return List.copyOf(out);
  }
}
