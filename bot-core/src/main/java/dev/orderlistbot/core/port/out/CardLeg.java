package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.order.LegStatus;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One leg of an order card as the bot last heard of it.
 *
 * @param clientOrderId the leg's client order id ({@code ob-…-tp}): 1 to 64 characters, no space
 * @param status its status on the exchange
 * @param filledQuantity the quantity filled so far (not negative)
 * @param cumulativeQuote the quote amount filled so far (not negative; average fill price = quote ÷
 *     filled quantity)
 */
public record CardLeg(String clientOrderId, LegStatus status, BigDecimal filledQuantity, BigDecimal cumulativeQuote) {
  public CardLeg {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(filledQuantity, "filledQuantity");
    Objects.requireNonNull(cumulativeQuote, "cumulativeQuote");
    if (clientOrderId.isBlank() || clientOrderId.length() > 64 || clientOrderId.contains(" ")) {
      throw new IllegalArgumentException("a client order id is 1 to 64 characters without spaces");
    }
    if (filledQuantity.signum() < 0 || cumulativeQuote.signum() < 0) {
      throw new IllegalArgumentException("filled quantity and quote are not negative");
    }
  }

  /** A leg that has not traded, in {@code status}. */
  public static CardLeg untraded(String clientOrderId, LegStatus status) {
    return new CardLeg(clientOrderId, status, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
