package dev.orderlistbot.core.domain.order;

/**
 * What Binance reports as an order list's {@code contingencyType}: only {@code OCO} or {@code OTO}.
 * An OTOCO, OPO or OPOCO is reported as {@code OTO}; the bot remembers the {@link ListKind} it placed.
 */
public enum ContingencyType {
  OCO,
  OTO,
  /** A value this version of the bot does not know (Binance adds values over time). */
  UNKNOWN;

  /** The constant Binance spells {@code text}, or {@link #UNKNOWN}. */
  public static ContingencyType fromBinance(String text) {
    for (ContingencyType value : values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
