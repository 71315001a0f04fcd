package dev.orderlistbot.core.command;

import dev.orderlistbot.core.command.Exits.Typed;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ListKind;
import java.util.List;
import java.util.Optional;

/**
 * Refuses exits on the wrong side, where that is visible from the text alone: an exit that sells
 * takes profit above and stops below its reference (the entry price, or the last price for an
 * OCO); an exit that buys the other way round; and the take-profit is beyond the stop. Prices that
 * cannot be compared yet (an absolute stop against a relative entry) are left to the pre-trade
 * checks, which know the last price.
 */
final class ExitOrdering {
  private ExitOrdering() {}

  static Optional<Problem> check(
      ListKind kind,
      Side side,
      Optional<Typed<EntrySpec>> entry,
      Optional<Typed<TakeProfitSpec>> takeProfit,
      Optional<Typed<StopLossSpec>> stopLoss) {
    Side exit = kind.hasEntry() ? side.opposite() : side;
    int profitSide = exit == Side.SELL ? 1 : -1;
    Optional<PriceSpec> reference = entry.map(typed -> typed.value().price());
    Optional<PriceSpec> profit = takeProfit.map(typed -> trigger(typed.value()));
    Optional<PriceSpec> stop = stopLoss.flatMap(typed -> trigger(typed.value()));
    if (profit.isPresent() && !isOn(profitSide, compareToReference(profit.get(), reference))) {
      return Optional.of(
          ParseMessages.takeProfitWrongSide(takeProfit.get().text(), exit, kind.hasEntry()));
    }
    if (stop.isPresent() && !isOn(-profitSide, compareToReference(stop.get(), reference))) {
      return Optional.of(
          ParseMessages.stopLossWrongSide(stopLoss.get().text(), exit, kind.hasEntry()));
    }
    boolean both = profit.isPresent() && stop.isPresent();
    if (both && !isOn(profitSide, compare(profit.get(), stop.get()))) {
      return Optional.of(
          ParseMessages.takeProfitBeyondStop(takeProfit.get().text(), stopLoss.get().text(), exit));
    }
    return Optional.empty();
  }

  /**
   * The targets of a ladder go from the nearest to the farthest: rising for an exit that sells,
   * falling for one that buys (where two neighbours can be compared from the text).
   */
  static Optional<Problem> targetOrder(Side exit, List<Typed<TakeProfitSpec>> targets) {
    int rising = exit == Side.SELL ? 1 : -1;
    for (int i = 1; i < targets.size(); i++) {
      Typed<TakeProfitSpec> earlier = targets.get(i - 1);
      Typed<TakeProfitSpec> later = targets.get(i);
      if (!isOn(rising, compare(trigger(later.value()), trigger(earlier.value())))) {
        return Optional.of(ParseMessages.targetsOutOfOrder(later.text(), earlier.text(), exit == Side.SELL));
      }
    }
    return Optional.empty();
  }

  /** Whether a comparison is on {@code side} (1 above, -1 below), or cannot be made. */
  private static boolean isOn(int side, Optional<Integer> comparison) {
    return comparison.map(c -> c == side).orElse(true);
  }

  /** The price at which the take-profit acts: its limit, or its stop when it has one. */
  private static PriceSpec trigger(TakeProfitSpec spec) {
    return switch (spec) {
      case TakeProfitSpec.AtLimit(PriceSpec price) -> price;
      case TakeProfitSpec.StopLimit(PriceSpec stop, PriceSpec limit) -> stop;
    };
  }

  /** The stop price of the stop-loss; a trailing stop has none. */
  private static Optional<PriceSpec> trigger(StopLossSpec spec) {
    return switch (spec) {
      case StopLossSpec.AtStop(PriceSpec stop) -> Optional.of(stop);
      case StopLossSpec.StopLimit(PriceSpec stop, PriceSpec limit) -> Optional.of(stop);
      case StopLossSpec.Trailing trailing -> Optional.empty();
    };
  }

  /** -1, 0 or 1 against the reference (entry, or the last price when there is no entry). */
  private static Optional<Integer> compareToReference(PriceSpec price, Optional<PriceSpec> entry) {
    if (price instanceof PriceSpec.RelativeToEntry(var percent) && entry.isPresent()) {
      return Optional.of(percent.signum());
    }
    if (price instanceof PriceSpec.RelativeToLast(var percent) && entry.isEmpty()) {
      return Optional.of(percent.signum());
    }
    return entry.flatMap(reference -> compare(price, reference));
  }

  /** -1, 0 or 1 when both prices are of the same form; empty when they cannot be compared. */
  private static Optional<Integer> compare(PriceSpec a, PriceSpec b) {
    if (a instanceof PriceSpec.Absolute(var x) && b instanceof PriceSpec.Absolute(var y)) {
      return Optional.of(Integer.signum(x.compareTo(y)));
    }
    if (a instanceof PriceSpec.RelativeToLast(var x)
        && b instanceof PriceSpec.RelativeToLast(var y)) {
      return Optional.of(Integer.signum(x.compareTo(y)));
    }
    if (a instanceof PriceSpec.RelativeToEntry(var x)
        && b instanceof PriceSpec.RelativeToEntry(var y)) {
      return Optional.of(Integer.signum(x.compareTo(y)));
    }
    return Optional.empty();
  }
}
