package dev.orderlistbot.core.domain.order;

/**
 * An order list's {@code listOrderStatus}: {@code EXECUTING} while any leg can still work, {@code
 * ALL_DONE} once finished, {@code REJECT} when a placement or cancel failed.
 */
public enum ListOrderStatus {
  EXECUTING,
  ALL_DONE,
  REJECT,
  /** A value this version of the bot does not know (Binance adds values over time). */
  UNKNOWN;

  /** The constant Binance spells {@code text}, or {@link #UNKNOWN}. */
  public static ListOrderStatus fromBinance(String text) {
    for (ListOrderStatus value : values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
