package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantity as typed: a base amount ({@code 0.01}), a quote amount ({@code 100usdt}, {@code 100
 * usdt}), a dollar amount for USD-stable-quoted symbols ({@code $100}), or a share of the free
 * balance ({@code 25%}: of the base asset for a sell, of the quote asset for a buy). Quote and
 * share amounts are converted with the price and rounded down to the step size by the checks.
 */
public sealed interface QuantitySpec {

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
}
