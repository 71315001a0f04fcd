package dev.orderlistbot.binance;

import java.util.Objects;

/**
 * Everything the bot keeps per credential set: its signed trading and account clients (both signed
 * by one {@link BinanceSigner} holding that user's key), its account's order-rate gate and its
 * order-count usage. Nothing in it is shared with another user's session.
 */
record BinanceSession(
    BinanceTradingApi trading, BinanceAccountApi account, RateLimitGate accountGate, UsageTracker orderCount) {

  BinanceSession {
    Objects.requireNonNull(trading, "trading");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(accountGate, "accountGate");
    Objects.requireNonNull(orderCount, "orderCount");
  }

  @Override
  public String toString() {
    return "BinanceSession";
  }
}
