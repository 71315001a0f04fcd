package dev.orderlistbot.core.domain;

/**
 * Where orders go: the in-memory paper exchange (the default, no key needed), Binance Spot Testnet,
 * Binance Demo Mode, or the real exchange. Previews show it in capitals so nobody mistakes one for
 * another.
 */
public enum TradingEnvironment {
  PAPER,
  TESTNET,
  DEMO,
  LIVE;

  /** Whether real users' API keys are needed to trade. */
  public boolean needsApiKeys() {
    return this != PAPER;
  }
}
