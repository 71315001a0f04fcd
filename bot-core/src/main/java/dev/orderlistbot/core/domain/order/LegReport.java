package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TimeInForce;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one order as Binance last reported it. Decimals are exact, as Binance sent them.
 *
 * @param type the order's type
 * @param side the order's side
 * @param status the order's status, e.g. {@code PENDING_NEW} for a pending leg
 * @param price the limit price; zero for market-type orders
 * @param origQty the ordered quantity; empty for the pending legs of an OPO or OPOCO, whose
 *     quantity is only known once the working order has filled
 * @param executedQty the quantity filled so far
 * @param stopPrice the trigger price of stop-loss and take-profit types
 * @param timeInForce the time in force, when Binance reports one
 * @param cumulativeQuote the quote amount filled so far (Binance's cumulative quote quantity;
 *     zero when nothing filled or not reported), so a fill's average price is {@code
 *     cumulativeQuote / executedQty}
 * @param expiryReason why an EXPIRED order expired, where the answer says ({@code expiryReason});
 *     {@link ExpiryReason#UNKNOWN} for an expired order whose answer does not say, {@link
 *     ExpiryReason#NONE} for an order that did not expire
 */
public record LegReport(
    ReportedOrderType type,
    Side side,
    LegStatus status,
    BigDecimal price,
    Optional<BigDecimal> origQty,
    BigDecimal executedQty,
    Optional<BigDecimal> stopPrice,
    Optional<TimeInForce> timeInForce,
    BigDecimal cumulativeQuote,
    ExpiryReason expiryReason) {

  public LegReport {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(origQty, "origQty");
    Objects.requireNonNull(executedQty, "executedQty");
    Objects.requireNonNull(stopPrice, "stopPrice");
    Objects.requireNonNull(timeInForce, "timeInForce");
    Objects.requireNonNull(cumulativeQuote, "cumulativeQuote");
    Objects.requireNonNull(expiryReason, "expiryReason");
  }
}
