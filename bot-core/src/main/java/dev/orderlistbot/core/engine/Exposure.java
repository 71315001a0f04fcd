package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one list, or a ladder's lists together, puts at stake, in the figures the safety limits
 * compare: its notional in the quote asset (quantity × entry price, × last price for an OCO, as the
 * preview shows it), the rate of that quote asset in USDT (empty when no price converts it), the
 * pair's 24-hour quote volume and, per list, what its realised profit or loss will be measured
 * against.
 *
 * @param stepSize the pair's quantity step, to say what quantity would pass
 */
record Exposure(
    Symbol symbol,
    Asset baseAsset,
    Asset quoteAsset,
    BigDecimal notional,
    BigDecimal quantity,
    Optional<BigDecimal> usdtRate,
    Volume volume,
    Optional<BigDecimal> stepSize,
    List<ListFigures> lists) {

  Exposure {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(baseAsset, "baseAsset");
    Objects.requireNonNull(quoteAsset, "quoteAsset");
    Objects.requireNonNull(notional, "notional");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(usdtRate, "usdtRate");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(stepSize, "stepSize");
    lists = List.copyOf(lists);
  }

  /** One list's reference price (entry, or last for an OCO) and the side its exits trade on. */
  record ListFigures(BigDecimal referencePrice, Side exitSide) {}

  /** The pair's 24-hour quote volume, as far as it is known. */
  sealed interface Volume {
    /** The liquidity guard is off: not asked. */
    record NotAsked() implements Volume {}

    /** The exchange has no such figure (paper): the guard is skipped, and the preview says so. */
    record NotOnThisExchange() implements Volume {}

    /** The exchange did not answer: the guard, being on, refuses. */
    record Unanswered() implements Volume {}

    record Known(BigDecimal quoteVolume) implements Volume {}
  }

  /** The notional in USDT, when the quote asset converts. */
  Optional<BigDecimal> notionalUsdt() {
    return usdtRate.map(notional::multiply);
  }

  /** The average price per base unit the notional stands for (notional ÷ quantity). */
  BigDecimal price() {
    return notional.divide(quantity, MathContext.DECIMAL64).stripTrailingZeros();
  }
}
