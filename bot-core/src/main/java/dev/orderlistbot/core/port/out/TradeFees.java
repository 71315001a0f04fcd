package dev.orderlistbot.core.port.out;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An account's commission on one symbol, as fractions of the traded amount ({@code 0.001} is 0.1%):
 * what risk sizing adds to a stop's loss. On Binance ({@code GET /api/v3/account/commission}) each
 * is the standard rate plus the tax rate; a discount (paying fees in BNB) is not assumed.
 */
public record TradeFees(BigDecimal maker, BigDecimal taker) {
  public TradeFees {
    Objects.requireNonNull(maker, "maker");
    Objects.requireNonNull(taker, "taker");
    if (maker.signum() < 0 || taker.signum() < 0 || maker.compareTo(BigDecimal.ONE) >= 0 || taker.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("a fee is a fraction in [0, 1)");
    }
  }
}
