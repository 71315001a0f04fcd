package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.OrderCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws an order card: the list's legs with their status and fills, the entry's fill, the result
 * in the quote asset and in R, the last price the bot heard, the environment, and the card's
 * buttons. Pure: the same card always draws the same message.
 *
 * <p>Figures. The initial risk is {@code |planned entry − stop trigger| × entry quantity} (the
 * planned entry is the working order's limit price, or its trigger for a stop entry). The realised
 * result is what the exits' fills made against the entry's average fill price; the unrealised one
 * values the rest of the position at the last price. R is a result divided by the initial risk, to
 * two decimals (half-even); money is shown exactly, to at most eight decimals (half-even). An OCO
 * protects a position bought outside the list: its cost is unknown to the bot, so its card shows
 * the exits' fills and prices but no result and no R (see docs/decisions.md).
 */
final class Cards {
  private static final int MONEY_SCALE = 8;
  private static final int R_SCALE = 2;

  /** One leg as planned: its role, its order, its side and quantity (empty: what the entry receives). */
  record Planned(LegRole role, Leg leg, Side side, Optional<BigDecimal> quantity) {}

  private Cards() {}

  /** The whole card of list {@code orderListId}, with its buttons while the list is live. */
  static OutboundMessage render(OrderCard card, long orderListId) {
    return render(card, orderListId, Optional.empty());
  }

  /** The card with {@code note} (what the bot will do for the list on its own) above its hint line. */
  static OutboundMessage render(OrderCard card, long orderListId, Optional<String> note) {
    OrderListRequest request = CardState.request(card);
    List<Planned> planned = planned(request);
    boolean live = card.legs().stream().anyMatch(l -> !l.status().isFinal());
    List<String> lines = new ArrayList<>();
    lines.add(Replies.cardTitle(card.environment(), Replies.listName(request.symbol(), request.kind(), orderListId), live));
    for (Planned leg : planned) {
      lines.add("• " + Replies.role(leg.role()) + ": "
          + Texts.leg(leg.leg().type().name(), leg.side(), leg.quantity(), leg.leg().limitPrice(), leg.leg().stopPrice(),
              leg.leg().trailingDelta())
          + " · " + status(of(card, leg.role())));
    }
    String quote = card.quoteAsset().map(a -> " " + a).orElse("");
    Optional<CardLeg> entry = request.kind() == ListKind.OCO
        ? Optional.empty() : Optional.of(of(card, LegRole.WORKING));
    if (entry.isEmpty()) {
      lines.add(Replies.cardHeldPosition());
    } else {
      figures(card, entry.get(), planned, quote, lines);
    }
    lines.add(card.lastPrice()
        .map(p -> Replies.cardLastPrice(Figures.number(p.price()), Figures.time(p.at())))
        .orElse(Replies.cardNoLastPrice()));
    if (!live) {
      return OutboundMessage.text(String.join("\n", lines));
    }
    note.ifPresent(lines::add);
    lines.add(Replies.cardHint(orderListId));
    boolean holds = entry.map(e -> e.filledQuantity().signum() > 0).orElse(true);
    List<Button> first = new ArrayList<>(List.of(new Button(Replies.CARD_CANCEL, Tokens.cardToken(CardAction.CANCEL, orderListId))));
    if (holds) {
      first.add(new Button(Replies.CARD_CLOSE, Tokens.cardToken(CardAction.CLOSE, orderListId)));
    }
    boolean stopLive = card.legs().stream()
        .anyMatch(l -> Texts.roleOf(l.clientOrderId()).orElse(LegRole.WORKING) == LegRole.STOP_LOSS && !l.status().isFinal());
    List<Button> second = new ArrayList<>();
    if (entry.map(e -> e.status() == LegStatus.FILLED).orElse(false) && stopLive) {
      second.add(new Button(Replies.CARD_BREAKEVEN, Tokens.cardToken(CardAction.BREAKEVEN, orderListId)));
    }
    return new OutboundMessage(String.join("\n", lines), List.of(first, second));
  }

  /** One line for {@code /orders}: the list's name and each leg's status and fill. */
  static String compact(OrderCard card, long orderListId) {
    OrderListRequest request = CardState.request(card);
    List<String> legs = new ArrayList<>();
    for (Planned leg : planned(request)) {
      legs.add(Replies.role(leg.role()) + " " + status(of(card, leg.role())));
    }
    return Replies.listName(request.symbol(), request.kind(), orderListId) + ": " + String.join(" · ", legs);
  }

  private static void figures(
      OrderCard card, CardLeg entry, List<Planned> planned, String quote, List<String> lines) {
    Planned working = planned.getFirst();
    int direction = working.side() == Side.BUY ? 1 : -1;
    Optional<BigDecimal> plannedEntry = working.leg().limitPrice().or(working.leg()::stopPrice).map(Price::value);
    Optional<BigDecimal> stop =
        planned.stream().filter(p -> p.role() == LegRole.STOP_LOSS).findFirst().flatMap(p -> p.leg().stopPrice()).map(Price::value);
    BigDecimal quantity = working.quantity().orElseThrow();
    Optional<BigDecimal> risk =
        plannedEntry.flatMap(e -> stop.map(s -> e.subtract(s).abs().multiply(quantity))).filter(r -> r.signum() > 0);
    risk.ifPresent(r -> lines.add(Replies.cardRisk(
        money(r) + quote, Figures.number(plannedEntry.orElseThrow()), Figures.number(stop.orElseThrow()), Figures.number(quantity))));
    if (entry.filledQuantity().signum() == 0) {
      lines.add(Replies.cardEntryWaiting());
      return;
    }
    BigDecimal average = average(entry);
    lines.add(Replies.cardEntryFilled(Figures.number(entry.filledQuantity()), Figures.number(average)));
    BigDecimal exited = BigDecimal.ZERO;
    BigDecimal exitQuote = BigDecimal.ZERO;
    for (CardLeg leg : card.legs()) {
      if (Texts.roleOf(leg.clientOrderId()).orElse(LegRole.WORKING) != LegRole.WORKING) {
        exited = exited.add(leg.filledQuantity());
        exitQuote = exitQuote.add(leg.cumulativeQuote());
      }
    }
    // what the exits' quantity cost at the entry's average: entry quote × exited ÷ entry filled
    BigDecimal cost = entry.cumulativeQuote().multiply(exited).divide(entry.filledQuantity(), MONEY_SCALE, RoundingMode.HALF_EVEN);
    BigDecimal realised = exitQuote.subtract(cost).multiply(BigDecimal.valueOf(direction));
    BigDecimal open = entry.filledQuantity().subtract(exited).max(BigDecimal.ZERO);
    String realisedText = signedMoney(realised) + quote + r(realised, risk);
    Optional<String> unrealised =
        open.signum() == 0
            ? Optional.empty()
            : card.lastPrice().map(p -> {
                BigDecimal value = p.price().subtract(average).multiply(open).multiply(BigDecimal.valueOf(direction));
                return signedMoney(value) + quote + r(value, risk);
              });
    lines.add(Replies.cardResult(realisedText, unrealised, Figures.number(open)));
  }

  private static String status(CardLeg leg) {
    if (leg.filledQuantity().signum() == 0) {
      return Replies.cardStatus(leg.status());
    }
    return Replies.cardFilled(Replies.cardStatus(leg.status()), Figures.number(leg.filledQuantity()), Figures.number(average(leg)));
  }

  private static BigDecimal average(CardLeg leg) {
    return leg.cumulativeQuote().divide(leg.filledQuantity(), MONEY_SCALE, RoundingMode.HALF_EVEN);
  }

  private static String money(BigDecimal value) {
    return Figures.number(value.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN));
  }

  private static String signedMoney(BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + money(value);
  }

  /** {@code " (+0.5R)"}, or nothing without a risk. */
  private static String r(BigDecimal result, Optional<BigDecimal> risk) {
    return risk.map(k -> {
      BigDecimal r = result.divide(k, R_SCALE, RoundingMode.HALF_EVEN);
      return " (" + (r.signum() > 0 ? "+" : "") + Figures.number(r) + "R)";
    }).orElse("");
  }

  private static CardLeg of(OrderCard card, LegRole role) {
    return card.legs().stream()
        .filter(l -> Texts.roleOf(l.clientOrderId()).filter(role::equals).isPresent())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the card has no " + role + " leg"));
  }

  static List<Planned> planned(OrderListRequest request) {
    return switch (request) {
      case OrderListRequest.Oco oco -> pair(oco.pair(), Optional.of(oco.quantity().value()));
      case OrderListRequest.Oto oto -> List.of(
          working(oto.working()),
          new Planned(LegRole.ofPending(oto.pending().leg()), oto.pending().leg(), oto.pending().side(),
              Optional.of(oto.pending().quantity().value())));
      case OrderListRequest.Otoco otoco -> with(working(otoco.working()), pair(otoco.pending(), Optional.of(otoco.pendingQuantity().value())));
      case OrderListRequest.Opo opo -> List.of(
          working(opo.working()), new Planned(LegRole.ofPending(opo.pending()), opo.pending(), opo.pendingSide(), Optional.empty()));
      case OrderListRequest.Opoco opoco -> with(working(opoco.working()), pair(opoco.pending(), Optional.empty()));
    };
  }

  private static Planned working(WorkingOrder working) {
    return new Planned(LegRole.WORKING, working.leg(), working.side(), Optional.of(working.quantity().value()));
  }

  private static List<Planned> with(Planned first, List<Planned> rest) {
    List<Planned> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }

  /** The take-profit first, then the stop-loss, as the list's legs are named. */
  private static List<Planned> pair(OcoPair pair, Optional<BigDecimal> quantity) {
    boolean aboveStops = pair.above().type().isStopLoss();
    Leg stop = aboveStops ? pair.above() : pair.below();
    Leg profit = aboveStops ? pair.below() : pair.above();
    return List.of(
        new Planned(LegRole.TAKE_PROFIT, profit, pair.side(), quantity), new Planned(LegRole.STOP_LOSS, stop, pair.side(), quantity));
  }
}
