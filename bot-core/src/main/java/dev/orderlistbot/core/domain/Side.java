package dev.orderlistbot.core.domain;

/** The side of an order, as Binance spells it. */
public enum Side {
  BUY,
  SELL;

  /** The side that closes a position opened on this side. */
  public Side opposite() {
    return this == BUY ? SELL : BUY;
  }
}
