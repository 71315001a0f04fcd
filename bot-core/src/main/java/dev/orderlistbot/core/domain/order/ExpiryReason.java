package dev.orderlistbot.core.domain.order;

/**
 * Why Binance expired an order ({@code eR} / {@code expiryReason}, since 2026-03-26). {@link
 * #OCO_TRIGGER} is the common one: the sibling leg of an OCO filled or triggered.
 */
public enum ExpiryReason {
  NONE,
  REJECTED,
  EXCHANGE_CANCELED,
  OCO_TRIGGER,
  OTO_PHASE_ONE_EXPIRED,
  UNFILLED_IOC_QUANTITY_EXPIRED,
  UNFILLED_FOK_ORDER_EXPIRED,
  INSUFFICIENT_LIQUIDITY,
  EXECUTION_RULE_PRICE_RANGE_EXCEEDED,
  UNKNOWN;

  /** What is known when an answer gives no reason: {@link #UNKNOWN} for an expired order, else {@link #NONE}. */
  public static ExpiryReason unexplained(LegStatus status) {
    return status == LegStatus.EXPIRED || status == LegStatus.EXPIRED_IN_MATCH ? UNKNOWN : NONE;
  }

  public static ExpiryReason fromBinance(String text) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    for (ExpiryReason value : values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
