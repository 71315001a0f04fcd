package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OrderType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the exchange allows on one symbol: status, assets, permitted order types and list kinds,
 * the symbol's filters, and the account-wide {@code exchangeFilters} that apply to it as to every
 * symbol. Built from Binance's {@code exchangeInfo} (or the paper exchange's bundled copy).
 * Immutable and thread-safe.
 */
public record SymbolRules(
    Symbol symbol,
    SymbolStatus status,
    Asset baseAsset,
    Asset quoteAsset,
    Set<OrderType> orderTypes,
    boolean ocoAllowed,
    boolean otoAllowed,
    boolean opoAllowed,
    boolean allowTrailingStop,
    List<SymbolFilter> filters,
    List<ExchangeFilter> exchangeFilters) {

  public SymbolRules {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(baseAsset, "baseAsset");
    Objects.requireNonNull(quoteAsset, "quoteAsset");
    orderTypes = Set.copyOf(orderTypes);
    filters = List.copyOf(filters);
    exchangeFilters = List.copyOf(exchangeFilters);
  }

  /** Rules without account-wide limits (Binance's {@code exchangeFilters} is usually empty). */
  public SymbolRules(
      Symbol symbol,
      SymbolStatus status,
      Asset baseAsset,
      Asset quoteAsset,
      Set<OrderType> orderTypes,
      boolean ocoAllowed,
      boolean otoAllowed,
      boolean opoAllowed,
      boolean allowTrailingStop,
      List<SymbolFilter> filters) {
    this(symbol, status, baseAsset, quoteAsset, orderTypes, ocoAllowed, otoAllowed, opoAllowed, allowTrailingStop,
        filters, List.of());
  }

  /** The first filter of the given type, if the symbol has one (absent means no rule). */
  public <T extends SymbolFilter> Optional<T> filter(Class<T> type) {
    return filters.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The first account-wide filter of the given type, if the exchange publishes one. */
  public <T extends ExchangeFilter> Optional<T> exchangeFilter(Class<T> type) {
    return exchangeFilters.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
