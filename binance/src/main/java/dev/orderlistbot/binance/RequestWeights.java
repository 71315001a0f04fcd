package dev.orderlistbot.binance;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The request weight Binance charges for each REST call the bot makes (reference section 6.2 and
 * 1.8 to 1.11), by method and path. Order-list placements and cancels cost 0 when they succeed
 * (since 2026-04-02) and 1 when refused; they are counted as 1, the most they can cost, as is a
 * MARKET order; a keep-priority amend costs 4. {@code ticker/price} costs 2 for one symbol and 4
 * without one (every symbol); {@code ticker/24hr} is only asked for one symbol (2); {@code openOrders} costs 6 for one symbol and 80
 * for every symbol. A path not listed counts as 1 (Binance's smallest weight). Stateless.
 */
final class RequestWeights {
  /** Binance's documented request weight per minute and IP, until {@code exchangeInfo} says otherwise. */
  static final int DOCUMENTED_LIMIT_PER_MINUTE = 6_000;

  private static final Map<String, Integer> READS =
      Map.ofEntries(
          Map.entry("/api/v3/account", 20),
          Map.entry("/api/v3/openOrderList", 6),
          Map.entry("/api/v3/orderList", 4),
          Map.entry("/api/v3/order", 4),
          Map.entry("/api/v3/exchangeInfo", 20),
          Map.entry("/api/v3/account/commission", 20),
          Map.entry("/api/v3/ticker/price", 2),
          Map.entry("/api/v3/ticker/24hr", 2),
          Map.entry("/api/v3/avgPrice", 2),
          Map.entry("/api/v3/referencePrice", 2),
          Map.entry("/api/v3/klines", 2),
          Map.entry("/api/v3/time", 1));

  private static final Map<String, Integer> CHANGES = Map.of("/api/v3/order/amend/keepPriority", 4);
  private static final String TICKER_PRICE = "/api/v3/ticker/price";
  private static final int EVERY_TICKER_PRICE = 4;
  private static final String OPEN_ORDERS = "/api/v3/openOrders";
  private static final int OPEN_ORDERS_OF_ONE_SYMBOL = 6;
  private static final int OPEN_ORDERS_OF_EVERY_SYMBOL = 80;

  private RequestWeights() {}

  /** The weight of {@code method} on {@code url} (a full URL; only its path counts). */
  static int of(String method, String url) {
    URI uri = URI.create(url);
    String path = uri.getPath();
    int api = path.indexOf("/api/");
    String endpoint = api < 0 ? path : path.substring(api);
    if (!"GET".equals(method.toUpperCase(Locale.ROOT))) {
      return CHANGES.getOrDefault(endpoint, 1);
    }
    if (endpoint.equals(TICKER_PRICE) && !hasSymbol(uri.getRawQuery())) {
      return EVERY_TICKER_PRICE;
    }
    if (endpoint.equals(OPEN_ORDERS)) {
      return hasSymbol(uri.getRawQuery()) ? OPEN_ORDERS_OF_ONE_SYMBOL : OPEN_ORDERS_OF_EVERY_SYMBOL;
    }
    return READS.getOrDefault(endpoint, 1);
  }

  private static boolean hasSymbol(String query) {
    if (query == null) {
      return false;
    }
    for (String pair : query.split("&", -1)) {
      if (pair.startsWith("symbol=") || pair.startsWith("symbols=")) {
        return true;
      }
    }
    return false;
  }
}
