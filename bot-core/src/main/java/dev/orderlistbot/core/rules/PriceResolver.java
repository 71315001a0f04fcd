package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.command.PriceSpec;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Turns a typed price into a concrete one.
 *
 * <p>An absolute price stays exactly as typed; whether it fits the tick size is the price
 * filter's business, which then refuses it with both neighbours. A relative price ({@code +5%} of
 * the last price, {@code -2%} of the entry) is {@code base × (1 + p/100)}, rounded to the nearest
 * tick, halves up: the trader cannot type the exact value, so the bot picks the closest one it can
 * send, and the preview shows it. Without a tick size the exact product is kept.
 */
final class PriceResolver {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final BigDecimal tick;
  private final Price last;

  PriceResolver(SymbolRules rules, Price last) {
    this.tick = rules.filter(PriceFilter.class).map(PriceFilter::tickSize).orElse(BigDecimal.ZERO);
    this.last = last;
  }

  /**
   * The concrete price, or empty when it cannot be formed: it rounds to zero (a violation is
   * added), or it is relative to an entry that could not be resolved (already reported).
   */
  Optional<Price> resolve(PriceSpec spec, PriceName name, Optional<Price> entry, List<Violation> problems) {
    return switch (spec) {
      case PriceSpec.Absolute(Price price) -> Optional.of(price);
      case PriceSpec.RelativeToLast(BigDecimal percent) -> relative(last, percent, name, problems);
      case PriceSpec.RelativeToEntry(BigDecimal percent) ->
          entry.flatMap(base -> relative(base, percent, name, problems));
    };
  }

  private Optional<Price> relative(Price base, BigDecimal percent, PriceName name, List<Violation> problems) {
    BigDecimal exact = base.value().multiply(HUNDRED.add(percent)).movePointLeft(2);
    BigDecimal rounded = tick.signum() > 0 ? Steps.nearest(exact, tick) : exact;
    if (rounded.signum() <= 0) {
      problems.add(RuleMessages.priceRoundsToZero(name, percent, base, tick));
      return Optional.empty();
    }
    return Optional.of(new Price(rounded));
  }
}
