package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a close's market order did, said for the trader, and the quantities it works in. Stateless. */
final class MarketFills {
  private MarketFills() {}

  /** What {@code order} (a market order for {@code quantity}) sold or bought, or that it filled nothing. */
  static String filled(String what, Side side, BigDecimal quantity, OrderSnapshot order) {
    LegReport report = order.report();
    if (report.executedQty().signum() == 0) {
      return TradeReplies.closedPartly(what, side, BigDecimal.ZERO, quantity, BigDecimal.ZERO);
    }
    BigDecimal average = LiveList.average(report);
    return report.status() == LegStatus.FILLED
        ? TradeReplies.closed(what, side, report.executedQty(), average, report.cumulativeQuote())
        : TradeReplies.closedPartly(what, side, report.executedQty(), quantity, average);
  }

  /** The symbol's market step size (MARKET_LOT_SIZE, else LOT_SIZE); zero when it has none. */
  static BigDecimal step(SymbolRules rules) {
    return rules.filter(SymbolFilter.MarketLotSize.class).map(SymbolFilter.MarketLotSize::stepSize).filter(s -> s.signum() > 0)
        .or(() -> rules.filter(SymbolFilter.LotSize.class).map(SymbolFilter.LotSize::stepSize).filter(s -> s.signum() > 0))
        .orElse(BigDecimal.ZERO);
  }

  /** {@code quantity} rounded down to a multiple of {@code step} (unchanged when the step is zero). */
  static BigDecimal roundDown(BigDecimal quantity, BigDecimal step) {
    return step.signum() == 0 ? quantity : quantity.divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
  }
}
