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
 * and the filters. Built from Binance's {@code exchangeInfo} (or the paper exchange's bundled
 * copy). Immutable and thread-safe.
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
    List<SymbolFilter> filters) {

  public SymbolRules {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(baseAsset, "baseAsset");
    Objects.requireNonNull(quoteAsset, "quoteAsset");
    orderTypes = Set.copyOf(orderTypes);
    filters = List.copyOf(filters);
  }

  /** The first filter of the given type, if the symbol has one (absent means no rule). */
  public <T extends SymbolFilter> Optional<T> filter(Class<T> type) {
    return filters.stream().filter(type::isInstance).map(type::cast).findFirst();
  }
}
