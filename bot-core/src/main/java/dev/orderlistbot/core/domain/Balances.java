package dev.orderlistbot.core.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** An account's balances per asset, at one moment. Assets the account never held are absent. */
public record Balances(Map<Asset, Balance> byAsset) {
  public Balances {
    byAsset = Map.copyOf(Objects.requireNonNull(byAsset, "byAsset"));
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
