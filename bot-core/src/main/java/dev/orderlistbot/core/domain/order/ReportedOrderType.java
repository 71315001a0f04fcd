package dev.orderlistbot.core.domain.order;

import java.util.Optional;

/**
 * The type of an order as Binance reports it. Wider than {@link OrderType}, the types the bot
 * places: an OTO placed elsewhere may have a {@code MARKET} pending order, for example.
 */
public enum ReportedOrderType {
  LIMIT,
  LIMIT_MAKER,
  MARKET,
  STOP_LOSS,
  STOP_LOSS_LIMIT,
  TAKE_PROFIT,
  TAKE_PROFIT_LIMIT,
  /** A value this version of the bot does not know (Binance adds values over time). */
  UNKNOWN;

  /** The constant Binance spells {@code text}, or {@link #UNKNOWN}. */
  public static ReportedOrderType fromBinance(String text) {
    for (ReportedOrderType value : values()) {
      if (value.name().equals(text)) {
        return value;
      }
    }
    return UNKNOWN;
  }

  /** The matching type the bot can place in a list, if there is one. */
  public Optional<OrderType> asOrderType() {
    return switch (this) {
      case LIMIT -> Optional.of(OrderType.LIMIT);
      case LIMIT_MAKER -> Optional.of(OrderType.LIMIT_MAKER);
      case STOP_LOSS -> Optional.of(OrderType.STOP_LOSS);
      case STOP_LOSS_LIMIT -> Optional.of(OrderType.STOP_LOSS_LIMIT);
      case TAKE_PROFIT -> Optional.of(OrderType.TAKE_PROFIT);
      case TAKE_PROFIT_LIMIT -> Optional.of(OrderType.TAKE_PROFIT_LIMIT);
      case MARKET, UNKNOWN -> Optional.empty();
    };
  }
}
