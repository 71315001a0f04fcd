package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.rules.BandReference;
import dev.orderlistbot.core.rules.ExchangeFilter;
import dev.orderlistbot.core.rules.OpenCounts;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches what the pre-trade checks need beyond the rules and the last price, and only what a
 * filter of the symbol asks for:
 *
 * <ul>
 *   <li>the centre of the PERCENT_PRICE bands (only with such a filter): the reference price, else
 *       the average price, else (an average over 0 minutes) the last price, Binance's order. If it
 *       cannot be fetched, the last price stands in, and a refusal names it;
 *   <li>the account's open orders and waiting stop/take-profit orders (only with a MAX_NUM_ORDERS,
 *       MAX_NUM_ALGO_ORDERS or EXCHANGE_ version on): on the symbol (Binance weight 6), or on every
 *       symbol (weight 80) only when an account-wide one is on; its open order lists (weight 6,
 *       every symbol) only with a MAX_NUM_ORDER_LISTS or EXCHANGE_MAX_NUM_ORDER_LISTS on. A count that
 *       cannot be fetched is unknown and not checked: the preview says so, and the exchange still
 *       refuses a list over a limit (see docs/decisions.md).
 * </ul>
 *
 * Thread-safe (stateless but for the exchange).
 */
final class MarketFacts {
  private static final Logger log = LoggerFactory.getLogger(MarketFacts.class);

  private final ExchangeClient exchange;

  MarketFacts(ExchangeClient exchange) {
    this.exchange = exchange;
  }

  /**
   * What the account has open, on the symbol and on every symbol.
   *
   * @param unchecked whether the counts a limit needs could not be fetched
   */
  record Counts(OpenCounts onSymbol, OpenCounts onExchange, boolean unchecked) {
  }

  /** The band's centre, or empty when no PERCENT_PRICE filter needs one. */
  Optional<BandReference> band(SymbolRules rules, Price last) {
    if (rules.filter(SymbolFilter.PercentPrice.class).isEmpty()
        && rules.filter(SymbolFilter.PercentPriceBySide.class).isEmpty()) {
      return Optional.empty();
    }
    Symbol symbol = rules.symbol();
    try {
      Optional<Price> reference = exchange.referencePrice(symbol);
      if (reference.isPresent()) {
        return Optional.of(BandReference.referencePrice(reference.get()));
      }
      AveragePrice average = exchange.averagePrice(symbol);
      return Optional.of(average.minutes() > 0
          ? BandReference.averagePrice(average.price(), average.minutes())
          : BandReference.lastPrice(last));
    } catch (ExchangeException e) {
      log.warn("could not fetch the reference or average price of {} ({}): the price bands are checked around "
          + "the last price", symbol, e.error());
      return Optional.of(BandReference.lastPrice(last));
    }
  }

  /** The open counts the symbol's limits need, fetched with the user's credentials. */
  Counts counts(ApiCredentials credentials, SymbolRules rules) {
    Symbol symbol = rules.symbol();
    boolean ordersEverywhere = rules.exchangeFilters().stream().anyMatch(f -> on(f) && !isListLimit(f));
    boolean ordersHere = ordersEverywhere || rules.filters().stream().anyMatch(f -> on(f) && !isListLimit(f));
    boolean lists = rules.exchangeFilters().stream().anyMatch(f -> on(f) && isListLimit(f))
        || rules.filters().stream().anyMatch(f -> on(f) && isListLimit(f));
    Optional<Symbol> scope = ordersEverywhere ? Optional.empty() : Optional.of(symbol);
    Read<OpenOrder> orders = read(ordersHere, "open orders", symbol, () -> exchange.openOrders(credentials, scope));
    Read<PlacedOrderList> open = read(lists, "open order lists", symbol, () -> exchange.openOrderLists(credentials));
    Predicate<OpenOrder> here = order -> order.symbol().equals(symbol);
    OpenCounts onSymbol = new OpenCounts(
        orders.count(here),
        open.count(list -> list.symbol().equals(symbol)),
        orders.count(here.and(OpenOrder::waitingAlgo)));
    OpenCounts onExchange = new OpenCounts(
        ordersEverywhere ? orders.count(order -> true) : OptionalInt.empty(),
        open.count(list -> true),
        ordersEverywhere ? orders.count(OpenOrder::waitingAlgo) : OptionalInt.empty());
    return new Counts(onSymbol, onExchange, orders.failed() || open.failed());
  }

  /** What a read the limits need answered: nothing when not needed or failed. */
  private record Read<T>(Optional<List<T>> items, boolean failed) {
    OptionalInt count(Predicate<? super T> which) {
      return items.map(all -> OptionalInt.of((int) all.stream().filter(which).count())).orElse(OptionalInt.empty());
    }
  }

  private static <T> Read<T> read(boolean needed, String what, Symbol symbol, Supplier<List<T>> query) {
    if (!needed) {
      return new Read<>(Optional.empty(), false);
    }
    try {
      return new Read<>(Optional.of(query.get()), false);
    } catch (ExchangeException e) {
      log.warn("could not fetch the {} for the open-order limits of {} ({}): they are not checked",
          what, symbol, e.error());
      return new Read<>(Optional.empty(), true);
    }
  }

  private static boolean isListLimit(SymbolFilter filter) {
    return filter instanceof SymbolFilter.MaxNumOrderLists;
  }

  private static boolean isListLimit(ExchangeFilter filter) {
    return filter instanceof ExchangeFilter.ExchangeMaxNumOrderLists;
  }

  private static boolean on(SymbolFilter filter) {
    return switch (filter) {
      case SymbolFilter.MaxNumOrders f -> f.limit() > 0;
      case SymbolFilter.MaxNumOrderLists f -> f.limit() > 0;
      case SymbolFilter.MaxNumAlgoOrders f -> f.limit() > 0;
      case SymbolFilter.PriceFilter f -> false;
      case SymbolFilter.LotSize f -> false;
      case SymbolFilter.MarketLotSize f -> false;
      case SymbolFilter.MinNotional f -> false;
      case SymbolFilter.Notional f -> false;
      case SymbolFilter.PercentPrice f -> false;
      case SymbolFilter.PercentPriceBySide f -> false;
      case SymbolFilter.TrailingDeltaBounds f -> false;
      case SymbolFilter.MaxNumOrderAmends f -> false;
    };
  }

  private static boolean on(ExchangeFilter filter) {
    return switch (filter) {
      case ExchangeFilter.ExchangeMaxNumOrders f -> f.limit() > 0;
      case ExchangeFilter.ExchangeMaxNumOrderLists f -> f.limit() > 0;
      case ExchangeFilter.ExchangeMaxNumAlgoOrders f -> f.limit() > 0;
    };
  }
}
