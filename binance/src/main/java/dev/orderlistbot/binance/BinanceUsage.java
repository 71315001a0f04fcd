package dev.orderlistbot.binance;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What Binance last reported about the bot's usage, read-only.
 *
 * @param usedWeight the IP's request weight per interval, e.g. {@code 1M -> 1234}
 * @param orderCount the account's unfilled order count per interval, e.g. {@code 10S -> 3};
 *     empty for the IP-wide snapshot
 * @param backingOffUntil when a 429/418 back-off is in force, its end
 */
public record BinanceUsage(Map<String, Long> usedWeight, Map<String, Long> orderCount, Optional<Instant> backingOffUntil) {
  public BinanceUsage {
    usedWeight = Map.copyOf(usedWeight);
    orderCount = Map.copyOf(orderCount);
    Objects.requireNonNull(backingOffUntil, "backingOffUntil");
  }
}
