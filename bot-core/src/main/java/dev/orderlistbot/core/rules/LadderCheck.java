package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.command.PlaceLadder;
import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.command.TakeProfitSpec;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrderLists;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrders;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a take-profit ladder: the whole quantity first, as one list with the first target (its
 * risk sizing, balance and filters), then one list per target with its slice, each through every
 * check of {@link PreTradeCheck}. The slices are the quantity times each share, rounded down to the
 * step, the remainder on the last target. Each list counts the ones before it as open, so the
 * open-order limits hold once the whole plan is placed. Stateless and thread-safe.
 */
public final class LadderCheck {
  /** Far below any step: a slice without a step is exact to this scale, rounded down. */
  private static final int EXACT_SCALE = 30;

  private final PreTradeCheck check;

  public LadderCheck(PreTradeCheck check) {
    this.check = check;
  }

  public LadderResult check(PlaceLadder ladder, SymbolRules rules, MarketSnapshot market) {
    CheckResult whole = check.check(ladder.first(), rules, market);
    if (whole instanceof CheckResult.Refused refused) {
      return new LadderResult.Refused(refused.violations());
    }
    Preview first = ((CheckResult.Accepted) whole).preview();
    Optional<BigDecimal> step = rules.filter(LotSize.class).map(LotSize::stepSize).filter(s -> s.signum() > 0);
    List<BigDecimal> slices = slices(first.quantity().value(), shares(ladder), step);
    List<Violation> violations = new ArrayList<>();
    List<OrderListRequest> requests = new ArrayList<>();
    List<Preview> previews = new ArrayList<>();
    int orders = ladder.first().kind().orderCount();
    int algo = 0;
    for (int i = 0; i < slices.size(); i++) {
      if (slices.get(i).signum() <= 0) {
        violations.add(RuleMessages.sliceEmpty(i, first.quantity().value(), step.orElse(BigDecimal.ZERO), rules));
        continue;
      }
      MarketSnapshot after = market.withCounts(
          plus(market.onSymbol(), i * orders, i, algo), plus(market.onExchange(), i * orders, i, algo));
      MarketSnapshot noBalance = new MarketSnapshot(after.lastPrice(), after.band(), Optional.empty(), after.onSymbol(),
          after.onExchange(), after.takerFee(), after.equity());
      algo += 1 + (ladder.targets().get(i) instanceof TakeProfitSpec.StopLimit ? 1 : 0);
      switch (check.check(ladder.forTarget(i, new QuantitySpec.BaseAmount(slices.get(i))), rules, noBalance)) {
        case CheckResult.Refused refused -> {
          int target = i;
          refused.violations().forEach(v -> violations.add(RuleMessages.onTarget(target, v)));
        }
        case CheckResult.Accepted accepted -> {
          requests.add(accepted.request());
          previews.add(accepted.preview());
        }
      }
    }
    if (violations.isEmpty()) {
      violations.addAll(order(previews));
    }
    if (!violations.isEmpty()) {
      return new LadderResult.Refused(violations);
    }
    int lists = slices.size();
    return new LadderResult.Accepted(
        requests,
        new LadderPreview(
            previews,
            first.quantity(),
            Decimals.canonical(previews.stream().map(Preview::notional).reduce(BigDecimal.ZERO, BigDecimal::add)),
            first.risk(),
            ladder.breakeven(),
            add(market.onSymbol().orderLists(), lists),
            rules.filter(MaxNumOrderLists.class).map(MaxNumOrderLists::limit).filter(l -> l > 0),
            add(market.onSymbol().orders(), lists * orders),
            rules.filter(MaxNumOrders.class).map(MaxNumOrders::limit).filter(l -> l > 0)));
  }

  /** The split as typed, or equal weights. */
  private static List<BigDecimal> shares(PlaceLadder ladder) {
    return ladder.split()
        .map(split -> split.stream().map(BigDecimal::valueOf).toList())
        .orElseGet(() -> Collections.nCopies(ladder.targets().size(), BigDecimal.ONE));
  }

  /**
   * {@code total × weight / sum of the weights} for each target but the last, rounded down to the
   * step (when the symbol has one), and the remainder on the last target, so the slices add up to
   * the total.
   */
  static List<BigDecimal> slices(BigDecimal total, List<BigDecimal> weights, Optional<BigDecimal> step) {
    BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    List<BigDecimal> slices = new ArrayList<>();
    BigDecimal placed = BigDecimal.ZERO;
    for (int i = 0; i < weights.size() - 1; i++) {
      BigDecimal exact = total.multiply(weights.get(i)).divide(sum, EXACT_SCALE, RoundingMode.DOWN);
      BigDecimal slice = Decimals.canonical(step.map(s -> Steps.down(exact, s)).orElse(exact));
      slices.add(slice);
      placed = placed.add(slice);
    }
    slices.add(Decimals.canonical(total.subtract(placed)));
    return slices;
  }

  /** The resolved targets go from the nearest to the farthest. */
  private static List<Violation> order(List<Preview> previews) {
    List<Violation> out = new ArrayList<>();
    for (int i = 1; i < previews.size(); i++) {
      Optional<Price> previous = target(previews.get(i - 1));
      Optional<Price> current = target(previews.get(i));
      if (previous.isEmpty() || current.isEmpty()) {
        continue;
      }
      boolean rising = exitSide(previews.get(i)) == Side.SELL;
      int c = current.get().value().compareTo(previous.get().value());
      if (rising ? c <= 0 : c >= 0) {
        out.add(RuleMessages.targetsOutOfOrder(i, current.get(), previous.get(), rising));
      }
    }
    return out;
  }

  private static Optional<Price> target(Preview preview) {
    return preview.legs().stream()
        .filter(leg -> leg.role() == LegRole.TAKE_PROFIT)
        .findFirst()
        .flatMap(leg -> leg.stopPrice().or(leg::price));
  }

  private static Side exitSide(Preview preview) {
    return preview.kind().hasEntry() ? preview.side().opposite() : preview.side();
  }

  private static OpenCounts plus(OpenCounts counts, int orders, int lists, int algo) {
    return new OpenCounts(add(counts.orders(), orders), add(counts.orderLists(), lists), add(counts.algoOrders(), algo));
  }

  private static OptionalInt add(OptionalInt count, int more) {
    return count.isPresent() ? OptionalInt.of(count.getAsInt() + more) : OptionalInt.empty();
  }
}
