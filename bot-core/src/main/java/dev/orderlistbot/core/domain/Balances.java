package dev.orderlistbot.core.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An account's balances per asset, at one moment. Assets the account never held are absent.
 *
 * @param canTrade whether the exchange says the account may trade (Binance's {@code canTrade}),
 *     when it says so
 */
public record Balances(Map<Asset, Balance> byAsset, Optional<Boolean> canTrade) {
  public Balances {
    byAsset = Map.copyOf(Objects.requireNonNull(byAsset, "byAsset"));
    Objects.requireNonNull(canTrade, "canTrade");
  }

  /** Balances from an exchange that does not say whether the account may trade. */
  public Balances(Map<Asset, Balance> byAsset) {
    this(byAsset, Optional.empty());
  }

  public Optional<Balance> of(Asset asset) {
    return Optional.ofNullable(byAsset.get(asset));
  }

  /** The free amount of an asset; zero when the account holds none. */
  public BigDecimal free(Asset asset) {
    return of(asset).map(Balance::free).orElse(BigDecimal.ZERO);
  }

  /** Free amounts per asset, the shape {@code core.rules.MarketSnapshot} takes. */
  public Map<Asset, BigDecimal> freeAmounts() {
    return byAsset.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().free()));
  }
}
