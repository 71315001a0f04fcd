package dev.orderlistbot.core.rules;

/** A symbol's trading status from exchangeInfo. Only {@link #TRADING} accepts new orders. */
public enum SymbolStatus {
  TRADING,
  END_OF_DAY,
  HALT,
  BREAK,
  CANCEL_ONLY,
  /** A status this version of the bot does not know; treated as not trading. */
  UNKNOWN;

  public static SymbolStatus fromBinance(String text) {
    for (SymbolStatus status : values()) {
      if (status.name().equals(text)) {
        return status;
      }
    }
    return UNKNOWN;
  }
}
