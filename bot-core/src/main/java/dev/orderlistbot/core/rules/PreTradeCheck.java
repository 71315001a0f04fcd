package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.command.PlaceOrderList;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a parsed order-list command against a symbol's exchange rules and a market snapshot,
 * before anything is sent: the bot's local stand-in for the dry run Binance does not offer for
 * order lists.
 *
 * <p>It first resolves the command: relative prices become concrete (rounded to the nearest tick),
 * quote, {@code $} and {@code %} amounts become a base quantity (rounded down to the step), and the
 * legs are mapped (OCO SELL: take-profit above, stop-loss below; BUY the reverse; {@code tp P} is a
 * LIMIT_MAKER, {@code tp S/P} a TAKE_PROFIT_LIMIT, {@code sl S} a STOP_LOSS, {@code sl S/P} a
 * STOP_LOSS_LIMIT, a trailing {@code sl} a trailing STOP_LOSS). Then it applies every check:
 * permissions, PRICE_FILTER, the straddle of the last price (OCO) or of the entry (lists with an
 * entry), the stop-limit policy, TRAILING_DELTA, LOT_SIZE / MARKET_LOT_SIZE, NOTIONAL / MIN_NOTIONAL,
 * PERCENT_PRICE(_BY_SIDE), the open-order counts and the free balance.
 *
 * <p>The result lists <em>every</em> violation found, except that a symbol which is not trading is
 * refused with that reason alone: nothing else can be acted on until it reopens. If a price cannot
 * be formed at all (a relative price that rounds to zero), only the resolution problems are
 * reported, since the later checks need that price.
 *
 * <p>Example: {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900} at a last price of 30000 is
 * accepted as an OCO SELL 0.01 with above LIMIT_MAKER 32000 and below STOP_LOSS_LIMIT stop 29000
 * limit 28900 GTC.
 *
 * <p>Stateless and thread-safe. It never throws on any command and snapshot: domain records are
 * built only once the checks guarantee their invariants. Passing the rules of another symbol is a
 * programming error and throws {@link IllegalArgumentException}.
 */
public final class PreTradeCheck {
  private static final List<PlanCheck> CHECKS =
      List.of(
          new PermissionCheck(),
          new PriceFilterCheck(),
          new StraddleCheck(),
          new StopLimitCheck(),
          new TrailingDeltaCheck(),
          new QuantityFilterCheck(),
          new NotionalCheck(),
          new PercentPriceCheck(),
          new CountCheck(),
          new BalanceCheck());

  public CheckResult check(PlaceOrderList command, SymbolRules rules, MarketSnapshot market) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(market, "market");
    if (!command.symbol().equals(rules.symbol())) {
      throw new IllegalArgumentException("rules of " + rules.symbol() + " given for " + command.symbol());
    }
    Optional<Violation> closed = PermissionCheck.status(rules);
    if (closed.isPresent()) {
      return new CheckResult.Refused(List.of(closed.get()));
    }
    List<Violation> violations = new ArrayList<>();
    Optional<Plan> resolved = new PlanResolver(rules, market).resolve(command, violations);
    if (resolved.isEmpty()) {
      return new CheckResult.Refused(violations);
    }
    Plan plan = resolved.get();
    for (PlanCheck check : CHECKS) {
      violations.addAll(check.check(plan, rules, market));
    }
    if (!violations.isEmpty()) {
      return new CheckResult.Refused(violations);
    }
    OrderListRequest request = ListAssembler.assemble(plan);
    return new CheckResult.Accepted(request, PreviewCalculator.preview(plan, rules));
  }
}
