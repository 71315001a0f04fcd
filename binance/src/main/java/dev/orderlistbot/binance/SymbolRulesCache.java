package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Exchange rules per symbol ({@code GET /api/v3/exchangeInfo?symbol=}, weight 20), kept for a
 * time-to-live measured on the injected clock and fetched again on the first use after it. A
 * symbol Binance does not list is refused with {@code -1121}. Thread-safe.
 */
final class SymbolRulesCache {
  private final LoadingCache<Symbol, SymbolRules> rules;
  private final LoadingCache<Boolean, List<Symbol>> tradingSymbols;

  /**
   * @param weightLimit told Binance's request weight per minute whenever an {@code exchangeInfo}
   *     states it in its {@code rateLimits}
   */
  SymbolRulesCache(BinanceMarketApi market, ExchangeInfoReader reader, Clock clock, Duration ttl, IntConsumer weightLimit) {
    this.rules =
        Caffeine.newBuilder()
            .ticker(ticker(clock))
            .expireAfterWrite(ttl)
            .maximumSize(5_000)
            .build(symbol -> load(market, reader, symbol, weightLimit));
    this.tradingSymbols =
        Caffeine.newBuilder().ticker(ticker(clock)).expireAfterWrite(ttl).build(all -> loadAll(market, reader, weightLimit));
  }

  SymbolRules get(Symbol symbol) {
    return rules.get(symbol);
  }

  /** Every symbol that trades and allows OCOs, sorted; one full exchangeInfo per time-to-live. */
  List<Symbol> tradingSymbols() {
    return tradingSymbols.get(Boolean.TRUE);
  }

  private List<Symbol> loadAll(BinanceMarketApi market, ExchangeInfoReader reader, IntConsumer weightLimit) {
    JsonNode info = market.exchangeInfo();
    ExchangeInfoReader.requestWeightPerMinute(info).ifPresent(weightLimit);
    Map<Symbol, SymbolRules> all = reader.read(info);
    rules.putAll(all);
    return all.values().stream()
        .filter(r -> r.status() == SymbolStatus.TRADING && r.ocoAllowed())
        .map(SymbolRules::symbol)
        .sorted(Comparator.comparing(Symbol::value))
        .toList();
  }

  /** Caffeine's time source on the injected clock, so tests (and the app) control expiry. */
  static Ticker ticker(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }

  private static SymbolRules load(BinanceMarketApi market, ExchangeInfoReader reader, Symbol symbol, IntConsumer weightLimit) {
    JsonNode info = market.exchangeInfo(symbol.value());
    ExchangeInfoReader.requestWeightPerMinute(info).ifPresent(weightLimit);
    SymbolRules found = reader.read(info).get(symbol);
    if (found == null) {
      int code = BinanceError.BAD_SYMBOL.code();
      throw new ExchangeException(new ExchangeError.Refused(code, BinanceError.explain(code, "")));
    }
    return found;
  }
}
