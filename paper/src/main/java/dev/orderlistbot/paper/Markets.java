package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MarketLotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumAlgoOrders;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrderAmends;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrderLists;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrders;
import dev.orderlistbot.core.rules.SymbolFilter.Notional;
import dev.orderlistbot.core.rules.SymbolFilter.PercentPriceBySide;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import dev.orderlistbot.core.rules.SymbolFilter.TrailingDeltaBounds;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The symbols the paper exchange lists and their rules: BTCUSDT, ETHUSDT, BNBUSDT and SOLUSDT with
 * the filters Binance publishes for them in {@code exchangeInfo}, written out here so that this module
 * reads no JSON. Every value keeps Binance's own string (and so its scale); the app module's {@code
 * PaperMarketsMatchBinanceTest} reads Binance's document for the same four symbols with the Binance
 * adapter and holds these rules equal to it. Immutable.
 */
final class Markets {
  private static final String USDT_PRICE_TICK = "0.01000000";

  private final Map<Symbol, SymbolRules> rules;
  private final List<Symbol> order;

  /** The given markets, listed in the map's iteration order. */
  Markets(Map<Symbol, SymbolRules> rules) {
    this.rules = Map.copyOf(rules);
    this.order = List.copyOf(rules.keySet());
  }

  /** The bundled markets, in the order Binance's document lists them. */
  static Markets bundled() {
    Map<Symbol, SymbolRules> rules = new LinkedHashMap<>();
    for (SymbolRules one :
        List.of(
            usdtSpot("BTCUSDT", "BTC", "0.00001000", "9000.00000000", "97.92836420"),
            usdtSpot("ETHUSDT", "ETH", "0.00010000", "9000.00000000", "2813.66372652"),
            usdtSpot("BNBUSDT", "BNB", "0.00100000", "900000.00000000", "7354.59370139"),
            usdtSpot("SOLUSDT", "SOL", "0.00100000", "90000.00000000", "15418.07316655"))) {
      rules.put(one.symbol(), one);
    }
    return new Markets(rules);
  }

  /**
   * A USDT spot pair as Binance lists it: every order type and list kind, trailing stops, a cent tick,
   * 5x/0.2x price bands by side, 5 to 9,000,000 USDT notional, Binance's open-order limits and its 10
   * amends per order. Only
   * the lot sizes differ from pair to pair.
   */
  private static SymbolRules usdtSpot(String symbol, String base, String lotStep, String lotMax, String marketMax) {
    List<SymbolFilter> filters =
        List.of(
            new PriceFilter(dec(USDT_PRICE_TICK), dec("1000000.00000000"), dec(USDT_PRICE_TICK)),
            new LotSize(dec(lotStep), dec(lotMax), dec(lotStep)),
            new MarketLotSize(dec("0.00000000"), dec(marketMax), dec("0.00000000")),
            new TrailingDeltaBounds(10, 2000, 10, 2000),
            new PercentPriceBySide(dec("5"), dec("0.2"), dec("5"), dec("0.2")),
            new Notional(dec("5.00000000"), true, dec("9000000.00000000"), false),
            new MaxNumOrders(200),
            new MaxNumOrderLists(20),
            new MaxNumAlgoOrders(5),
            new MaxNumOrderAmends(10));
    return new SymbolRules(
        new Symbol(symbol),
        SymbolStatus.TRADING,
        new Asset(base),
        new Asset("USDT"),
        EnumSet.of(
            OrderType.LIMIT,
            OrderType.LIMIT_MAKER,
            OrderType.STOP_LOSS,
            OrderType.STOP_LOSS_LIMIT,
            OrderType.TAKE_PROFIT,
            OrderType.TAKE_PROFIT_LIMIT),
        true,
        true,
        true,
        true,
        filters);
  }

  private static BigDecimal dec(String binanceText) {
    return new BigDecimal(binanceText);
  }

  Optional<SymbolRules> rules(Symbol symbol) {
    return Optional.ofNullable(rules.get(symbol));
  }

  boolean lists(Symbol symbol) {
    return rules.containsKey(symbol);
  }

  /** Every listed symbol, in the order of the bundled list. */
  List<Symbol> symbols() {
    return order;
  }

  /** The symbol's PRICE_FILTER (tick, bounds); every bundled symbol has one. */
  PriceFilter priceFilter(Symbol symbol) {
    return rules(symbol)
        .flatMap(r -> r.filter(PriceFilter.class))
        .orElse(new PriceFilter(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
  }
}
