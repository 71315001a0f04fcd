package dev.orderlistbot.paper;

import static dev.orderlistbot.paper.Refusals.plain;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.port.out.ExchangeError.Refused;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MarketLotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumAlgoOrders;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrderLists;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrders;
import dev.orderlistbot.core.rules.SymbolFilter.MinNotional;
import dev.orderlistbot.core.rules.SymbolFilter.Notional;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPrice;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPriceBySide;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import dev.orderlistbot.core.rules.SymbolFilter.TrailingDeltaBounds;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;


/**
 * The exchange filters Binance applies before an order list reaches its matching engine, each
 * failure answered with {@code -1013} ("Filter failure: ...") as Binance does: PRICE_FILTER on every
 * price and stop price, LOT_SIZE on every known quantity, MARKET_LOT_SIZE on stop-market legs,
 * TRAILING_DELTA, PERCENT_PRICE(_BY_SIDE) on limit prices around the last price (the paper exchange
 * has no separate average price), NOTIONAL / MIN_NOTIONAL per leg (at its limit price, else its stop
 * price, else the last price; market-on-trigger legs only where the filter applies to market orders),
 * and the open-order counts per symbol. A bound of 0 is off, as on Binance. The quantity of an OPO
 * exit is unknown at placement, so its quantity filters are not applied (Binance applies them once
 * the entry has filled).
 */
final class FilterChecks {
  private final SymbolRules rules;
  private final BigDecimal last;

  private FilterChecks(SymbolRules rules, BigDecimal last) {
    this.rules = rules;
    this.last = last;
  }

  static Optional<Refused> check(PaperList list, SymbolRules rules, BigDecimal last, Account account) {
    FilterChecks checks = new FilterChecks(rules, last);
    for (PaperLeg leg : list.legs) {
      Optional<Refused> refused = first(List.of(
          () -> leg.price.flatMap(p -> checks.price(p, "price")),
          () -> leg.stopPrice.flatMap(p -> checks.price(p, "stop price")),
          () -> leg.quantity.flatMap(checks::lotSize),
          () -> checks.marketLotSize(leg),
          () -> checks.trailingDelta(leg),
          () -> checks.percentPrice(leg),
          () -> checks.notional(leg)));
      if (refused.isPresent()) {
        return refused;
      }
    }
    return checks.counts(list, account);
  }

  /** PRICE_FILTER on one price, e.g. one set by hand on the paper market. */
  static Optional<Refused> price(SymbolRules rules, BigDecimal value) {
    return new FilterChecks(rules, value).price(value, "price");
  }

  /** LOT_SIZE on a new quantity of a resting order (an amend). */
  static Optional<Refused> quantity(SymbolRules rules, BigDecimal quantity, BigDecimal last) {
    return new FilterChecks(rules, last).lotSize(quantity);
  }

  /**
   * A MARKET order of {@code quantity} at {@code last}: LOT_SIZE, MARKET_LOT_SIZE (when the pair
   * sets one) and the order value where the pair applies it to market orders.
   */
  static Optional<Refused> marketOrder(SymbolRules rules, BigDecimal quantity, BigDecimal last) {
    FilterChecks checks = new FilterChecks(rules, last);
    return first(List.of(
        () -> checks.lotSize(quantity),
        () -> rules.filter(MarketLotSize.class)
            .flatMap(f -> range(quantity, f.minQty(), f.maxQty(), f.stepSize(), "quantity at market", "step size")),
        () -> checks.marketValue(quantity.multiply(last))));
  }

  private Optional<Refused> marketValue(BigDecimal value) {
    return rules.filter(Notional.class)
        .flatMap(f -> (f.applyMinToMarket() ? below(value, f.minNotional()) : Optional.<Refused>empty())
            .or(() -> f.applyMaxToMarket() ? above(value, f.maxNotional()) : Optional.empty()))
        .or(() -> rules.filter(MinNotional.class).flatMap(f -> f.applyToMarket() ? below(value, f.minNotional()) : Optional.empty()));
  }

  /** The first refusal among {@code checks}, run in order until one refuses. */
  private static Optional<Refused> first(List<Supplier<Optional<Refused>>> checks) {
    return checks.stream().map(Supplier::get).flatMap(Optional::stream).findFirst();
  }

  private Optional<Refused> price(BigDecimal value, String what) {
    return rules.filter(PriceFilter.class).flatMap(f -> range(value, f.minPrice(), f.maxPrice(), f.tickSize(), what, "tick size"));
  }

  private Optional<Refused> lotSize(BigDecimal quantity) {
    return rules.filter(LotSize.class).flatMap(f -> range(quantity, f.minQty(), f.maxQty(), f.stepSize(), "quantity", "step size"));
  }

  private Optional<Refused> marketLotSize(PaperLeg leg) {
    if (!leg.type.isMarketOnTrigger() || leg.quantity.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal quantity = leg.quantity.get();
    return rules.filter(MarketLotSize.class)
        .flatMap(f -> range(quantity, f.minQty(), f.maxQty(), f.stepSize(), "quantity at market", "step size"));
  }

  private static Optional<Refused> range(
      BigDecimal value, BigDecimal min, BigDecimal max, BigDecimal step, String what, String stepName) {
    if (min.signum() > 0 && value.compareTo(min) < 0) {
      return Optional.of(Refusals.filter("The " + what + " " + plain(value) + " is below the pair's minimum of " + plain(min) + "."));
    }
    if (max.signum() > 0 && value.compareTo(max) > 0) {
      return Optional.of(Refusals.filter("The " + what + " " + plain(value) + " is above the pair's maximum of " + plain(max) + "."));
    }
    if (step.signum() > 0 && value.remainder(step).signum() != 0) {
      return Optional.of(
          Refusals.filter("The " + what + " " + plain(value) + " is not a multiple of the pair's " + stepName + " " + plain(step) + "."));
    }
    return Optional.empty();
  }

  private Optional<Refused> trailingDelta(PaperLeg leg) {
    if (!leg.isTrailing()) {
      return Optional.empty();
    }
    // "above" bounds govern STOP_LOSS* BUY and TAKE_PROFIT* SELL, "below" the other two (filters.md)
    boolean above = leg.type.isStopLoss() == (leg.side == Side.BUY);
    return rules.filter(TrailingDeltaBounds.class).flatMap(f -> {
      int min = above ? f.minAbove() : f.minBelow();
      int max = above ? f.maxAbove() : f.maxBelow();
      boolean outside = (min > 0 && leg.trailingBips < min) || (max > 0 && leg.trailingBips > max);
      return outside
          ? Optional.of(Refusals.filter("The trailing distance of " + leg.trailingBips
              + " BIPS is outside what the pair allows (" + min + " to " + max + " BIPS)."))
          : Optional.empty();
    });
  }

  private Optional<Refused> percentPrice(PaperLeg leg) {
    if (leg.price.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal price = leg.price.get();
    boolean buy = leg.side == Side.BUY;
    return first(List.of(
        () -> rules.filter(PercentPriceBySide.class).flatMap(f -> band(price, leg.side,
            buy ? f.bidMultiplierUp() : f.askMultiplierUp(), buy ? f.bidMultiplierDown() : f.askMultiplierDown())),
        () -> rules.filter(PercentPrice.class).flatMap(f -> band(price, leg.side, f.multiplierUp(), f.multiplierDown()))));
  }

  private Optional<Refused> band(BigDecimal price, Side side, BigDecimal up, BigDecimal down) {
    BigDecimal high = last.multiply(up);
    BigDecimal low = last.multiply(down);
    boolean outside = (up.signum() > 0 && price.compareTo(high) > 0) || (down.signum() > 0 && price.compareTo(low) < 0);
    return outside
        ? Optional.of(Refusals.filter("The price " + plain(price) + " is too far from the current price ("
            + plain(last) + "): a " + side + " price must be between " + plain(low) + " and " + plain(high) + "."))
        : Optional.empty();
  }

  private Optional<Refused> notional(PaperLeg leg) {
    if (leg.quantity.isEmpty()) {
      return Optional.empty();
    }
    boolean market = leg.type.isMarketOnTrigger();
    BigDecimal value = leg.quantity.get().multiply(leg.price.or(() -> leg.stopPrice).orElse(last));
    Optional<Refused> notional = rules.filter(Notional.class).flatMap(f -> {
      Optional<Refused> low = !market || f.applyMinToMarket() ? below(value, f.minNotional()) : Optional.empty();
      return low.or(() -> !market || f.applyMaxToMarket() ? above(value, f.maxNotional()) : Optional.empty());
    });
    return notional.or(() -> rules.filter(MinNotional.class)
        .flatMap(f -> !market || f.applyToMarket() ? below(value, f.minNotional()) : Optional.empty()));
  }

  private Optional<Refused> below(BigDecimal value, BigDecimal min) {
    return min.signum() > 0 && value.compareTo(min) < 0
        ? Optional.of(Refusals.filter("The order's value (" + plain(value) + " " + rules.quoteAsset()
            + ") is below the pair's minimum order value of " + plain(min) + " " + rules.quoteAsset() + "."))
        : Optional.empty();
  }

  private Optional<Refused> above(BigDecimal value, BigDecimal max) {
    return max.signum() > 0 && value.compareTo(max) > 0
        ? Optional.of(Refusals.filter("The order's value (" + plain(value) + " " + rules.quoteAsset()
            + ") is above the pair's maximum order value of " + plain(max) + " " + rules.quoteAsset() + "."))
        : Optional.empty();
  }

  /**
   * MAX_NUM_ORDERS, MAX_NUM_ORDER_LISTS and MAX_NUM_ALGO_ORDERS on the list's symbol. The paper
   * market publishes no account-wide EXCHANGE_MAX_* limits (Binance's exchangeInfo of its four
   * pairs has none either).
   */
  private Optional<Refused> counts(PaperList list, Account account) {
    List<PaperLeg> openLegs =
        account.open(list.symbol).stream().flatMap(l -> l.legs.stream()).filter(leg -> !leg.isFinal()).toList();
    int openLists = account.open(list.symbol).size();
    // a triggered stop-limit rests as a plain limit order; only waiting ones count as algo (docs/decisions.md)
    long openAlgo = account.openOrders(Optional.of(list.symbol)).stream().filter(OpenOrder::waitingAlgo).count();
    long newAlgo = list.legs.stream().filter(leg -> leg.type.isTriggered()).count();
    return first(List.of(
        () -> limit(MaxNumOrders.class, MaxNumOrders::limit, openLegs.size() + list.legs.size(), "open orders"),
        () -> limit(MaxNumOrderLists.class, MaxNumOrderLists::limit, openLists + 1, "open order lists"),
        () -> newAlgo == 0
            ? Optional.empty()
            : limit(MaxNumAlgoOrders.class, MaxNumAlgoOrders::limit, openAlgo + newAlgo, "open stop-loss and take-profit orders")));
  }

  private <F extends SymbolFilter> Optional<Refused> limit(
      Class<F> type, ToIntFunction<F> limit, long wanted, String what) {
    return rules.filter(type).flatMap(f -> {
      int max = limit.applyAsInt(f);
      return max > 0 && wanted > max
          ? Optional.of(Refusals.filter("You would have too many " + what + " on " + rules.symbol() + ": the limit is " + max + "."))
          : Optional.empty();
    });
  }
}
