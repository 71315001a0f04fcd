package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A command with every price resolved and every leg mapped, before the checks. The quantity is
 * empty when it could not be resolved (the reason is already a violation), so the price checks can
 * still run and report everything at once.
 *
 * @param side the side of the OCO, or of the entry
 * @param last the last price the checks use
 * @param conversionPrice the price an amount was converted with, if it was
 * @param risk how the quantity was sized by risk, if it was
 */
record Plan(
    ListKind kind,
    Symbol symbol,
    Side side,
    Optional<Quantity> quantity,
    Optional<PlannedLeg> entry,
    Optional<PlannedLeg> takeProfit,
    Optional<PlannedLeg> stopLoss,
    Price last,
    Optional<Price> conversionPrice,
    Optional<RiskFigures> risk) {

  /** Entry, take-profit, stop-loss, those present, in that order. */
  List<PlannedLeg> legs() {
    return Stream.of(entry, takeProfit, stopLoss).flatMap(Optional::stream).toList();
  }

  /** Take-profit and stop-loss, those present. */
  List<PlannedLeg> exits() {
    return Stream.of(takeProfit, stopLoss).flatMap(Optional::stream).toList();
  }

  /** The side of the exits: the OCO's own side, or the opposite of the entry. */
  Side exitSide() {
    return kind.hasEntry() ? side.opposite() : side;
  }

  /**
   * The price the exits are measured against: the entry price (where they start working) for
   * lists with an entry, the last price for an OCO.
   */
  Price exitReference() {
    return entry.flatMap(e -> e.leg().limitPrice()).orElse(last);
  }

  /** The orders that lock funds at placement: both legs of an OCO, otherwise the entry. */
  List<PlannedLeg> spendingLegs() {
    return kind.hasEntry() ? entry.stream().toList() : legs();
  }
}
