package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a list the trader cancelled leaves held with no exit, read off the exchange's answer to the
 * cancel: the entry's filled quantity less what its exits sold (or bought) back. An entry that filled
 * just before the cancel landed, or partly (Binance places the exits only on a full fill), leaves a
 * position the cancel took its take-profit and stop-loss from; the cancel's answer must say so, or the
 * trader would believe nothing was bought. Lists without an entry (an OCO) hold nothing of their own.
 *
 * @param quantity what is held, above zero
 * @param exitSide the side that would close it
 */
record HeldAfterCancel(BigDecimal quantity, Side exitSide) {

  static Optional<HeldAfterCancel> of(PlacedOrderList answer) {
    Optional<LegReport> entry = reports(answer, role -> role == LegRole.WORKING).findFirst();
    if (entry.isEmpty() || entry.get().executedQty().signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal exited = reports(answer, role -> role != LegRole.WORKING).map(LegReport::executedQty).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal held = entry.get().executedQty().subtract(exited);
    return held.signum() > 0 ? Optional.of(new HeldAfterCancel(held, entry.get().side().opposite())) : Optional.empty();
  }

  /** The command that would put exits on it again, e.g. {@code /oco BTCUSDT sell 0.01 tp … sl …}. */
  String ocoCommand(PlacedOrderList answer) {
    return "/oco " + answer.symbol() + " " + exitSide.name().toLowerCase(Locale.ROOT) + " "
        + quantity.stripTrailingZeros().toPlainString() + " tp … sl …";
  }

  /** The answer's reports of the legs whose role is one of {@code roles}. */
  private static Stream<LegReport> reports(PlacedOrderList answer, Predicate<LegRole> roles) {
    return answer.legs().stream()
        .filter(leg -> Texts.roleOf(leg.clientOrderId().value()).filter(roles).isPresent())
        .map(ListLeg::report)
        .flatMap(Optional::stream);
  }
}
