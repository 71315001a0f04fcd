package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.order.LegStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One leg of an order card as the bot last heard of it.
 *
 * @param clientOrderId the leg's client order id ({@code ob-…-tp}): 1 to 64 characters, no space
 * @param status its status on the exchange
 * @param filledQuantity the quantity filled so far (not negative)
 * @param cumulativeQuote the quote amount filled so far (not negative; average fill price = quote ÷
 *     filled quantity)
 * @param lastFillAt when its latest fill happened, as the exchange stamped it; empty before a fill,
 *     or when only a placement's answer or a look-up told of it
 */
public record CardLeg(
    String clientOrderId, LegStatus status, BigDecimal filledQuantity, BigDecimal cumulativeQuote, Optional<Instant> lastFillAt) {
  /** A leg whose fills' time is not known. */
  public CardLeg(String clientOrderId, LegStatus status, BigDecimal filledQuantity, BigDecimal cumulativeQuote) {
    this(clientOrderId, status, filledQuantity, cumulativeQuote, Optional.empty());
  }

  public CardLeg {
    Objects.requireNonNull(lastFillAt, "lastFillAt");
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

  /** This leg with its latest fill's time. */
  public CardLeg withLastFillAt(Optional<Instant> time) {
    return new CardLeg(clientOrderId, status, filledQuantity, cumulativeQuote, time);
  }

  /** A leg that has not traded, in {@code status}. */
  public static CardLeg untraded(String clientOrderId, LegStatus status) {
    return new CardLeg(clientOrderId, status, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
