package dev.orderlistbot.core.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The exchange filters of one symbol that the pre-trade checks apply, as Binance documents them
 * (filters.md). A numeric bound of zero disables that bound, as on Binance.
 */
public sealed interface SymbolFilter {

  /** Every price and stop price: {@code min <= p <= max} and {@code p % tick == 0}. */
  record PriceFilter(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize) implements SymbolFilter {
    public PriceFilter {
      Objects.requireNonNull(minPrice, "minPrice");
      Objects.requireNonNull(maxPrice, "maxPrice");
      Objects.requireNonNull(tickSize, "tickSize");
    }
  }

  /** Every quantity: {@code min <= q <= max} and {@code q % step == 0}. */
  record LotSize(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) implements SymbolFilter {
    public LotSize {
      Objects.requireNonNull(minQty, "minQty");
      Objects.requireNonNull(maxQty, "maxQty");
      Objects.requireNonNull(stepSize, "stepSize");
    }
  }

  /** The same as {@link LotSize} for orders that execute at market (stop-market legs too). */
  record MarketLotSize(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) implements SymbolFilter {
    public MarketLotSize {
      Objects.requireNonNull(minQty, "minQty");
      Objects.requireNonNull(maxQty, "maxQty");
      Objects.requireNonNull(stepSize, "stepSize");
    }
  }

  /** Legacy: {@code price * qty >= minNotional}. */
  record MinNotional(BigDecimal minNotional, boolean applyToMarket) implements SymbolFilter {
    public MinNotional {
      Objects.requireNonNull(minNotional, "minNotional");
    }
  }

  /** {@code minNotional <= price * qty <= maxNotional}. */
  record Notional(
      BigDecimal minNotional, boolean applyMinToMarket, BigDecimal maxNotional, boolean applyMaxToMarket)
      implements SymbolFilter {
    public Notional {
      Objects.requireNonNull(minNotional, "minNotional");
      Objects.requireNonNull(maxNotional, "maxNotional");
    }
  }

  /** Side-independent band around the reference price: {@code ref*down <= price <= ref*up}. */
  record PercentPrice(BigDecimal multiplierUp, BigDecimal multiplierDown) implements SymbolFilter {
    public PercentPrice {
      Objects.requireNonNull(multiplierUp, "multiplierUp");
      Objects.requireNonNull(multiplierDown, "multiplierDown");
    }
  }

  /** BUY prices within {@code [ref*bidDown, ref*bidUp]}, SELL prices within {@code [ref*askDown, ref*askUp]}. */
  record PercentPriceBySide(
      BigDecimal bidMultiplierUp,
      BigDecimal bidMultiplierDown,
      BigDecimal askMultiplierUp,
      BigDecimal askMultiplierDown)
      implements SymbolFilter {
    public PercentPriceBySide {
      Objects.requireNonNull(bidMultiplierUp, "bidMultiplierUp");
      Objects.requireNonNull(bidMultiplierDown, "bidMultiplierDown");
      Objects.requireNonNull(askMultiplierUp, "askMultiplierUp");
      Objects.requireNonNull(askMultiplierDown, "askMultiplierDown");
    }
  }

  /**
   * Trailing delta bounds in BIPS. "Above" governs STOP_LOSS* BUY and TAKE_PROFIT* SELL; "below"
   * governs STOP_LOSS* SELL and TAKE_PROFIT* BUY.
   */
  record TrailingDeltaBounds(int minAbove, int maxAbove, int minBelow, int maxBelow) implements SymbolFilter {}

  /** Open orders on the symbol (an OCO adds 2, an OTOCO 3). */
  record MaxNumOrders(int limit) implements SymbolFilter {}

  /** Open order lists on the symbol (any list adds 1). */
  record MaxNumOrderLists(int limit) implements SymbolFilter {}

  /** Open stop-loss and take-profit orders on the symbol. */
  record MaxNumAlgoOrders(int limit) implements SymbolFilter {}

  /**
   * How many times one order may be amended ({@code MAX_NUM_ORDER_AMENDS}, 10 on BTCUSDT in 2026):
   * the amends Binance counts per order, which {@code /reduce} stays within.
   */
  record MaxNumOrderAmends(int limit) implements SymbolFilter {}
}
