package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The market and account facts the checks use, fetched just before checking.
 *
 * @param lastPrice the last traded price (Binance compares OCO legs with it)
 * @param referencePrice the price PERCENT_PRICE bands are built around (the reference price or the
 *     average price); when empty, the last price is used
 * @param freeBalances free balance per asset, when known; required for {@code 25%} quantities
 * @param openOrders open orders on the symbol, when known
 * @param openOrderLists open order lists on the symbol, when known
 * @param openAlgoOrders open stop-loss / take-profit orders on the symbol, when known
 */
public record MarketSnapshot(
    Price lastPrice,
    Optional<Price> referencePrice,
    Optional<Map<Asset, BigDecimal>> freeBalances,
    OptionalInt openOrders,
    OptionalInt openOrderLists,
    OptionalInt openAlgoOrders) {

  public MarketSnapshot {
    Objects.requireNonNull(lastPrice, "lastPrice");
    Objects.requireNonNull(referencePrice, "referencePrice");
    freeBalances = Objects.requireNonNull(freeBalances, "freeBalances").map(Map::copyOf);
    Objects.requireNonNull(openOrders, "openOrders");
    Objects.requireNonNull(openOrderLists, "openOrderLists");
    Objects.requireNonNull(openAlgoOrders, "openAlgoOrders");
  }

  /** Only the last price is known. */
  public static MarketSnapshot lastPriceOnly(Price lastPrice) {
    return new MarketSnapshot(
        lastPrice, Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());
  }

  /** The price PERCENT_PRICE bands are built around. */
  public Price bandReference() {
    return referencePrice.orElse(lastPrice);
  }

  /** Free balance of an asset; zero when balances are known but the asset is absent. */
  public Optional<BigDecimal> free(Asset asset) {
    return freeBalances.map(balances -> balances.getOrDefault(asset, BigDecimal.ZERO));
  }
}
