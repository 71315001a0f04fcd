package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * The above/below pair of an OCO (also the pending pair of an OTOCO or OPOCO), on one side.
 *
 * <p>Binance's rules, enforced here: one leg is a stop-loss ({@code STOP_LOSS[_LIMIT]}), the other
 * a profit leg ({@code LIMIT_MAKER}, {@code TAKE_PROFIT[_LIMIT]}); for SELL the profit leg is
 * above and the stop below, for BUY the reverse; and where both prices are known, the profit
 * leg's price lies on the profit side of the stop price (SELL: above it, BUY: below it). Checks
 * against the last price need market data and live in {@code core.rules}.
 */
public record OcoPair(Side side, Leg above, Leg below) {
  public OcoPair {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(above, "above");
    Objects.requireNonNull(below, "below");
    Leg profit = side == Side.SELL ? above : below;
    Leg stop = side == Side.SELL ? below : above;
    String profitPlace = side == Side.SELL ? "above" : "below";
    String stopPlace = side == Side.SELL ? "below" : "above";
    if (!profit.type().isProfit()) {
      throw new IllegalArgumentException(
          "the " + profitPlace + " leg of a " + side + " OCO must be a profit leg, was " + profit.type());
    }
    if (!stop.type().isStopLoss()) {
      throw new IllegalArgumentException(
          "the " + stopPlace + " leg of a " + side + " OCO must be a stop-loss, was " + stop.type());
    }
    Optional<Price> stopPrice = stop.stopPrice();
    if (stopPrice.isPresent()) {
      Price profitPrice = profitReference(profit);
      boolean ordered =
          side == Side.SELL ? profitPrice.isAbove(stopPrice.get()) : profitPrice.isBelow(stopPrice.get());
      if (!ordered) {
        throw new IllegalArgumentException(
            "a " + side + " OCO needs its profit price " + profitPlace + " its stop price: "
                + profitPrice + " vs " + stopPrice.get());
      }
    }
  }

  /** The leg that takes profit. */
  public Leg takeProfit() {
    return side == Side.SELL ? above : below;
  }

  /** The leg that limits the loss. */
  public Leg stopLoss() {
    return side == Side.SELL ? below : above;
  }

  /**
   * The price Binance compares with the last price for a profit leg: the limit price of a
   * LIMIT_MAKER or TAKE_PROFIT_LIMIT, the stop price of a TAKE_PROFIT.
   */
  public static Price profitReference(Leg profit) {
    return profit
        .limitPrice()
        .or(profit::stopPrice)
        .orElseThrow(() -> new IllegalArgumentException("a profit leg needs a price or a stop price"));
  }
}
