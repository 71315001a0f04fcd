package dev.orderlistbot.core.domain.order;

/**
 * The status of one order as Binance reports it. {@code PENDING_NEW} is a pending leg of an
 * OTO-family list not yet on the book; {@code EXPIRED} includes an OCO leg killed by its sibling.
 */
public enum LegStatus {
  NEW,
  PENDING_NEW,
  PARTIALLY_FILLED,
  FILLED,
  CANCELED,
  PENDING_CANCEL,
  REJECTED,
  EXPIRED,
  EXPIRED_IN_MATCH,
  /** A value this version of the bot does not know (Binance adds values over time). */
  UNKNOWN;

  /** The constant Binance spells {@code text}, or {@link #UNKNOWN}. */
  public static LegStatus fromBinance(String text) {
    for (LegStatus value : values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return UNKNOWN;
  }

  /** Whether the order can no longer trade: filled, cancelled, rejected or expired. */
  public boolean isFinal() {
    return switch (this) {
      case FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH -> true;
      case NEW, PENDING_NEW, PARTIALLY_FILLED, PENDING_CANCEL, UNKNOWN -> false;
    };
  }
}
