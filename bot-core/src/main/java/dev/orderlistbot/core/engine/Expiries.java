package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * What an expiry that is not the OCO working as designed means for the trader, in plain words: why
 * the order expired (Binance's {@code expiryReason}, or that the exchange did not say) and what is
 * left, e.g. {@code ⚠️ BTCUSDT OCO #8821: the stop-loss expired without filling (the price moved
 * past its limit 28,900 before it could fill), so 0.01 on BTCUSDT has no stop any more. Place a new
 * stop (/oco BTCUSDT sell 0.01 tp … sl …) or check /orders.} Pure.
 */
final class Expiries {
  private Expiries() {}

  /**
   * @param redacted without quantities, for groups that asked for {@code /alerts redacted}
   */
  static String text(String list, LegRole role, OrderListUpdate.LegChanged leg, boolean redacted) {
    String why = why(leg);
    BigDecimal left = leg.orderQuantity().subtract(leg.cumulativeQuantity()).max(BigDecimal.ZERO);
    return switch (role) {
      case WORKING ->
          Replies.entryExpired(
              list,
              why,
              Optional.of(leg.cumulativeQuantity())
                  .filter(filled -> filled.signum() > 0)
                  .map(filled -> redacted ? "part" : Figures.number(filled) + " of " + Figures.number(leg.orderQuantity())));
      case TAKE_PROFIT, STOP_LOSS ->
          leg.expiryReason() == ExpiryReason.OTO_PHASE_ONE_EXPIRED
              ? Replies.exitNeverPlaced(list, role)
              : Replies.exitExpired(
                  list,
                  role,
                  why,
                  redacted ? Optional.empty() : Optional.of(Figures.number(left) + " on " + leg.symbol()),
                  ocoCommand(leg, left, redacted));
    };
  }

  /** Why the order expired, in words; says so when the exchange did not. */
  static String why(OrderListUpdate.LegChanged leg) {
    if (leg.status() == LegStatus.EXPIRED_IN_MATCH) {
      return "it would have traded with another order of your own, which self-trade prevention stops";
    }
    Optional<String> limit = leg.price().filter(price -> price.signum() > 0).map(Figures::number);
    return switch (leg.expiryReason()) {
      case NONE, UNKNOWN -> "the exchange did not say why";
      case REJECTED -> "the exchange rejected it";
      case EXCHANGE_CANCELED -> "the exchange cancelled it";
      case OCO_TRIGGER -> "the other side of the OCO filled or triggered";
      case OTO_PHASE_ONE_EXPIRED -> "the entry expired before it filled";
      case UNFILLED_IOC_QUANTITY_EXPIRED, UNFILLED_FOK_ORDER_EXPIRED ->
          limit.map(price -> "the price moved past its limit " + price + " before it could fill").orElse("it could not fill at once");
      case INSUFFICIENT_LIQUIDITY -> "there was not enough on the order book to fill it";
      case EXECUTION_RULE_PRICE_RANGE_EXCEEDED -> "its price was outside the range the exchange allows just now";
    };
  }

  private static String ocoCommand(OrderListUpdate.LegChanged leg, BigDecimal left, boolean redacted) {
    String quantity = redacted ? "…" : left.stripTrailingZeros().toPlainString();
    return "/oco " + leg.symbol() + " " + leg.side().name().toLowerCase(Locale.ROOT) + " " + quantity + " tp … sl …";
  }
}
