package dev.orderlistbot.core.domain.order;

/**
 * The five kinds of order list. Binance reports only {@code OCO} or {@code OTO} as the contingency
 * type, so the bot has to remember which kind it placed.
 */
public enum ListKind {
  OCO(2, "OCO"),
  OTO(2, "OTO"),
  OTOCO(3, "OTO"),
  OPO(2, "OTO"),
  OPOCO(3, "OTO");

  private final int orderCount;
  private final String contingencyType;

  ListKind(int orderCount, String contingencyType) {
    this.orderCount = orderCount;
    this.contingencyType = contingencyType;
  }

  /** How many orders the list adds to MAX_NUM_ORDERS and the unfilled order count. */
  public int orderCount() {
    return orderCount;
  }

  /** What Binance reports as {@code contingencyType} for a list of this kind. */
  public String contingencyType() {
    return contingencyType;
  }

  /** Whether the list starts with a working order that triggers pending ones. */
  public boolean hasEntry() {
    return this != OCO;
  }

  /** Whether the exit pays from what the entry filled (no pending quantity is sent). */
  public boolean paysFromFill() {
    return this == OPO || this == OPOCO;
  }

  /** Whether the exit is an above/below OCO pair. */
  public boolean exitIsPair() {
    return this == OCO || this == OTOCO || this == OPOCO;
  }
}
