package dev.orderlistbot.core.port.out;

/**
 * Where a placed order list stands, after Binance's {@code listOrderStatus} plus UNKNOWN for a
 * placement whose outcome is not known yet (a timeout or a 5xx: the engine queries by client id).
 */
public enum OrderListState {
  UNKNOWN,
  EXECUTING,
  ALL_DONE,
  REJECTED
}
