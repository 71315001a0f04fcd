package dev.orderlistbot.exchange.paper;

import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.exchange.binance.ExchangeInfoReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The symbols the paper exchange lists and their rules, read from the bundled copy of Binance's
 * {@code exchangeInfo} ({@code exchange-info.json} next to this class): BTCUSDT, ETHUSDT, BNBUSDT and
 * SOLUSDT with Binance's filters. Immutable.
 */
final class Markets {
  static final String RESOURCE = "exchange-info.json";

  private final Map<Symbol, SymbolRules> rules;

  Markets(Map<Symbol, SymbolRules> rules) {
    this.rules = rules;
  }

  /** The bundled markets. */
  static Markets bundled() {
    try (InputStream in = Markets.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the paper exchange's " + RESOURCE + " is missing from the class path");
      }
      return new Markets(new ExchangeInfoReader().read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the paper exchange's " + RESOURCE, e);
    }
  }

  Optional<SymbolRules> rules(Symbol symbol) {
    return Optional.ofNullable(rules.get(symbol));
  }

  boolean lists(Symbol symbol) {
    return rules.containsKey(symbol);
  }

  /** Every listed symbol, in the order of the bundled document. */
  List<Symbol> symbols() {
    return List.copyOf(rules.keySet());
  }

  /** The symbol's PRICE_FILTER (tick, bounds); every bundled symbol has one. */
  PriceFilter priceFilter(Symbol symbol) {
    return rules(symbol)
        .flatMap(r -> r.filter(PriceFilter.class))
        .orElse(new PriceFilter(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
  }
}
