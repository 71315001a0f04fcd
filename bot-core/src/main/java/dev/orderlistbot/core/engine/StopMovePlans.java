package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.command.EntrySpec;
import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.command.PriceSpec;
import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.command.StopLossSpec;
import dev.orderlistbot.core.command.TakeProfitSpec;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The list that replaces a live one when its stop moves: the same take-profit, the new stop (a
 * stop-limit keeps its gap between stop and limit), for what the list still holds. A list whose
 * entry filled is replaced by an OCO on the exits' side; a list whose entry has not filled yet is
 * placed again whole. Pure: it decides from the live list alone.
 */
final class StopMovePlans {
  private StopMovePlans() {}

  /** The new list's command and the stop's old and new price, or why the stop cannot move. */
  sealed interface Plan {
    record Move(PlaceOrderList command, BigDecimal from, BigDecimal to, boolean breakeven) implements Plan {}

    record Refusal(String sentence) implements Plan {}
  }

  static Plan plan(LiveList live, SymbolRules rules, Optional<Price> target) {
    String name = live.name();
    long id = live.orderListId();
    Optional<LegReport> takeProfit = live.leg(LegRole.TAKE_PROFIT);
    Optional<LegReport> stopLoss = live.leg(LegRole.STOP_LOSS);
    if (takeProfit.isEmpty() || stopLoss.isEmpty()) {
      return new Plan.Refusal(TradeReplies.needsBothExits(name, id));
    }
    LegReport stop = stopLoss.get();
    if (stop.status() != LegStatus.NEW && stop.status() != LegStatus.PENDING_NEW) {
      return new Plan.Refusal(TradeReplies.stopNotWaiting(name, stop.status()));
    }
    if (stop.stopPrice().isEmpty()) {
      return new Plan.Refusal(TradeReplies.trailingStop(name));
    }
    if (!live.entryFilled() && !live.entryUntouched()) {
      return new Plan.Refusal(TradeReplies.entryPartlyFilled(name, id));
    }
    boolean breakeven = target.isEmpty();
    Optional<BigDecimal> to = target.map(Price::value).or(() -> breakevenPrice(live, rules, stop.side()));
    if (to.isEmpty()) {
      return new Plan.Refusal(TradeReplies.breakevenNeedsEntry(name, id));
    }
    BigDecimal from = stop.stopPrice().get();
    if (to.get().compareTo(from) == 0) {
      return new Plan.Refusal(TradeReplies.alreadyThere(name, from));
    }
    Optional<TakeProfitSpec> tp = takeProfit(takeProfit.get());
    if (tp.isEmpty()) {
      return new Plan.Refusal(TradeReplies.takeProfitNotMovable(name));
    }
    Optional<StopLossSpec> sl = stopLoss(stop, to.get());
    if (sl.isEmpty()) {
      return new Plan.Refusal(TradeReplies.limitWouldBeNegative(to.get()));
    }
    return new Plan.Move(command(live, tp.get(), sl.get()), from, to.get(), breakeven);
  }

  private static PlaceOrderList command(LiveList live, TakeProfitSpec tp, StopLossSpec sl) {
    Optional<LegReport> entry = live.leg(LegRole.WORKING);
    if (entry.isEmpty() || live.entryFilled()) {
      BigDecimal remaining = live.exitQuantity().subtract(live.exitsExecuted());
      return new PlaceOrderList(
          ListKind.OCO, live.symbol(), live.exitSide(), new QuantitySpec.BaseAmount(remaining), Optional.empty(),
          Optional.of(tp), Optional.of(sl));
    }
    LegReport working = entry.get();
    EntrySpec at = new EntrySpec(absolute(working.price()), working.type() == ReportedOrderType.LIMIT_MAKER);
    BigDecimal quantity = working.origQty().orElseGet(live::exitQuantity);
    return new PlaceOrderList(
        live.kind(), live.symbol(), working.side(), new QuantitySpec.BaseAmount(quantity), Optional.of(at), Optional.of(tp),
        Optional.of(sl));
  }

  private static Optional<TakeProfitSpec> takeProfit(LegReport report) {
    return switch (report.type()) {
      case LIMIT_MAKER -> Optional.of(new TakeProfitSpec.AtLimit(absolute(report.price())));
      case TAKE_PROFIT_LIMIT ->
          report.stopPrice().map(stop -> new TakeProfitSpec.StopLimit(absolute(stop), absolute(report.price())));
      default -> Optional.empty();
    };
  }

  /** The stop at {@code to}; a stop-limit keeps the distance between its stop and its limit. */
  private static Optional<StopLossSpec> stopLoss(LegReport report, BigDecimal to) {
    if (report.type() != ReportedOrderType.STOP_LOSS_LIMIT) {
      return Optional.of(new StopLossSpec.AtStop(absolute(to)));
    }
    BigDecimal gap = report.stopPrice().orElseThrow().subtract(report.price());
    BigDecimal limit = to.subtract(gap);
    return limit.signum() > 0
        ? Optional.of(new StopLossSpec.StopLimit(absolute(to), absolute(limit)))
        : Optional.empty();
  }

  /**
   * The entry's average fill price on the tick grid, rounded to the side that loses nothing: up for
   * a SELL stop (it protects a long), down for a BUY stop.
   */
  private static Optional<BigDecimal> breakevenPrice(LiveList live, SymbolRules rules, Side stopSide) {
    if (!live.entryFilled()) {
      return Optional.empty();
    }
    return live.entryAverage()
        .map(average -> rules.filter(SymbolFilter.PriceFilter.class)
            .filter(f -> f.tickSize().signum() > 0)
            .map(f -> onTick(average, f.tickSize(), stopSide == Side.SELL ? RoundingMode.CEILING : RoundingMode.FLOOR))
            .orElse(average));
  }

  static BigDecimal onTick(BigDecimal value, BigDecimal tick, RoundingMode mode) {
    return value.divide(tick, 0, mode).multiply(tick).stripTrailingZeros();
  }

  private static PriceSpec absolute(BigDecimal price) {
    return new PriceSpec.Absolute(new Price(price));
  }
}
