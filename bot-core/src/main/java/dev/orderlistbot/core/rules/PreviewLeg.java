package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One order of a {@link Preview}, as the chat shows it.
 *
 * @param role entry, take-profit or stop-loss
 * @param side the side of this order (exits are opposite to the entry)
 * @param type the Binance order type
 * @param price the limit price, for the types that have one
 * @param stopPrice the trigger price, for stop and take-profit types with a fixed trigger
 * @param trailingDelta the trailing distance, for trailing stops
 * @param distanceFromLastPercent signed distance of the trigger price (or, without one, of the
 *     limit price) from the last price, in percent, scale 2 (display only); empty for a trailing
 *     stop, whose trigger is not known yet
 */
public record PreviewLeg(
    LegRole role,
    Side side,
    OrderType type,
    Optional<Price> price,
    Optional<Price> stopPrice,
    Optional<TrailingDelta> trailingDelta,
    Optional<BigDecimal> distanceFromLastPercent) {

  public PreviewLeg {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(stopPrice, "stopPrice");
    Objects.requireNonNull(trailingDelta, "trailingDelta");
    Objects.requireNonNull(distanceFromLastPercent, "distanceFromLastPercent");
  }
}
