package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Settings of the {@link PaperExchange}.
 *
 * @param startingBalances what a new paper account holds (free), per asset
 * @param startingPrices the first price of each listed symbol, used when no saved state exists; every
 *     symbol the exchange lists needs one
 * @param priceWalk whether prices move by themselves (a seeded random walk); off in tests
 * @param walkInterval how often the walk moves every price
 * @param walkStepBips the largest move of one walk step, in basis points of the price (10 = 0.1%)
 * @param walkSaveInterval how often, at most, a walk step that filled nothing saves the state
 * @param seed the seed of the walk's {@link java.util.Random} when the exchange builds it itself
 * @param finishedListsKept how many finished order lists each account keeps for queries (older ones
 *     are forgotten, as Binance archives old orders)
 * @param fees the commission every paper account pays (answered by {@code tradeFees}, and charged on
 *     every fill in the asset received, as Binance does when fees are not paid in BNB): the maker rate
 *     on a fill at a limit price that rested on the book, the taker rate on the others
 */
public record PaperConfig(
    Map<Asset, BigDecimal> startingBalances,
    Map<Symbol, Price> startingPrices,
    boolean priceWalk,
    Duration walkInterval,
    int walkStepBips,
    Duration walkSaveInterval,
    long seed,
    int finishedListsKept,
    TradeFees fees) {

  /** Binance's standard spot commission, 0.1% for maker and taker alike. */
  public static final TradeFees BINANCE_STANDARD_FEES = new TradeFees(new BigDecimal("0.001"), new BigDecimal("0.001"));

  public PaperConfig {
    startingBalances = balances(startingBalances);
    startingPrices = Map.copyOf(Objects.requireNonNull(startingPrices, "startingPrices"));
    positive(walkInterval, "walkInterval");
    positive(walkSaveInterval, "walkSaveInterval");
    if (walkStepBips < 1 || walkStepBips > 1000) {
      throw new IllegalArgumentException("walkStepBips must be 1..1000, was " + walkStepBips);
    }
    if (finishedListsKept < 0) {
      throw new IllegalArgumentException("finishedListsKept cannot be negative");
    }
    Objects.requireNonNull(fees, "fees");
  }

  /**
   * 10,000 USDT, 0.1 BTC, 2 ETH, 10 BNB and 50 SOL per account; BTCUSDT 30000, ETHUSDT 2000, BNBUSDT
   * 300, SOLUSDT 100 (the levels the README's example commands use); a walk of at most 0.1% every 5
   * seconds, saved at most every 10 seconds; seed 42; 500 finished lists kept per account; Binance's
   * standard 0.1% maker and taker fee.
   */
  public static PaperConfig defaults() {
    Map<Asset, BigDecimal> balances = new LinkedHashMap<>();
    balances.put(Asset.of("USDT"), new BigDecimal("10000"));
    balances.put(Asset.of("BTC"), new BigDecimal("0.1"));
    balances.put(Asset.of("ETH"), new BigDecimal("2"));
    balances.put(Asset.of("BNB"), new BigDecimal("10"));
    balances.put(Asset.of("SOL"), new BigDecimal("50"));
    Map<Symbol, Price> prices =
        Map.of(
            Symbol.of("BTCUSDT"), Price.of("30000"),
            Symbol.of("ETHUSDT"), Price.of("2000"),
            Symbol.of("BNBUSDT"), Price.of("300"),
            Symbol.of("SOLUSDT"), Price.of("100"));
    return new PaperConfig(balances, prices, true, Duration.ofSeconds(5), 10, Duration.ofSeconds(10), 42L, 500, BINANCE_STANDARD_FEES);
  }

  /** The same settings with prices that move only through {@code PaperControl.setPrice}. */
  public PaperConfig withoutPriceWalk() {
    return new PaperConfig(
        startingBalances, startingPrices, false, walkInterval, walkStepBips, walkSaveInterval, seed, finishedListsKept, fees);
  }

  /** The same settings with a walk step every {@code interval}. */
  public PaperConfig withPriceWalk(Duration interval) {
    return new PaperConfig(
        startingBalances, startingPrices, true, interval, walkStepBips, walkSaveInterval, seed, finishedListsKept, fees);
  }

  public PaperConfig withStartingBalances(Map<Asset, BigDecimal> balances) {
    return new PaperConfig(
        balances, startingPrices, priceWalk, walkInterval, walkStepBips, walkSaveInterval, seed, finishedListsKept, fees);
  }

  public PaperConfig withStartingPrices(Map<Symbol, Price> prices) {
    return new PaperConfig(
        startingBalances, prices, priceWalk, walkInterval, walkStepBips, walkSaveInterval, seed, finishedListsKept, fees);
  }

  public PaperConfig withSeed(long newSeed) {
    return new PaperConfig(
        startingBalances, startingPrices, priceWalk, walkInterval, walkStepBips, walkSaveInterval, newSeed,
        finishedListsKept, fees);
  }

  /** The same settings with another commission. */
  public PaperConfig withFees(TradeFees newFees) {
    return new PaperConfig(
        startingBalances, startingPrices, priceWalk, walkInterval, walkStepBips, walkSaveInterval, seed, finishedListsKept,
        newFees);
  }

  private static Map<Asset, BigDecimal> balances(Map<Asset, BigDecimal> given) {
    Objects.requireNonNull(given, "startingBalances");
    given.forEach((asset, amount) -> {
      if (Objects.requireNonNull(amount, "amount").signum() < 0) {
        throw new IllegalArgumentException("a starting balance cannot be negative: " + asset);
      }
    });
    return given.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Decimals.canonical(e.getValue())));
  }

  private static void positive(Duration duration, String what) {
    Objects.requireNonNull(duration, what);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
