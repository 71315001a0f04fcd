package dev.orderlistbot.core.port.out;

/**
 * Where a placed order list stands, after Binance's {@code listOrderStatus} plus UNKNOWN for a
 * placement whose outcome is not known yet (a timeout or a 5xx: the engine queries by client id) and
 * CANCELLING while the bot's own cancel is on its way. UNKNOWN, EXECUTING and CANCELLING are open:
 * the list may be working on the exchange, so its events are followed and it is caught up.
 */
public enum OrderListState {
  UNKNOWN,
  EXECUTING,
  /**
   * The bot sent a cancel and has no answer yet. The list is still open (a failed cancel leaves it
   * working), but its cancel's own events are not announced on top of the cancel's answer.
   */
  CANCELLING,
  ALL_DONE,
  REJECTED;

  /** Whether the list may still be working on the exchange. */
  public boolean isOpen() {
    return this == UNKNOWN || this == EXECUTING || this == CANCELLING;
  }
}
