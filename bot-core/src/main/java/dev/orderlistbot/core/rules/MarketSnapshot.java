package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The market and account facts the checks use, fetched just before checking.
 *
 * @param lastPrice the last traded price (Binance compares OCO legs with it)
 * @param band the price PERCENT_PRICE bands are built around (the reference price or the average
 *     price); when empty, the last price is used
 * @param freeBalances free balance per asset, when known; required for {@code 25%} quantities
 * @param onSymbol what the account has open on the command's symbol, as far as known
 * @param onExchange what the account has open on every symbol, as far as known (for the
 *     account-wide {@code EXCHANGE_MAX_*} limits)
 * @param takerFee the account's taker fee on the symbol (a fraction: 0.001 is 0.1%), when known;
 *     required to size by risk
 * @param equity the account's equity in the symbol's quote asset, when known; required for {@code
 *     risk 1%}
 */
public record MarketSnapshot(
    Price lastPrice,
    Optional<BandReference> band,
    Optional<Map<Asset, BigDecimal>> freeBalances,
    OpenCounts onSymbol,
    OpenCounts onExchange,
    Optional<BigDecimal> takerFee,
    Optional<Equity> equity) {

  /** A snapshot without the facts only risk sizing needs. */
  public MarketSnapshot(
      Price lastPrice,
      Optional<BandReference> band,
      Optional<Map<Asset, BigDecimal>> freeBalances,
      OpenCounts onSymbol,
      OpenCounts onExchange) {
    this(lastPrice, band, freeBalances, onSymbol, onExchange, Optional.empty(), Optional.empty());
  }

  public MarketSnapshot {
    Objects.requireNonNull(lastPrice, "lastPrice");
    Objects.requireNonNull(band, "band");
    freeBalances = Objects.requireNonNull(freeBalances, "freeBalances").map(Map::copyOf);
    Objects.requireNonNull(onSymbol, "onSymbol");
    Objects.requireNonNull(onExchange, "onExchange");
    Objects.requireNonNull(takerFee, "takerFee");
    Objects.requireNonNull(equity, "equity");
  }

  /** This snapshot with the taker fee and the equity risk sizing needs. */
  public MarketSnapshot withRiskFacts(Optional<BigDecimal> takerFee, Optional<Equity> equity) {
    return new MarketSnapshot(lastPrice, band, freeBalances, onSymbol, onExchange, takerFee, equity);
  }

  /** This snapshot with other open counts (a ladder's later lists count the earlier ones as open). */
  MarketSnapshot withCounts(OpenCounts onSymbol, OpenCounts onExchange) {
    return new MarketSnapshot(lastPrice, band, freeBalances, onSymbol, onExchange, takerFee, equity);
  }

  /** Only the last price is known. */
  public static MarketSnapshot lastPriceOnly(Price lastPrice) {
    return new MarketSnapshot(lastPrice, Optional.empty(), Optional.empty(), OpenCounts.UNKNOWN, OpenCounts.UNKNOWN);
  }

  /** The price PERCENT_PRICE bands are built around, and which price it is. */
  public BandReference bandReference() {
    return band.orElseGet(() -> BandReference.lastPrice(lastPrice));
  }

  /** Free balance of an asset; zero when balances are known but the asset is absent. */
  public Optional<BigDecimal> free(Asset asset) {
    return freeBalances.map(balances -> balances.getOrDefault(asset, BigDecimal.ZERO));
  }
}
