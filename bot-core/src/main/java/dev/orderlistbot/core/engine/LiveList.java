package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A list the bot placed, as the exchange shows it now: each leg's order by its role. What the
 * trade actions decide from (how much the list holds, where its stop is), read fresh before every
 * preview, never from what the bot remembers.
 *
 * @param orderListId Binance's id of the list
 * @param legs the orders of the list by role (an OCO has no {@link LegRole#WORKING})
 */
record LiveList(Symbol symbol, ListKind kind, long orderListId, Map<LegRole, OrderSnapshot> legs) {
  private static final int PRICE_SCALE = 8;

  LiveList {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(kind, "kind");
    legs = Map.copyOf(legs);
  }

  Optional<LegReport> leg(LegRole role) {
    return Optional.ofNullable(legs.get(role)).map(OrderSnapshot::report);
  }

  Optional<OrderSnapshot> order(LegRole role) {
    return Optional.ofNullable(legs.get(role));
  }

  String name() {
    return Replies.listName(symbol, kind, orderListId);
  }

  /** The side of the exits: the side that closes the position the list holds. */
  Side exitSide() {
    return leg(LegRole.TAKE_PROFIT).or(() -> leg(LegRole.STOP_LOSS)).map(LegReport::side)
        .orElseGet(() -> leg(LegRole.WORKING).map(r -> r.side().opposite()).orElseThrow());
  }

  /** Whether the list has an entry that has filled in full (true for an OCO, which has none). */
  boolean entryFilled() {
    return leg(LegRole.WORKING).map(r -> r.status() == LegStatus.FILLED).orElse(true);
  }

  /** Whether the list has an entry that has not filled at all yet. */
  boolean entryUntouched() {
    return leg(LegRole.WORKING).map(r -> r.executedQty().signum() == 0).orElse(false);
  }

  /** The entry's average fill price, once some of it filled. */
  Optional<BigDecimal> entryAverage() {
    return leg(LegRole.WORKING).filter(r -> r.executedQty().signum() > 0).map(LiveList::average);
  }

  /** The quantity the exits share: the larger ordered quantity of the two (an OCO's legs have the same). */
  BigDecimal exitQuantity() {
    return exits().map(r -> r.origQty().orElse(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::max);
  }

  /** What the exits have executed so far. */
  BigDecimal exitsExecuted() {
    return exits().map(LegReport::executedQty).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * The base quantity the list holds for its trader: for an OCO what its exits still protect, for
   * a list with an entry what the entry bought (or sold) less what the exits gave back. Never the
   * balance: only this list's part of it.
   */
  BigDecimal held() {
    BigDecimal bought = leg(LegRole.WORKING).map(LegReport::executedQty).orElseGet(this::exitQuantity);
    return bought.subtract(exitsExecuted()).max(BigDecimal.ZERO);
  }

  private java.util.stream.Stream<LegReport> exits() {
    return java.util.stream.Stream.of(LegRole.TAKE_PROFIT, LegRole.STOP_LOSS).map(this::leg).flatMap(Optional::stream);
  }

  static BigDecimal average(LegReport report) {
    return report.cumulativeQuote().divide(report.executedQty(), PRICE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
  }
}
