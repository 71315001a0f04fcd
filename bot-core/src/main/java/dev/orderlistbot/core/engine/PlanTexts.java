package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.rules.LadderPreview;
import dev.orderlistbot.core.rules.Preview;
import dev.orderlistbot.core.rules.PreviewLeg;
import dev.orderlistbot.core.rules.RiskFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The texts of sizing by risk and of a take-profit ladder: the preview lines and the plan's result. */
final class PlanTexts {
  private PlanTexts() {}

  /** The money at risk, the budget, the stop's worst price and the fee; for {@code %}, the equity. */
  static List<String> riskLines(RiskFigures risk, Asset base) {
    List<String> lines = new ArrayList<>();
    Asset quote = risk.quote();
    lines.add(Replies.previewRisk(
        money(risk.moneyAtRisk(), quote), money(risk.budget(), quote), Figures.number(risk.worstExit().value()),
        Figures.number(risk.takerFee().movePointRight(2)) + "%"));
    risk.equity().filter(equity -> equity.value().signum() > 0).ifPresent(equity -> lines.add(Replies.previewEquity(
        Figures.number(risk.budget().movePointRight(2).divide(equity.value(), 4, RoundingMode.HALF_UP)) + "%",
        money(equity.value(), quote),
        equity.unpriced().stream().map(Asset::code).toList())));
    lines.add(Replies.previewSizedByRisk(risk.quantity().plain() + " " + base));
    return lines;
  }

  static String preview(LadderPreview plan, TradingEnvironment environment, Duration ttl, boolean countsUnchecked) {
    Preview first = plan.lists().get(0);
    List<String> lines = new ArrayList<>();
    lines.add(Replies.previewTitle(environment));
    lines.add(Replies.planTitle(plan.lists().size(), first.kind().name(), first.symbol().value()));
    for (int i = 0; i < plan.lists().size(); i++) {
      Preview list = plan.lists().get(i);
      String ratio = list.rewardToRisk().map(r -> " · reward:risk " + r.toPlainString()).orElse("");
      lines.add(Replies.planList(i + 1, list.side() + " " + list.quantity().plain() + " " + list.baseAsset(),
          target(list).map(p -> Figures.number(p.value())).orElse("?"), ratio));
    }
    first.legs().stream()
        .filter(leg -> leg.role() != LegRole.TAKE_PROFIT)
        .forEach(leg -> lines.add("• " + Replies.role(leg.role()) + ": " + leg.type() + " "
            + leg.stopPrice().or(leg::price).map(p -> Figures.number(p.value())).orElse("trailing")));
    lines.add(Replies.planTotals(plan.total().plain() + " " + first.baseAsset(),
        money(plan.totalNotional(), first.quoteAsset())));
    plan.risk().ifPresent(risk -> lines.addAll(riskLines(risk, first.baseAsset())));
    counts("order lists", plan.openListsAfter(), plan.maxLists()).ifPresent(lines::add);
    counts("orders", plan.openOrdersAfter(), plan.maxOrders()).ifPresent(lines::add);
    if (countsUnchecked) {
      lines.add(Replies.previewCountsUnchecked());
    }
    if (plan.breakeven()) {
      lines.add(Replies.planBreakeven());
    }
    lines.add(Replies.previewConfirmWithin(ttl));
    return String.join("\n", lines);
  }

  /** One list of a plan in its result: its summary and its take-profit. */
  static String summary(OrderListRequest request) {
    return Texts.summary(request) + target(request).map(p -> " (take-profit " + Figures.number(p.value()) + ")").orElse("");
  }

  private static Optional<Price> target(OrderListRequest request) {
    return switch (request) {
      case OrderListRequest.Oco oco -> Optional.of(OcoPair.profitReference(oco.pair().takeProfit()));
      case OrderListRequest.Otoco otoco ->
          Optional.of(OcoPair.profitReference(otoco.pending().takeProfit()));
      case OrderListRequest.Opoco opoco ->
          Optional.of(OcoPair.profitReference(opoco.pending().takeProfit()));
      case OrderListRequest.Oto oto -> Optional.empty();
      case OrderListRequest.Opo opo -> Optional.empty();
    };
  }

  private static Optional<Price> target(Preview preview) {
    return preview.legs().stream()
        .filter(leg -> leg.role() == LegRole.TAKE_PROFIT)
        .findFirst()
        .flatMap(PlanTexts::price);
  }

  private static Optional<Price> price(PreviewLeg leg) {
    return leg.price().or(leg::stopPrice);
  }

  private static Optional<String> counts(String what, OptionalInt after, Optional<Integer> limit) {
    if (after.isEmpty() || limit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Replies.planCountsAfter(what, after.getAsInt(), limit.get()));
  }

  private static String money(BigDecimal amount, Asset asset) {
    return Figures.number(amount) + " " + asset;
  }
}
