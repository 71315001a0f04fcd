package dev.orderlistbot.paper;

import static dev.orderlistbot.paper.Refusals.BUY_OCO_LIMIT_MUST_BE_BELOW;
import static dev.orderlistbot.paper.Refusals.BUY_OCO_STOP_LOSS_MUST_BE_ABOVE;
import static dev.orderlistbot.paper.Refusals.BUY_OCO_TAKE_PROFIT_MUST_BE_BELOW;
import static dev.orderlistbot.paper.Refusals.SELL_OCO_LIMIT_MUST_BE_ABOVE;
import static dev.orderlistbot.paper.Refusals.SELL_OCO_STOP_LOSS_MUST_BE_BELOW;
import static dev.orderlistbot.paper.Refusals.SELL_OCO_TAKE_PROFIT_MUST_BE_ABOVE;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.port.out.ExchangeError.Refused;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import dev.orderlistbot.paper.Holds.Hold;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Whether Binance would accept a list, checked in roughly the order Binance checks: the symbol's
 * status, the filters ({@code -1013}, {@link FilterChecks}), an OCO's prices against the last price
 * ({@code -1165}, {@code -1166}, {@code -1196}..{@code -1199}), then the matching engine's reasons
 * ({@code -2010}): list kind or order type not allowed, a take-profit-limit trigger already crossed
 * ("Order would trigger immediately."), a LIMIT_MAKER that would cross ("Order would immediately
 * match and take."), a {@code listClientOrderId} already used by an open list ("Duplicate order
 * sent."), and too little free balance ("Account has insufficient balance for requested action.").
 * The first failure found is answered.
 *
 * <p>The exits of an OTO-family list are checked only against the filters here; Binance checks the
 * rest when they go live, and the paper exchange then simply matches them (see {@link Matcher}).
 */
final class Admission {
  private Admission() {}

  static Optional<Refused> check(PaperList list, SymbolRules rules, BigDecimal last, Account account, Hold hold) {
    if (rules.status() != SymbolStatus.TRADING) {
      return Optional.of(Refusals.marketClosed());
    }
    Optional<Refused> refused = FilterChecks.check(list, rules, last, account);
    if (refused.isEmpty() && list.kind == ListKind.OCO) {
      refused = ocoPrices(list, last);
    }
    if (refused.isEmpty()) {
      refused = supported(list, rules);
    }
    if (refused.isEmpty()) {
      refused = makerEntry(list, last);
    }
    if (refused.isPresent()) {
      return refused;
    }
    if (account.open().stream().anyMatch(open -> open.clientId.equals(list.clientId))) {
      return Optional.of(Refusals.duplicate());
    }
    BigDecimal free = account.free(hold.asset());
    if (free.compareTo(hold.amount()) < 0) {
      return Optional.of(Refusals.insufficientBalance(hold.asset(), hold.amount(), free));
    }
    return Optional.empty();
  }

  private static Optional<Refused> supported(PaperList list, SymbolRules rules) {
    boolean allowed =
        switch (list.kind) {
          case OCO -> rules.ocoAllowed();
          case OTO -> rules.otoAllowed();
          case OTOCO -> rules.otoAllowed() && rules.ocoAllowed();
          case OPO -> rules.otoAllowed() && rules.opoAllowed();
          case OPOCO -> rules.otoAllowed() && rules.opoAllowed() && rules.ocoAllowed();
        };
    if (!allowed) {
      return Optional.of(Refusals.kindNotSupported(list.kind));
    }
    for (PaperLeg leg : list.legs) {
      if (!rules.orderTypes().contains(leg.type)) {
        return Optional.of(Refusals.typeNotSupported(leg.type));
      }
      if (leg.isTrailing() && !rules.allowTrailingStop()) {
        return Optional.of(Refusals.trailingNotSupported());
      }
    }
    return Optional.empty();
  }

  /**
   * Binance's OCO price rules. SELL: the take-profit's price (its stop price for a TAKE_PROFIT) above
   * the last price, the stop-loss's stop price below it; BUY the reverse. A take-profit-limit whose
   * stop price the market has already crossed would trigger immediately.
   */
  private static Optional<Refused> ocoPrices(PaperList list, BigDecimal last) {
    PaperLeg profit = leg(list, LegRole.TAKE_PROFIT);
    PaperLeg stop = leg(list, LegRole.STOP_LOSS);
    Side side = profit.side;
    boolean sell = side == Side.SELL;
    Optional<BigDecimal> profitPrice = profit.price.or(() -> profit.stopPrice);
    if (profitPrice.isPresent() && !beyond(profitPrice.get(), last, sell)) {
      int code = profit.type == OrderType.LIMIT_MAKER
          ? (sell ? SELL_OCO_LIMIT_MUST_BE_ABOVE : BUY_OCO_LIMIT_MUST_BE_BELOW)
          : (sell ? SELL_OCO_TAKE_PROFIT_MUST_BE_ABOVE : BUY_OCO_TAKE_PROFIT_MUST_BE_BELOW);
      return Optional.of(Refusals.ocoSide(code, side, "take-profit", sell, last));
    }
    if (stop.stopPrice.isPresent() && !beyond(stop.stopPrice.get(), last, !sell)) {
      int code = sell ? SELL_OCO_STOP_LOSS_MUST_BE_BELOW : BUY_OCO_STOP_LOSS_MUST_BE_ABOVE;
      return Optional.of(Refusals.ocoSide(code, side, "stop-loss", !sell, last));
    }
    if (profit.type == OrderType.TAKE_PROFIT_LIMIT
        && profit.stopPrice.isPresent()
        && !beyond(profit.stopPrice.get(), last, sell)) {
      return Optional.of(Refusals.wouldTriggerImmediately(profit.stopPrice.get(), last));
    }
    return Optional.empty();
  }

  /** A LIMIT_MAKER entry must not cross the last price: BUY strictly below it, SELL strictly above. */
  private static Optional<Refused> makerEntry(PaperList list, BigDecimal last) {
    return list.working()
        .filter(entry -> entry.type == OrderType.LIMIT_MAKER)
        .filter(entry -> !beyond(entry.price.orElseThrow(), last, entry.side == Side.SELL))
        .map(entry -> Refusals.wouldMatchImmediately(entry.price.orElseThrow(), last));
  }

  private static PaperLeg leg(PaperList list, LegRole role) {
    return list.legs.stream().filter(leg -> leg.role == role).findFirst().orElseThrow();
  }

  /** Whether {@code price} lies strictly above ({@code above}) or strictly below {@code reference}. */
  private static boolean beyond(BigDecimal price, BigDecimal reference, boolean above) {
    int against = price.compareTo(reference);
    return above ? against > 0 : against < 0;
  }
}
