package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /oco}, {@code /oto}, {@code /otoco}, {@code /opo} or {@code /opoco} as typed.
 *
 * <p>{@code side} is the side of the OCO, or of the entry for the other kinds (their exits are on
 * the opposite side). The shape is checked here: an OCO has no entry and both exits; OTO and OPO
 * have an entry and exactly one exit; OTOCO and OPOCO an entry and both exits; OPO and OPOCO buy.
 */
public record PlaceOrderList(
    ListKind kind,
    Symbol symbol,
    Side side,
    QuantitySpec quantity,
    Optional<EntrySpec> entry,
    Optional<TakeProfitSpec> takeProfit,
    Optional<StopLossSpec> stopLoss)
    implements Command {

  public PlaceOrderList {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(takeProfit, "takeProfit");
    Objects.requireNonNull(stopLoss, "stopLoss");
    if (kind.hasEntry() != entry.isPresent()) {
      throw new IllegalArgumentException(kind + (kind.hasEntry() ? " needs" : " takes no") + " entry");
    }
    int exits = (takeProfit.isPresent() ? 1 : 0) + (stopLoss.isPresent() ? 1 : 0);
    if (kind.exitIsPair() ? exits != 2 : exits != 1) {
      throw new IllegalArgumentException(kind + (kind.exitIsPair() ? " needs tp and sl" : " needs tp or sl"));
    }
    if (kind.paysFromFill() && side != Side.BUY) {
      throw new IllegalArgumentException(kind + " buys only");
    }
    if (!kind.hasEntry()) {
      rejectEntryRelative(takeProfit, stopLoss);
    }
  }

  /** The side of the exit orders: the OCO's own side, or the opposite of the entry. */
  public Side exitSide() {
    return kind.hasEntry() ? side.opposite() : side;
  }

  private static void rejectEntryRelative(
      Optional<TakeProfitSpec> takeProfit, Optional<StopLossSpec> stopLoss) {
    boolean relative =
        takeProfit.map(PlaceOrderList::entryRelative).orElse(false)
            || stopLoss.map(PlaceOrderList::entryRelative).orElse(false);
    if (relative) {
      throw new IllegalArgumentException("an OCO has no entry to be relative to");
    }
  }

  private static boolean entryRelative(TakeProfitSpec spec) {
    return switch (spec) {
      case TakeProfitSpec.AtLimit(PriceSpec price) -> price instanceof PriceSpec.RelativeToEntry;
      case TakeProfitSpec.StopLimit(PriceSpec stop, PriceSpec limit) ->
          stop instanceof PriceSpec.RelativeToEntry || limit instanceof PriceSpec.RelativeToEntry;
    };
  }

  private static boolean entryRelative(StopLossSpec spec) {
    return switch (spec) {
      case StopLossSpec.AtStop(PriceSpec stop) -> stop instanceof PriceSpec.RelativeToEntry;
      case StopLossSpec.StopLimit(PriceSpec stop, PriceSpec limit) ->
          stop instanceof PriceSpec.RelativeToEntry || limit instanceof PriceSpec.RelativeToEntry;
      case StopLossSpec.Trailing t -> false;
    };
  }
}
