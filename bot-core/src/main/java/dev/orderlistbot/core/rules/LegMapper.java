package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.command.EntrySpec;
import dev.orderlistbot.core.command.PriceSpec;
import dev.orderlistbot.core.command.StopLossSpec;
import dev.orderlistbot.core.command.TakeProfitSpec;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.Trigger;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Maps typed entries and exits to domain legs, without side or quantity:
 *
 * <ul>
 *   <li>entry {@code @ P}: LIMIT P GTC; {@code @ maker P}: LIMIT_MAKER P;
 *   <li>{@code tp P}: LIMIT_MAKER P; {@code tp S/P}: TAKE_PROFIT_LIMIT stop S, limit P, GTC;
 *   <li>{@code sl S}: STOP_LOSS stop S; {@code sl S/P}: STOP_LOSS_LIMIT stop S, limit P, GTC;
 *       {@code sl trail X%}: STOP_LOSS with a trailing delta.
 * </ul>
 *
 * Both prices of a two-price leg are always resolved, so every problem is reported.
 */
final class LegMapper {
  private final PriceResolver prices;

  LegMapper(PriceResolver prices) {
    this.prices = prices;
  }

  Optional<Leg> entry(EntrySpec spec, List<Violation> problems) {
    return prices
        .resolve(spec.price(), PriceName.ENTRY, Optional.empty(), problems)
        .map(price -> spec.maker() ? new Leg.LimitMaker(price) : new Leg.Limit(price, TimeInForce.GTC));
  }

  Optional<Leg> takeProfit(TakeProfitSpec spec, Optional<Price> entry, List<Violation> problems) {
    return switch (spec) {
      case TakeProfitSpec.AtLimit(PriceSpec price) ->
          prices.resolve(price, PriceName.TAKE_PROFIT, entry, problems).map(Leg.LimitMaker::new);
      case TakeProfitSpec.StopLimit(PriceSpec stop, PriceSpec limit) ->
          both(
              prices.resolve(stop, PriceName.TAKE_PROFIT_TRIGGER, entry, problems),
              prices.resolve(limit, PriceName.TAKE_PROFIT_LIMIT, entry, problems),
              (s, l) -> new Leg.TakeProfitLimit(Trigger.at(s), l, TimeInForce.GTC));
    };
  }

  Optional<Leg> stopLoss(StopLossSpec spec, Optional<Price> entry, List<Violation> problems) {
    return switch (spec) {
      case StopLossSpec.AtStop(PriceSpec stop) ->
          prices
              .resolve(stop, PriceName.STOP_LOSS_TRIGGER, entry, problems)
              .map(s -> new Leg.StopLoss(Trigger.at(s)));
      case StopLossSpec.StopLimit(PriceSpec stop, PriceSpec limit) ->
          both(
              prices.resolve(stop, PriceName.STOP_LOSS_TRIGGER, entry, problems),
              prices.resolve(limit, PriceName.STOP_LOSS_LIMIT, entry, problems),
              (s, l) -> new Leg.StopLossLimit(Trigger.at(s), l, TimeInForce.GTC));
      case StopLossSpec.Trailing(TrailingDelta delta) -> Optional.of(new Leg.StopLoss(Trigger.trailing(delta)));
    };
  }

  private static Optional<Leg> both(
      Optional<Price> stop, Optional<Price> limit, BiFunction<Price, Price, Leg> leg) {
    return stop.isPresent() && limit.isPresent()
        ? Optional.of(leg.apply(stop.get(), limit.get()))
        : Optional.empty();
  }
}
