package dev.orderlistbot.binance;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * The request weight Binance charges for each REST call the bot makes (reference section 6.2 and
 * 1.8 to 1.11), by method and path. Order-list placements and cancels cost 0 when they succeed
 * (since 2026-04-02) and 1 when refused; they are counted as 1, the most they can cost. A path not
 * listed counts as 1 (Binance's smallest weight). Stateless.
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
          "/api/v3/ticker/price", 2,
          "/api/v3/time", 1);

  private RequestWeights() {}

  /** The weight of {@code method} on {@code url} (a full URL; only its path counts). */
  static int of(String method, String url) {
    if (!"GET".equals(method.toUpperCase(Locale.ROOT))) {
      return 1;
    }
    String path = URI.create(url).getPath();
    int api = path.indexOf("/api/");
    return READS.getOrDefault(api < 0 ? path : path.substring(api), 1);
  }
}
