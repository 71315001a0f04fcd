package dev.orderlistbot.core.domain.order;

/** The id Binance assigned to an order list ({@code orderListId}); non-negative. */
public record OrderListId(long value) {
  public OrderListId {
    if (value < 0) {
      throw new IllegalArgumentException("an order list id is never negative, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
