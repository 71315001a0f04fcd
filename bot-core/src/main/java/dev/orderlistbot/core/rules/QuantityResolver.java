package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Turns a typed quantity into a base quantity.
 *
 * <p>A base amount stays exactly as typed (LOT_SIZE then checks it and offers the neighbours). A
 * quote amount ({@code 100 USDT}), a dollar amount ({@code $100}, only on a USD-stablecoin quote)
 * and a share of the free balance ({@code 25%}: of the base asset for a sell, of the quote asset
 * for a buy) are converted with the conversion price and <em>rounded down</em> to the LOT_SIZE step,
 * so the order never spends more than the trader said.
 */
final class QuantityResolver {
  private final SymbolRules rules;
  private final MarketSnapshot market;

  QuantityResolver(SymbolRules rules, MarketSnapshot market) {
    this.rules = rules;
    this.market = market;
  }

  /**
   * The price amounts are converted with: the entry price for lists with an entry; for an OCO the
   * last price, except a BUY OCO, which may fill at its highest leg (the stop-loss above the
   * market), so that price is used and the amount is never exceeded.
   */
  static Price conversionPrice(Optional<PlannedLeg> entry, Side side, List<PlannedLeg> exits, Price last) {
    Optional<Price> entryPrice = entry.flatMap(e -> e.leg().limitPrice());
    if (entryPrice.isPresent()) {
      return entryPrice.get();
    }
    if (side == Side.SELL) {
      return last;
    }
    BigDecimal highest = last.value();
    for (PlannedLeg leg : exits) {
      highest = highest.max(leg.highestPrice(last));
    }
    return new Price(highest);
  }

  /** Whether the typed quantity is turned into a base quantity with the conversion price. */
  static boolean convertsWithPrice(QuantitySpec spec, Side side) {
    return switch (spec) {
      case QuantitySpec.BaseAmount base -> false;
      case QuantitySpec.QuoteAmount quote -> true;
      case QuantitySpec.UsdAmount usd -> true;
      case QuantitySpec.ShareOfFree share -> side == Side.BUY;
      case QuantitySpec.RiskAmount risk -> false;
      case QuantitySpec.RiskUsd risk -> false;
      case QuantitySpec.RiskShare risk -> false;
    };
  }

  /** The quantity, or empty with the reason added to {@code problems}. */
  Optional<Quantity> resolve(QuantitySpec spec, Side side, Price price, List<Violation> problems) {
    return switch (spec) {
      case QuantitySpec.BaseAmount(BigDecimal amount) -> Optional.of(new Quantity(amount));
      case QuantitySpec.QuoteAmount(BigDecimal amount, Asset asset) -> {
        if (!asset.equals(rules.quoteAsset())) {
          problems.add(RuleMessages.quoteAssetMismatch(asset, rules));
          yield Optional.empty();
        }
        yield fromQuote(amount, RuleMessages.quoteAmount(amount, asset), price, problems);
      }
      case QuantitySpec.UsdAmount(BigDecimal amount) -> {
        if (!rules.quoteAsset().isUsdStable()) {
          problems.add(RuleMessages.usdNeedsUsdQuote(rules));
          yield Optional.empty();
        }
        yield fromQuote(amount, RuleMessages.usdAmount(amount), price, problems);
      }
      case QuantitySpec.ShareOfFree(BigDecimal percent) -> share(percent, side, price, problems);
      // sized from the stop by RiskSizing, which PlanResolver asks instead
      case QuantitySpec.RiskAmount risk -> throw new IllegalArgumentException("a risk is sized by RiskSizing");
      case QuantitySpec.RiskUsd risk -> throw new IllegalArgumentException("a risk is sized by RiskSizing");
      case QuantitySpec.RiskShare risk -> throw new IllegalArgumentException("a risk is sized by RiskSizing");
    };
  }

  private Optional<Quantity> share(BigDecimal percent, Side side, Price price, List<Violation> problems) {
    Asset asset = side == Side.SELL ? rules.baseAsset() : rules.quoteAsset();
    Optional<BigDecimal> free = market.free(asset);
    if (free.isEmpty()) {
      problems.add(RuleMessages.balancesUnknown(percent));
      return Optional.empty();
    }
    BigDecimal part = free.get().max(BigDecimal.ZERO).multiply(percent).movePointLeft(2);
    String typed = RuleMessages.shareAmount(percent, part, asset);
    if (side == Side.BUY) {
      return fromQuote(part, typed, price, problems);
    }
    Optional<BigDecimal> step = step(problems);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal quantity = Steps.down(part, step.get());
    if (quantity.signum() <= 0) {
      problems.add(RuleMessages.shareBelowOneStep(typed, step.get(), rules));
      return Optional.empty();
    }
    return Optional.of(new Quantity(quantity));
  }

  private Optional<Quantity> fromQuote(BigDecimal quote, String typed, Price price, List<Violation> problems) {
    Optional<BigDecimal> step = step(problems);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal quantity = Steps.quantityWithin(quote, price.value(), step.get());
    if (quantity.signum() <= 0) {
      problems.add(RuleMessages.buysLessThanOneStep(typed, price, step.get(), rules));
      return Optional.empty();
    }
    return Optional.of(new Quantity(quantity));
  }

  private Optional<BigDecimal> step(List<Violation> problems) {
    Optional<BigDecimal> step =
        rules.filter(LotSize.class).map(LotSize::stepSize).filter(s -> s.signum() > 0);
    if (step.isEmpty()) {
      problems.add(RuleMessages.notConvertible(rules));
    }
    return step;
  }
}
