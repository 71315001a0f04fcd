package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The identities of the order events that can reach the bot twice by two roads: once live (the
 * exchange's push) and once by catching up over REST after the push may have been missed (a
 * reconnect, a restart). Both roads name the event by what it says, not by how it arrived, so the
 * processed-event dedupe keeps exactly one of them.
 *
 * <p>An order passes through each (status, filled quantity) pair at most once: every trade raises
 * the filled quantity, and a final status (filled, cancelled, expired, rejected) is reached once. So
 * {@code binance-o-BTCUSDT-8001-FILLED-0.01} names the one event that says order 8001 on BTCUSDT
 * filled 0.01, whether the stream pushed it or an order query found it. A list finishes once:
 * {@code binance-l-BTCUSDT-4001-ALL_DONE}. The symbol is part of the name because Binance numbers
 * orders and order lists per symbol: order 8001 on BTCUSDT and order 8001 on ETHUSDT are two orders.
 *
 * <p>Quantities are compared canonically ({@code 0.01000000} and {@code 0.01} are the same).
 */
public final class OrderEventIds {
  private OrderEventIds() {}

  /**
   * The event that moved an order to {@code status} with {@code cumulativeQuantity} filled.
   *
   * @param source the exchange's short name, e.g. {@code binance}
   */
  public static String legState(
      String source, Symbol symbol, long orderId, LegStatus status, BigDecimal cumulativeQuantity) {
    Objects.requireNonNull(status, "status");
    return checkedSource(source)
        + "-o-"
        + symbol.value()
        + "-"
        + orderId
        + "-"
        + status.name()
        + "-"
        + Decimals.canonical(cumulativeQuantity).toPlainString();
  }

  /**
   * The event that ended a list ({@code ALL_DONE} or {@code REJECT}).
   *
   * @param source the exchange's short name, e.g. {@code binance}
   */
  public static String listFinished(String source, Symbol symbol, long orderListId, ListOrderStatus status) {
    if (status != ListOrderStatus.ALL_DONE && status != ListOrderStatus.REJECT) {
      throw new IllegalArgumentException("a list finishes ALL_DONE or REJECT, not " + status);
    }
    return list(source, symbol, orderListId) + "-" + status.name();
  }

  /**
   * The prefix of every event of one list, e.g. {@code binance-l-BTCUSDT-4001}; a list's passing
   * states (not its end) add what makes each one unique.
   */
  public static String list(String source, Symbol symbol, long orderListId) {
    return checkedSource(source) + "-l-" + symbol.value() + "-" + orderListId;
  }

  /** {@code source} if it is a usable source name (lower-case letters, e.g. {@code binance}). */
  public static String checkedSource(String source) {
    Objects.requireNonNull(source, "source");
    boolean letters = !source.isEmpty();
    for (int i = 0; i < source.length() && letters; i++) { // a loop: a stream per event id was 1% of the decoding
      char c = source.charAt(i);
      letters = c >= 'a' && c <= 'z';
    }
    if (!letters) {
      throw new IllegalArgumentException("a source is lower-case letters, e.g. binance");
    }
    return source;
  }
}
