package dev.orderlistbot.core.domain.order;

/** Order types that may stand in an order list, as Binance spells them. */
public enum OrderType {
  LIMIT,
  LIMIT_MAKER,
  STOP_LOSS,
  STOP_LOSS_LIMIT,
  TAKE_PROFIT,
  TAKE_PROFIT_LIMIT;

  /** {@code STOP_LOSS} or {@code STOP_LOSS_LIMIT}: the contingent leg of an OCO. */
  public boolean isStopLoss() {
    return this == STOP_LOSS || this == STOP_LOSS_LIMIT;
  }

  /** {@code LIMIT_MAKER}, {@code TAKE_PROFIT} or {@code TAKE_PROFIT_LIMIT}: the profit leg of an OCO. */
  public boolean isProfit() {
    return this == LIMIT_MAKER || this == TAKE_PROFIT || this == TAKE_PROFIT_LIMIT;
  }

  /** Types that wait for a trigger (stop price or trailing delta) before they work. */
  public boolean isTriggered() {
    return isStopLoss() || this == TAKE_PROFIT || this == TAKE_PROFIT_LIMIT;
  }

  /** Types that execute as a market order once triggered, so MARKET_LOT_SIZE applies to them. */
  public boolean isMarketOnTrigger() {
    return this == STOP_LOSS || this == TAKE_PROFIT;
  }
}
