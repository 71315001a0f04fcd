package dev.orderlistbot.binance;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The latest values of one family of Binance usage headers, by interval: {@code
 * X-MBX-USED-WEIGHT-1M: 1234} is recorded as {@code 1M -> 1234}. The IP's request weight arrives on
 * every response; an account's unfilled order count ({@code X-MBX-ORDER-COUNT-10S}, {@code -1D})
 * on successful order responses. Thread-safe.
 */
final class UsageTracker {
  static final String USED_WEIGHT = "X-MBX-USED-WEIGHT-";
  static final String ORDER_COUNT = "X-MBX-ORDER-COUNT-";

  private final String prefix;
  private final ConcurrentMap<String, Long> latest = new ConcurrentHashMap<>();

  UsageTracker(String prefix) {
    this.prefix = prefix;
  }

  void record(Map<String, Collection<String>> headers) {
    for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
      String name = header.getKey().toUpperCase(Locale.ROOT);
      if (!name.startsWith(prefix) || header.getValue().isEmpty()) {
        continue;
      }
      try {
        latest.put(name.substring(prefix.length()), Long.parseLong(header.getValue().iterator().next().trim()));
      } catch (NumberFormatException e) {
        // a malformed usage header is not worth failing a call for
      }
    }
  }

  /** Interval to latest value, sorted by interval name. */
  Map<String, Long> snapshot() {
    return Map.copyOf(new TreeMap<>(latest));
  }
}
