package dev.orderlistbot.binance;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * The 24-hour quote volume of each symbol ({@code GET /api/v3/ticker/24hr?symbol=}, weight 2, its
 * {@code quoteVolume}), for the liquidity guard, cached a minute per symbol on the injected clock:
 * a day's volume barely moves in a minute, and a trader's preview and Confirm then cost one call.
 * A failed call is not cached. Thread-safe.
 */
final class QuoteVolumes {
  static final Duration TTL = Duration.ofMinutes(1);

  private final LoadingCache<Symbol, BigDecimal> volumes;

  QuoteVolumes(BinanceMarketApi market, Clock clock) {
    this.volumes =
        Caffeine.newBuilder()
            .ticker(SymbolRulesCache.ticker(clock))
            .expireAfterWrite(TTL)
            .maximumSize(5_000)
            .build(symbol -> market.ticker24hr(symbol.value()).quoteVolume());
  }

  BigDecimal get(Symbol symbol) {
    return volumes.get(symbol);
  }
}
