package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.rules.Preview;
import dev.orderlistbot.core.rules.PreviewLeg;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Lays out figures for the chat: previews, order lists and their legs. The sentences come from
 * {@link Replies}; this class only arranges types, sides, prices and quantities. Stateless.
 */
final class Texts {
  private Texts() {}

  static String preview(Preview preview, TradingEnvironment environment, Duration ttl, boolean countsUnchecked) {
    List<String> lines = new ArrayList<>();
    lines.add(Replies.previewTitle(environment));
    lines.add(preview.kind() + " " + preview.side() + " " + preview.quantity().plain() + " " + preview.baseAsset()
        + " · " + preview.symbol());
    for (PreviewLeg leg : preview.legs()) {
      lines.add("• " + Replies.role(leg.role()) + ": "
          + leg(leg.type().name(), leg.side(), Optional.empty(), leg.price(), leg.stopPrice(), leg.trailingDelta())
          + leg.distanceFromLastPercent().map(d -> " " + Replies.distanceFromLast(Figures.percent(d))).orElse(""));
    }
    if (preview.kind().paysFromFill()) {
      lines.add(Replies.previewPaysFromFill());
    }
    preview.conversionPrice().ifPresent(p -> lines.add(Replies.previewConverted(Figures.number(p.value()))));
    lines.add(Replies.previewNotional(
        Figures.number(preview.notional()) + " " + preview.quoteAsset(), Figures.number(preview.lastPrice().value())));
    preview.rewardToRisk().ifPresent(r -> lines.add(Replies.previewRewardToRisk(r.toPlainString())));
    preview.risk().ifPresent(risk -> lines.addAll(PlanTexts.riskLines(risk, preview.baseAsset())));
    if (countsUnchecked) {
      lines.add(Replies.previewCountsUnchecked());
    }
    lines.add(Replies.previewConfirmWithin(ttl));
    return String.join("\n", lines);
  }

  /** {@code OCO SELL 0.01 BTCUSDT}: the kind, the side and quantity of the OCO or of the entry. */
  static String summary(OrderListRequest request) {
    record SideQty(Side side, Quantity quantity) {}
    SideQty head =
        switch (request) {
          case OrderListRequest.Oco oco -> new SideQty(oco.side(), oco.quantity());
          case OrderListRequest.Oto oto -> new SideQty(oto.working().side(), oto.working().quantity());
          case OrderListRequest.Otoco otoco -> new SideQty(otoco.working().side(), otoco.working().quantity());
          case OrderListRequest.Opo opo -> new SideQty(opo.working().side(), opo.working().quantity());
          case OrderListRequest.Opoco opoco -> new SideQty(opoco.working().side(), opoco.working().quantity());
        };
    return request.kind() + " " + head.side() + " " + head.quantity().plain() + " " + request.symbol();
  }

  /** {@code take-profit #1001, stop-loss #1002}. */
  static String legIds(PlacedOrderList list) {
    return list.legs().stream()
        .map(leg -> roleOf(leg.clientOrderId().value()).map(r -> Replies.role(r) + " ").orElse("") + "#" + leg.orderId())
        .collect(Collectors.joining(", "));
  }

  /** One leg as reported by the exchange, e.g. {@code take-profit LIMIT_MAKER SELL 0.01 at 32,000: NEW}. */
  static String reportedLeg(ListLeg leg) {
    String role = roleOf(leg.clientOrderId().value()).map(r -> " " + Replies.role(r)).orElse("");
    return "#" + leg.orderId() + role + leg.report().map(r -> " " + report(r)).orElse("");
  }

  static String report(LegReport report) {
    Optional<Price> price = positive(report.price()).map(Price::new);
    Optional<Price> stop = report.stopPrice().flatMap(Texts::positive).map(Price::new);
    return leg(report.type().name(), report.side(), report.origQty(), price, stop, Optional.empty())
        + ": " + report.status();
  }

  /** The role of one of the bot's legs, from its client order id ({@code ob-…-tp}). */
  static Optional<LegRole> roleOf(String clientOrderId) {
    for (LegRole role : LegRole.values()) {
      if (clientOrderId.endsWith("-" + role.suffix())) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  static String leg(
      String type,
      Side side,
      Optional<BigDecimal> quantity,
      Optional<Price> price,
      Optional<Price> stop,
      Optional<TrailingDelta> trailing) {
    StringBuilder text = new StringBuilder(type).append(' ').append(side);
    quantity.ifPresent(q -> text.append(' ').append(Figures.number(q)));
    stop.ifPresent(s -> text.append(" stop ").append(Figures.number(s.value())));
    trailing.ifPresent(t -> text.append(" trailing ").append(Figures.number(BigDecimal.valueOf(t.bips()).movePointLeft(2))).append('%'));
    price.ifPresent(p -> text.append(stop.isPresent() || trailing.isPresent() ? " limit " : " at ").append(Figures.number(p.value())));
    return text.toString();
  }

  private static Optional<BigDecimal> positive(BigDecimal value) {
    return value.signum() > 0 ? Optional.of(value) : Optional.empty();
  }
}
