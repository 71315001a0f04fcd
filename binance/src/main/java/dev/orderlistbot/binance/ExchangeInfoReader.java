package dev.orderlistbot.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.rules.ExchangeFilter;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads Binance's {@code GET /api/v3/exchangeInfo} JSON into {@link SymbolRules}, each with the
 * document's account-wide {@code exchangeFilters}. Decimals are read from their string form
 * straight into {@link BigDecimal}; filters the checks do not use, unknown fields and order types
 * outside order lists (MARKET) are ignored. Thread-safe.
 */
public final class ExchangeInfoReader {
  private final ObjectMapper json;

  public ExchangeInfoReader(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  /**
   * A reader with its own plain Jackson mapper, for callers outside this package, which may not
   * touch Jackson themselves (the paper exchange reads its bundled exchangeInfo with it).
   */
  public ExchangeInfoReader() {
    this(new ObjectMapper());
  }

  /** Every symbol in the document, by symbol, in document order. */
  public Map<Symbol, SymbolRules> read(String exchangeInfoJson) {
    JsonNode root;
    try {
      root = json.readTree(exchangeInfoJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("exchangeInfo is not valid JSON", e);
    }
    return read(root);
  }

  /** Every symbol in an already parsed document. */
  public Map<Symbol, SymbolRules> read(JsonNode root) {
    Map<Symbol, SymbolRules> rules = new LinkedHashMap<>();
    List<ExchangeFilter> exchangeFilters = exchangeFilters(root.path("exchangeFilters"));
    for (JsonNode symbol : root.path("symbols")) {
      SymbolRules one = symbol(symbol, exchangeFilters);
      rules.put(one.symbol(), one);
    }
    return Collections.unmodifiableMap(rules);
  }

  /**
   * The request weight Binance allows per minute and IP, from the document's {@code rateLimits}
   * ({@code {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000}});
   * empty when the document does not state it.
   */
  static OptionalInt requestWeightPerMinute(JsonNode root) {
    for (JsonNode limit : root.path("rateLimits")) {
      if ("REQUEST_WEIGHT".equals(limit.path("rateLimitType").asText())
          && "MINUTE".equals(limit.path("interval").asText())
          && limit.path("intervalNum").asInt(0) == 1
          && limit.path("limit").asInt(0) > 0) {
        return OptionalInt.of(limit.path("limit").asInt());
      }
    }
    return OptionalInt.empty();
  }

  private static SymbolRules symbol(JsonNode node, List<ExchangeFilter> exchangeFilters) {
    return new SymbolRules(
        new Symbol(required(node, "symbol")),
        SymbolStatus.fromBinance(node.path("status").asText("")),
        new Asset(required(node, "baseAsset")),
        new Asset(required(node, "quoteAsset")),
        orderTypes(node.path("orderTypes")),
        node.path("ocoAllowed").asBoolean(false),
        node.path("otoAllowed").asBoolean(false),
        node.path("opoAllowed").asBoolean(false),
        node.path("allowTrailingStop").asBoolean(false),
        filters(node.path("filters")),
        exchangeFilters);
  }

  /** The account-wide limits of the top-level {@code exchangeFilters}; their field names are the symbol filters'. */
  private static List<ExchangeFilter> exchangeFilters(JsonNode array) {
    List<ExchangeFilter> filters = new ArrayList<>();
    for (JsonNode f : array) {
      switch (f.path("filterType").asText("")) {
        case "EXCHANGE_MAX_NUM_ORDERS" -> filters.add(new ExchangeFilter.ExchangeMaxNumOrders(f.path("maxNumOrders").asInt(0)));
        case "EXCHANGE_MAX_NUM_ORDER_LISTS" ->
            filters.add(new ExchangeFilter.ExchangeMaxNumOrderLists(f.path("maxNumOrderLists").asInt(0)));
        case "EXCHANGE_MAX_NUM_ALGO_ORDERS" ->
            filters.add(new ExchangeFilter.ExchangeMaxNumAlgoOrders(f.path("maxNumAlgoOrders").asInt(0)));
        default -> {
          // EXCHANGE_MAX_NUM_ICEBERG_ORDERS and filters added later: the bot places no icebergs
        }
      }
    }
    return filters;
  }

  private static Set<OrderType> orderTypes(JsonNode array) {
    Set<OrderType> types = EnumSet.noneOf(OrderType.class);
    for (JsonNode type : array) {
      for (OrderType known : OrderType.values()) {
        if (known.name().equals(type.asText())) {
          types.add(known);
        }
      }
    }
    return types;
  }

  private static List<SymbolFilter> filters(JsonNode array) {
    List<SymbolFilter> filters = new ArrayList<>();
    for (JsonNode filter : array) {
      filter(filter).ifPresent(filters::add);
    }
    return filters;
  }

  private static Optional<SymbolFilter> filter(JsonNode f) {
    return Optional.ofNullable(
        switch (f.path("filterType").asText("")) {
          case "PRICE_FILTER" ->
              new SymbolFilter.PriceFilter(dec(f, "minPrice"), dec(f, "maxPrice"), dec(f, "tickSize"));
          case "LOT_SIZE" -> new SymbolFilter.LotSize(dec(f, "minQty"), dec(f, "maxQty"), dec(f, "stepSize"));
          case "MARKET_LOT_SIZE" ->
              new SymbolFilter.MarketLotSize(dec(f, "minQty"), dec(f, "maxQty"), dec(f, "stepSize"));
          case "MIN_NOTIONAL" ->
              new SymbolFilter.MinNotional(dec(f, "minNotional"), f.path("applyToMarket").asBoolean(false));
          case "NOTIONAL" ->
              new SymbolFilter.Notional(
                  dec(f, "minNotional"),
                  f.path("applyMinToMarket").asBoolean(false),
                  dec(f, "maxNotional"),
                  f.path("applyMaxToMarket").asBoolean(false));
          case "PERCENT_PRICE" ->
              new SymbolFilter.PercentPrice(dec(f, "multiplierUp"), dec(f, "multiplierDown"));
          case "PERCENT_PRICE_BY_SIDE" ->
              new SymbolFilter.PercentPriceBySide(
                  dec(f, "bidMultiplierUp"),
                  dec(f, "bidMultiplierDown"),
                  dec(f, "askMultiplierUp"),
                  dec(f, "askMultiplierDown"));
          case "TRAILING_DELTA" ->
              new SymbolFilter.TrailingDeltaBounds(
                  f.path("minTrailingAboveDelta").asInt(0),
                  f.path("maxTrailingAboveDelta").asInt(0),
                  f.path("minTrailingBelowDelta").asInt(0),
                  f.path("maxTrailingBelowDelta").asInt(0));
          case "MAX_NUM_ORDERS" -> new SymbolFilter.MaxNumOrders(f.path("maxNumOrders").asInt(0));
          case "MAX_NUM_ORDER_LISTS" -> new SymbolFilter.MaxNumOrderLists(f.path("maxNumOrderLists").asInt(0));
          case "MAX_NUM_ALGO_ORDERS" -> new SymbolFilter.MaxNumAlgoOrders(f.path("maxNumAlgoOrders").asInt(0));
          case "MAX_NUM_ORDER_AMENDS" -> new SymbolFilter.MaxNumOrderAmends(f.path("maxNumOrderAmends").asInt(0));
          default -> null;
        });
  }

  /** A decimal field; Binance sends them as strings, which keeps every digit. Missing means 0 (off). */
  private static BigDecimal dec(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return BigDecimal.ZERO;
    }
    return value.isTextual() ? new BigDecimal(value.asText()) : value.decimalValue();
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("exchangeInfo symbol without '" + field + "'");
    }
    return value.asText();
  }
}
