package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One order of a paper order list, mutable, guarded by the exchange's lock.
 *
 * <p>Its life: {@code PENDING_NEW} (a pending leg of an OTO-family list, not yet working) or {@code
 * NEW} (working: resting at its limit price, or waiting for its trigger), then one of {@code FILLED},
 * {@code EXPIRED} or {@code CANCELED}. A stop-loss or take-profit leg whose trigger fired is {@code
 * triggered}; a limit-type one then rests at its limit price. {@code resting} says the leg has been
 * working at its limit price for at least one whole price update, which decides its fill price (see
 * {@link Matcher}). A trailing leg {@code tracking} the market keeps the best price seen in {@code
 * extreme}.
 */
final class PaperLeg {
  private static final BigDecimal BIPS = new BigDecimal("10000");

  final long orderId;
  final ClientOrderId clientOrderId;
  final LegRole role;
  final OrderType type;
  final Side side;
  final Optional<BigDecimal> price;
  final Optional<BigDecimal> stopPrice;
  final int trailingBips;
  final Optional<TimeInForce> timeInForce;
  final Instant createdAt;

  /** Empty only for the pending legs of an OPO or OPOCO until the entry has filled. */
  Optional<BigDecimal> quantity;

  LegStatus status;
  BigDecimal executedQty = BigDecimal.ZERO;
  BigDecimal cumulativeQuote = BigDecimal.ZERO;
  ExpiryReason expiryReason = ExpiryReason.NONE;
  boolean triggered;
  boolean tracking;
  Optional<BigDecimal> extreme = Optional.empty();
  boolean resting;
  /** How many times its quantity was amended: MAX_NUM_ORDER_AMENDS counts them. */
  int amends;
  Instant updatedAt;

  PaperLeg(
      long orderId,
      ClientOrderId clientOrderId,
      LegRole role,
      OrderType type,
      Side side,
      Optional<BigDecimal> quantity,
      Optional<BigDecimal> price,
      Optional<BigDecimal> stopPrice,
      int trailingBips,
      Optional<TimeInForce> timeInForce,
      LegStatus status,
      Instant createdAt) {
    this.orderId = orderId;
    this.clientOrderId = clientOrderId;
    this.role = role;
    this.type = type;
    this.side = side;
    this.quantity = quantity;
    this.price = price;
    this.stopPrice = stopPrice;
    this.trailingBips = trailingBips;
    this.timeInForce = timeInForce;
    this.status = status;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  boolean isWorking() {
    return status == LegStatus.NEW;
  }

  boolean isPending() {
    return status == LegStatus.PENDING_NEW;
  }

  boolean isFinal() {
    return status.isFinal();
  }

  boolean isTrailing() {
    return trailingBips > 0;
  }

  /** Working as a limit order on the book: a plain limit, or a triggered stop-limit/take-profit-limit. */
  boolean restsAsLimit() {
    return isWorking() && price.isPresent() && (!type.isTriggered() || triggered);
  }

  /** The order as the open-order limits see it: on the book unless pending or waiting for its trigger. */
  OpenOrder open(Symbol symbol, OrderListId listId) {
    return new OpenOrder(
        symbol, Optional.of(listId), ReportedOrderType.valueOf(type.name()), isWorking() && (!type.isTriggered() || triggered));
  }

  /** Working, but its trigger has not fired yet. */
  boolean waitsForTrigger() {
    return isWorking() && type.isTriggered() && !triggered;
  }

  /** Whether a limit at this leg's price would trade at {@code market}: BUY at or below, SELL at or above. */
  boolean marketable(BigDecimal market) {
    BigDecimal limit = price.orElseThrow();
    return side == Side.BUY ? market.compareTo(limit) <= 0 : market.compareTo(limit) >= 0;
  }

  /** Starts working (placement or activation) at market price {@code market}. */
  void start(BigDecimal market, Instant now) {
    status = LegStatus.NEW;
    resting = false;
    triggered = false;
    if (isTrailing() && stopPrice.isEmpty()) {
      tracking = true;
      extreme = Optional.of(market);
    }
    updatedAt = now;
  }

  /**
   * Feeds one market price to the trigger and answers whether the leg triggers now. A plain trigger
   * fires when the market crosses the stop price (stop-loss SELL and take-profit BUY at or below it,
   * stop-loss BUY and take-profit SELL at or above it). A trailing one first waits for that condition
   * (if it has a stop price), then tracks the highest (SELL) or lowest (BUY) price since, and fires
   * when the market has come back from it by the delta.
   */
  boolean triggersAt(BigDecimal market) {
    if (!isTrailing()) {
      return stopConditionMet(market);
    }
    if (!tracking) {
      if (stopConditionMet(market)) {
        tracking = true;
        extreme = Optional.of(market);
      }
      return false;
    }
    BigDecimal best = extreme.orElse(market);
    best = side == Side.SELL ? best.max(market) : best.min(market);
    extreme = Optional.of(best);
    BigDecimal delta = best.multiply(BigDecimal.valueOf(trailingBips)).divide(BIPS);
    return side == Side.SELL
        ? market.compareTo(best.subtract(delta)) <= 0
        : market.compareTo(best.add(delta)) >= 0;
  }

  private boolean stopConditionMet(BigDecimal market) {
    BigDecimal stop = stopPrice.orElseThrow();
    boolean fallsThrough = type.isStopLoss() == (side == Side.SELL);
    return fallsThrough ? market.compareTo(stop) <= 0 : market.compareTo(stop) >= 0;
  }

  void fill(BigDecimal qty, BigDecimal at, Instant now) {
    status = LegStatus.FILLED;
    executedQty = Decimals.canonical(qty);
    cumulativeQuote = Decimals.canonical(qty.multiply(at));
    updatedAt = now;
  }

  void end(LegStatus finalStatus, ExpiryReason reason, Instant now) {
    status = finalStatus;
    expiryReason = reason;
    updatedAt = now;
  }

  /** The leg as an order report: market-type legs report price 0, as Binance does. */
  LegReport report() {
    return new LegReport(
        ReportedOrderType.valueOf(type.name()),
        side,
        status,
        price.orElse(BigDecimal.ZERO),
        quantity,
        executedQty,
        stopPrice,
        Optional.of(timeInForce.orElse(TimeInForce.GTC)),
        cumulativeQuote,
        expiryReason);
  }

  OrderSnapshot snapshot(Symbol symbol, OrderListId listId) {
    return new OrderSnapshot(symbol, orderId, Optional.of(listId), clientOrderId, report(), updatedAt);
  }
}
