package dev.orderlistbot.core.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A take-profit ladder as typed: {@code /oco}, {@code /otoco} or {@code /opoco} with several
 * targets ({@code tp 32000 33000 34000}), an optional {@code split 50/30/20} and an optional
 * {@code be}. It becomes one list per target, each sharing the stop; for a list with an entry, each
 * target gets its own entry slice.
 *
 * @param first the command with the first target and the whole quantity; the other targets replace
 *     its take-profit in {@link #forTarget}
 * @param targets the targets, nearest first (two or more)
 * @param split the percentage of the quantity per target, adding up to 100; empty shares it equally
 * @param breakeven whether the stops of the other lists move to breakeven when the first target fills
 */
public record PlaceLadder(
    PlaceOrderList first, List<TakeProfitSpec> targets, Optional<List<Integer>> split, boolean breakeven)
    implements Command {

  public PlaceLadder {
    Objects.requireNonNull(first, "first");
    targets = List.copyOf(targets);
    split = Objects.requireNonNull(split, "split").map(List::copyOf);
    if (targets.size() < 2) {
      throw new IllegalArgumentException("a ladder has two targets or more");
    }
    if (!first.kind().exitIsPair() || !first.takeProfit().equals(Optional.of(targets.get(0)))) {
      throw new IllegalArgumentException("a ladder is a list with both exits, its first target first");
    }
    if (split.isPresent()
        && (split.get().size() != targets.size() || split.get().stream().mapToInt(Integer::intValue).sum() != 100)) {
      throw new IllegalArgumentException("one share per target, adding up to 100");
    }
  }

  /** The list of target {@code index} (from 0), with {@code quantity} instead of the whole one. */
  public PlaceOrderList forTarget(int index, QuantitySpec quantity) {
    return new PlaceOrderList(
        first.kind(),
        first.symbol(),
        first.side(),
        quantity,
        first.entry(),
        Optional.of(targets.get(index)),
        first.stopLoss());
  }
}
