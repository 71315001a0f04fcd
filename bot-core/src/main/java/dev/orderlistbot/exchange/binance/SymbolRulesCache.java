package dev.orderlistbot.exchange.binance;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.rules.SymbolRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exchange rules per symbol ({@code GET /api/v3/exchangeInfo?symbol=}, weight 20), kept for a
 * time-to-live measured on the injected clock and fetched again on the first use after it. A
 * symbol Binance does not list is refused with {@code -1121}. Thread-safe.
 */
final class SymbolRulesCache {
  private final LoadingCache<Symbol, SymbolRules> rules;

  SymbolRulesCache(BinanceMarketApi market, ExchangeInfoReader reader, Clock clock, Duration ttl) {
    this.rules =
        Caffeine.newBuilder()
            .ticker(ticker(clock))
            .expireAfterWrite(ttl)
            .maximumSize(5_000)
            .build(symbol -> load(market, reader, symbol));
  }

  SymbolRules get(Symbol symbol) {
    return rules.get(symbol);
  }

  /** Caffeine's time source on the injected clock, so tests (and the app) control expiry. */
  static Ticker ticker(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }

  private static SymbolRules load(BinanceMarketApi market, ExchangeInfoReader reader, Symbol symbol) {
    SymbolRules found = reader.read(market.exchangeInfo(symbol.value())).get(symbol);
    if (found == null) {
      int code = BinanceError.BAD_SYMBOL.code();
      throw new ExchangeException(new ExchangeError.Refused(code, BinanceError.explain(code, "")));
    }
    return found;
  }
}
