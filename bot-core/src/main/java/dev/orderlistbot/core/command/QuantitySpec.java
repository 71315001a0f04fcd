package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A quantity as typed: a base amount ({@code 0.01}), a quote amount ({@code 100usdt}, {@code 100
 * usdt}), a dollar amount for USD-stable-quoted symbols ({@code $100}), or a share of the free
 * balance ({@code 25%}: of the base asset for a sell, of the quote asset for a buy). Quote and
 * share amounts are converted with the price and rounded down to the step size by the checks.
 *
 * <p>Or sized by risk, the money lost if the stop fills: {@code risk 50usdt} and {@code risk 50}
 * (in the quote asset), {@code risk $50} (a USD-stablecoin quote), {@code risk 1%} (of the account's
 * equity in the quote asset). The checks derive the quantity from the entry and the stop.
 */
public sealed interface QuantitySpec {

  /** Whether the quantity is derived from the money at risk, which needs a stop-loss. */
  default boolean sizesByRisk() {
    return this instanceof RiskAmount || this instanceof RiskUsd || this instanceof RiskShare;
  }

  record BaseAmount(BigDecimal amount) implements QuantitySpec {
    public BaseAmount {
      amount = Decimals.positive(amount, "amount");
    }
  }

  record QuoteAmount(BigDecimal amount, Asset asset) implements QuantitySpec {
    public QuoteAmount {
      amount = Decimals.positive(amount, "amount");
      Objects.requireNonNull(asset, "asset");
    }
  }

  /** {@code $100}: valid only where the quote asset is a USD stablecoin. */
  record UsdAmount(BigDecimal amount) implements QuantitySpec {
    public UsdAmount {
      amount = Decimals.positive(amount, "amount");
    }
  }

  /** {@code percent} in (0, 100]. */
  record ShareOfFree(BigDecimal percent) implements QuantitySpec {
    public ShareOfFree {
      percent = Decimals.positive(percent, "percent");
      if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException("a share of the balance is at most 100%");
      }
    }
  }

  /** {@code risk 50usdt} or {@code risk 50}: in {@code asset}, or in the symbol's quote asset when empty. */
  record RiskAmount(BigDecimal amount, Optional<Asset> asset) implements QuantitySpec {
    public RiskAmount {
      amount = Decimals.positive(amount, "amount");
      Objects.requireNonNull(asset, "asset");
    }
  }

  /** {@code risk $50}: valid only where the quote asset is a USD stablecoin. */
  record RiskUsd(BigDecimal amount) implements QuantitySpec {
    public RiskUsd {
      amount = Decimals.positive(amount, "amount");
    }
  }

  /** {@code risk 1%}: {@code percent} in (0, 100] of the account's equity in the quote asset. */
  record RiskShare(BigDecimal percent) implements QuantitySpec {
    public RiskShare {
      percent = Decimals.positive(percent, "percent");
      if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException("a share of the equity is at most 100%");
      }
    }
  }
}
