package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One resolved order of a {@link Plan}: its role, its side and the concrete domain leg. */
record PlannedLeg(LegRole role, Side side, Leg leg) {

  /** The leg's prices with their names: the trigger first, then the limit price. */
  List<NamedPrice> prices() {
    List<NamedPrice> prices = new ArrayList<>(2);
    stopPrice().ifPresent(prices::add);
    limitPrice().ifPresent(prices::add);
    return prices;
  }

  /** The limit price with its name, for the types that rest on the book at a price. */
  Optional<NamedPrice> limitPrice() {
    boolean triggered = leg.trigger().isPresent();
    return leg.limitPrice().map(p -> new NamedPrice(PriceName.limitOf(role, triggered), p));
  }

  /** The stop (trigger) price with its name, for triggers with a fixed price. */
  Optional<NamedPrice> stopPrice() {
    return leg.stopPrice().map(p -> new NamedPrice(PriceName.triggerOf(role), p));
  }

  /**
   * Whether a trailing trigger on this leg follows the price from above: a BUY stop-loss or a SELL
   * take-profit. Binance's TRAILING_DELTA "Above" bounds govern exactly these.
   */
  boolean trailsAbove() {
    return leg.type().isStopLoss() == (side == Side.BUY);
  }

  /**
   * The price this leg is expected to fill at: its limit price, else its stop price, else, for a
   * trailing trigger, {@code reference} moved by the delta (the trigger price if the market moves
   * straight against the position). May be zero for a 100% trailing delta.
   */
  BigDecimal fillPrice(Price reference) {
    return leg.limitPrice().or(leg::stopPrice).map(Price::value).orElseGet(() -> trailingEstimate(reference));
  }

  /** The highest price among the leg's limit, stop and (without a stop) trailing estimate. */
  BigDecimal highestPrice(Price reference) {
    BigDecimal highest = leg.stopPrice().map(Price::value).orElseGet(() -> trailingEstimate(reference));
    Optional<Price> limit = leg.limitPrice();
    return limit.isPresent() ? highest.max(limit.get().value()) : highest;
  }

  private BigDecimal trailingEstimate(Price reference) {
    int bips = leg.trailingDelta().map(TrailingDelta::bips).orElse(0);
    int factor = trailsAbove() ? TrailingDelta.MAX_BIPS + bips : TrailingDelta.MAX_BIPS - bips;
    return reference.value().multiply(BigDecimal.valueOf(factor)).movePointLeft(4);
  }
}
