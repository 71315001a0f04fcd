package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The figures of a {@link Preview}. The notional is exact; the distances and the reward:risk ratio
 * are display figures, rounded half up to 2 decimals.
 */
final class PreviewCalculator {
  private static final int DISPLAY_SCALE = 2;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PreviewCalculator() {}

  static Preview preview(Plan plan, SymbolRules rules) {
    Quantity quantity = plan.quantity().orElseThrow();
    Price reference = plan.exitReference();
    return new Preview(
        plan.kind(),
        plan.symbol(),
        plan.side(),
        quantity,
        rules.baseAsset(),
        rules.quoteAsset(),
        plan.legs().stream().map(leg -> leg(leg, plan.last())).toList(),
        quantity.times(reference),
        plan.last(),
        plan.conversionPrice(),
        rewardToRisk(plan, reference),
        plan.risk());
  }

  private static PreviewLeg leg(PlannedLeg planned, Price last) {
    Leg leg = planned.leg();
    Optional<BigDecimal> distance =
        leg.stopPrice().or(leg::limitPrice).map(p -> distancePercent(p.value(), last.value()));
    return new PreviewLeg(
        planned.role(), planned.side(), leg.type(), leg.limitPrice(), leg.stopPrice(), leg.trailingDelta(), distance);
  }

  /** {@code (price − last) / last × 100}, signed. */
  private static BigDecimal distancePercent(BigDecimal price, BigDecimal last) {
    return price.subtract(last).multiply(HUNDRED).divide(last, DISPLAY_SCALE, RoundingMode.HALF_UP);
  }

  /**
   * {@code |tp − ref| / |ref − sl|}: each exit at its worst fill, the limit price of a stop-limit;
   * a trailing stop risks {@code ref × delta}.
   */
  private static Optional<BigDecimal> rewardToRisk(Plan plan, Price reference) {
    if (plan.takeProfit().isEmpty() || plan.stopLoss().isEmpty()) {
      return Optional.empty();
    }
    Leg tp = plan.takeProfit().get().leg();
    Leg sl = plan.stopLoss().get().leg();
    Optional<BigDecimal> reward =
        tp.limitPrice().or(tp::stopPrice).map(p -> p.value().subtract(reference.value()).abs());
    Optional<BigDecimal> risk =
        sl.limitPrice()
            .or(sl::stopPrice)
            .map(p -> reference.value().subtract(p.value()).abs())
            .or(() -> sl.trailingDelta().map(d -> trailingRisk(reference, d)));
    if (reward.isEmpty() || risk.isEmpty() || risk.get().signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(reward.get().divide(risk.get(), DISPLAY_SCALE, RoundingMode.HALF_UP));
  }

  private static BigDecimal trailingRisk(Price reference, TrailingDelta delta) {
    return Decimals.canonical(reference.value().multiply(BigDecimal.valueOf(delta.bips())).movePointLeft(4));
  }
}
