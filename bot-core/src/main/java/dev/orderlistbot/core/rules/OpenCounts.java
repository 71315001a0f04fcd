package dev.orderlistbot.core.rules;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the account has open, for the open-order limits; each count is empty when it was not asked
 * for (no limit needs it) or could not be fetched, and is then not checked.
 *
 * @param orders open orders (an OCO's two legs are two)
 * @param orderLists open order lists (an OTOCO is one)
 * @param algoOrders stop-loss and take-profit orders still waiting for their trigger (pending legs
 *     of a list included), what Binance's algo-order limits count
 */
public record OpenCounts(OptionalInt orders, OptionalInt orderLists, OptionalInt algoOrders) {
  /** Nothing is known. */
  public static final OpenCounts UNKNOWN = new OpenCounts(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

  public OpenCounts {
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(orderLists, "orderLists");
    Objects.requireNonNull(algoOrders, "algoOrders");
  }

  /** All three counts known. */
  public static OpenCounts of(int orders, int orderLists, int algoOrders) {
    return new OpenCounts(OptionalInt.of(orders), OptionalInt.of(orderLists), OptionalInt.of(algoOrders));
  }
}
