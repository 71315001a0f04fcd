package dev.orderlistbot.core.domain.order;

/**
 * What just happened to one order (Binance's execution type {@code x} of an executionReport):
 * accepted, traded (partly or fully), cancelled, expired (e.g. an OCO sibling), rejected.
 */
public enum LegExecution {
  NEW,
  TRADE,
  CANCELED,
  EXPIRED,
  REJECTED,
  REPLACED,
  TRADE_PREVENTION,
  UNKNOWN;

  public static LegExecution fromBinance(String text) {
    for (LegExecution value : values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
