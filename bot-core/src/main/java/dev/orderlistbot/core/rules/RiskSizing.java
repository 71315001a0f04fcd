package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.command.QuantitySpec;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.rules.SymbolFilter.LotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MarketLotSize;
import dev.orderlistbot.core.rules.SymbolFilter.MinNotional;
import dev.orderlistbot.core.rules.SymbolFilter.Notional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Sizes a list by the money at risk: {@code quantity = risk ÷ (|entry − worst| + fee × (entry +
 * worst))}, rounded <em>down</em> to the step, so the stop never loses more than the risk, the taker
 * fee on the entry and on the stop's fill included.
 *
 * <p>The entry is the {@code @} price, or the last price for an OCO (on a position already held).
 * The worst execution price is the stop-limit's limit price, the stop price of a market stop, and,
 * for a trailing stop, the entry moved by the delta (the trigger if the market turns at once; see
 * docs/decisions.md). {@code risk 1%} is of the {@link Equity} in the quote asset.
 *
 * <p>A risk that buys less than the smallest order the list allows (LOT_SIZE and, for a market-on-
 * trigger leg, MARKET_LOT_SIZE minimum, one step, and the minimum notional at every leg's price) is
 * refused with the smallest risk that would work.
 */
final class RiskSizing {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final SymbolRules rules;
  private final MarketSnapshot market;

  RiskSizing(SymbolRules rules, MarketSnapshot market) {
    this.rules = rules;
    this.market = market;
  }

  /** The figures, or empty with the reason added to {@code problems}. */
  Optional<RiskFigures> size(
      QuantitySpec spec, Price entry, Optional<PlannedLeg> stop, List<PlannedLeg> legs, List<Violation> problems) {
    if (stop.isEmpty()) {
      problems.add(RuleMessages.riskNeedsStop());
      return Optional.empty();
    }
    Optional<BigDecimal> fee = market.takerFee();
    if (fee.isEmpty()) {
      problems.add(RuleMessages.feeUnknown());
      return Optional.empty();
    }
    Optional<Budget> budget = budget(spec, problems);
    Optional<BigDecimal> step = rules.filter(LotSize.class).map(LotSize::stepSize).filter(s -> s.signum() > 0);
    if (budget.isEmpty()) {
      return Optional.empty();
    }
    if (step.isEmpty()) {
      problems.add(RuleMessages.notConvertible(rules));
      return Optional.empty();
    }
    BigDecimal worst = stop.get().fillPrice(entry);
    BigDecimal perUnit = lossPerUnit(entry.value(), worst, fee.get());
    if (perUnit.signum() <= 0 || worst.signum() <= 0) {
      problems.add(RuleMessages.riskNeedsStop());
      return Optional.empty();
    }
    BigDecimal quantity = Steps.quantityWithin(budget.get().amount(), perUnit, step.get());
    BigDecimal minimum = minimumQuantity(step.get(), legs, entry);
    if (quantity.compareTo(minimum) < 0) {
      BigDecimal smallest = Decimals.canonical(minimum.multiply(perUnit));
      problems.add(RuleMessages.riskTooSmall(budget.get().typed(), quantity, minimum, smallest, rules));
      return Optional.empty();
    }
    return Optional.of(
        new RiskFigures(
            budget.get().amount(),
            rules.quoteAsset(),
            new Quantity(quantity),
            Decimals.canonical(quantity.multiply(perUnit)),
            entry,
            new Price(worst),
            perUnit,
            fee.get(),
            budget.get().equity()));
  }

  /** {@code |entry − worst| + fee × (entry + worst)}: what one unit loses at the stop, both fees included. */
  static BigDecimal lossPerUnit(BigDecimal entry, BigDecimal worst, BigDecimal fee) {
    return Decimals.canonical(entry.subtract(worst).abs().add(fee.multiply(entry.add(worst))));
  }

  /** The money at risk as typed, in the quote asset, and the text that names it. */
  private record Budget(BigDecimal amount, String typed, Optional<Equity> equity) {}

  private Optional<Budget> budget(QuantitySpec spec, List<Violation> problems) {
    Asset quote = rules.quoteAsset();
    return switch (spec) {
      case QuantitySpec.RiskAmount(BigDecimal amount, Optional<Asset> asset) -> {
        if (asset.isPresent() && !asset.get().equals(quote)) {
          problems.add(RuleMessages.quoteAssetMismatch(asset.get(), rules));
          yield Optional.empty();
        }
        yield Optional.of(new Budget(amount, RuleMessages.riskAmount(amount, quote), Optional.empty()));
      }
      case QuantitySpec.RiskUsd(BigDecimal amount) -> {
        if (!quote.isUsdStable()) {
          problems.add(RuleMessages.usdNeedsUsdQuote(rules));
          yield Optional.empty();
        }
        yield Optional.of(new Budget(amount, RuleMessages.riskAmount(amount, quote), Optional.empty()));
      }
      case QuantitySpec.RiskShare(BigDecimal percent) -> {
        Optional<Equity> equity = market.equity().filter(e -> e.quote().equals(quote));
        if (equity.isEmpty()) {
          problems.add(RuleMessages.equityUnknown(percent));
          yield Optional.empty();
        }
        BigDecimal amount = Decimals.canonical(equity.get().value().multiply(percent).divide(HUNDRED));
        yield Optional.of(new Budget(amount, RuleMessages.riskShare(percent, amount, quote), equity));
      }
      case QuantitySpec.BaseAmount base -> throw new IllegalArgumentException("not a risk");
      case QuantitySpec.QuoteAmount amount -> throw new IllegalArgumentException("not a risk");
      case QuantitySpec.UsdAmount usd -> throw new IllegalArgumentException("not a risk");
      case QuantitySpec.ShareOfFree share -> throw new IllegalArgumentException("not a risk");
    };
  }

  /**
   * The smallest quantity the list allows: one step, the LOT_SIZE minimum, the MARKET_LOT_SIZE
   * minimum when a leg executes at market, and the minimum notional at every leg's fill price where
   * it applies (as {@link NotionalCheck} applies it).
   */
  private BigDecimal minimumQuantity(BigDecimal step, List<PlannedLeg> legs, Price entry) {
    BigDecimal minimum = step;
    Optional<LotSize> lot = rules.filter(LotSize.class);
    if (lot.isPresent()) {
      minimum = minimum.max(Steps.up(lot.get().minQty(), step));
    }
    boolean marketLeg = legs.stream().anyMatch(leg -> leg.leg().type().isMarketOnTrigger());
    Optional<MarketLotSize> marketLot = rules.filter(MarketLotSize.class);
    if (marketLeg && marketLot.isPresent()) {
      minimum = minimum.max(Steps.up(marketLot.get().minQty(), step));
    }
    for (PlannedLeg leg : legs) {
      BigDecimal price = leg.fillPrice(entry);
      if (price.signum() <= 0) {
        continue;
      }
      boolean atMarket = leg.leg().type().isMarketOnTrigger();
      Optional<Notional> notional = rules.filter(Notional.class);
      if (notional.isPresent() && notional.get().minNotional().signum() > 0 && (!atMarket || notional.get().applyMinToMarket())) {
        minimum = minimum.max(Steps.quantityReaching(notional.get().minNotional(), price, step));
      }
      Optional<MinNotional> legacy = rules.filter(MinNotional.class);
      if (legacy.isPresent() && legacy.get().minNotional().signum() > 0 && (!atMarket || legacy.get().applyToMarket())) {
        minimum = minimum.max(Steps.quantityReaching(legacy.get().minNotional(), price, step));
      }
    }
    return Decimals.canonical(minimum);
  }
}
