package dev.orderlistbot.core.domain.order;

/**
 * An order list's {@code listStatusType}: {@code RESPONSE} answers a failed action, {@code
 * EXEC_STARTED} a placed list, {@code UPDATED} a changed leg id, {@code ALL_DONE} a finished list.
 */
public enum ListStatusType {
  RESPONSE,
  EXEC_STARTED,
  UPDATED,
  ALL_DONE,
  /** A value this version of the bot does not know (Binance adds values over time). */
  UNKNOWN;

  /** The constant Binance spells {@code text}, or {@link #UNKNOWN}. */
  public static ListStatusType fromBinance(String text) {
    for (ListStatusType value : values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
