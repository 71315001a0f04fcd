package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Decimals;
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
 * {@code binance-o-8001-FILLED-0.01} names the one event that says order 8001 filled 0.01, whether
 * the stream pushed it or an order query found it. A list finishes once: {@code
 * binance-l-4001-ALL_DONE}.
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
  public static String legState(String source, long orderId, LegStatus status, BigDecimal cumulativeQuantity) {
    Objects.requireNonNull(status, "status");
    return checkedSource(source)
        + "-o-"
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
  public static String listFinished(String source, long orderListId, ListOrderStatus status) {
    if (status != ListOrderStatus.ALL_DONE && status != ListOrderStatus.REJECT) {
      throw new IllegalArgumentException("a list finishes ALL_DONE or REJECT, not " + status);
    }
    return checkedSource(source) + "-l-" + orderListId + "-" + status.name();
  }

  /** {@code source} if it is a usable source name (lower-case letters, e.g. {@code binance}). */
  public static String checkedSource(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank() || !source.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
      throw new IllegalArgumentException("a source is lower-case letters, e.g. binance");
    }
    return source;
  }
}
