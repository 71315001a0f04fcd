package dev.orderlistbot.binance;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The request weight Binance charges for each REST call the bot makes (reference section 6.2 and
 * 1.8 to 1.11), by method and path. Order-list placements and cancels cost 0 when they succeed
 * (since 2026-04-02) and 1 when refused; they are counted as 1, the most they can cost, as is a
 * MARKET order; a keep-priority amend costs 4. {@code ticker/price} costs 2 for one symbol and 4
 * without one (every symbol); {@code ticker/24hr} is only asked for one symbol (2). A path not listed counts as 1 (Binance's smallest weight). Stateless.
 */
final class RequestWeights {
  /** Binance's documented request weight per minute and IP, until {@code exchangeInfo} says otherwise. */
  static final int DOCUMENTED_LIMIT_PER_MINUTE = 6_000;

  private static final Map<String, Integer> READS =
      Map.of(
          "/api/v3/account", 20,
          "/api/v3/openOrderList", 6,
          "/api/v3/orderList", 4,
          "/api/v3/order", 4,
          "/api/v3/exchangeInfo", 20,
          "/api/v3/account/commission", 20,
          "/api/v3/ticker/price", 2,
          "/api/v3/ticker/24hr", 2,
          "/api/v3/klines", 2,
          "/api/v3/time", 1);

  private static final Map<String, Integer> CHANGES = Map.of("/api/v3/order/amend/keepPriority", 4);
  private static final String TICKER_PRICE = "/api/v3/ticker/price";
  private static final int EVERY_TICKER_PRICE = 4;

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
