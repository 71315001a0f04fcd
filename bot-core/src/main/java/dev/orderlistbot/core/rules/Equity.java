package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An account's equity valued in one quote asset at last prices, what {@code risk 1%} is a share of:
 * the quote asset itself, plus every other asset (free and locked) times the last price of {@code
 * ASSETQUOTE}, or divided by that of {@code QUOTEASSET} when only the inverse pair trades. Assets with
 * neither price are left out and named in {@link #unpriced()}, so the preview can say which.
 *
 * @param value the equity in {@code quote}; exact, but for a division by an inverse price (34
 *     significant digits)
 * @param unpriced the held assets that could not be valued, sorted by code
 */
public record Equity(BigDecimal value, Asset quote, List<Asset> unpriced) {
  public Equity {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(quote, "quote");
    unpriced = List.copyOf(unpriced);
  }

  /** Values {@code balances} in {@code quote} with {@code lastPrices}. */
  public static Equity of(Collection<Balance> balances, Map<Symbol, Price> lastPrices, Asset quote) {
    BigDecimal total = BigDecimal.ZERO;
    List<Asset> unpriced = new ArrayList<>();
    for (Balance balance : balances) {
      BigDecimal amount = balance.total();
      if (amount.signum() <= 0) {
        continue;
      }
      if (balance.asset().equals(quote)) {
        total = total.add(amount);
        continue;
      }
      Price direct = lastPrices.get(new Symbol(balance.asset().code() + quote.code()));
      Price inverse = lastPrices.get(new Symbol(quote.code() + balance.asset().code()));
      if (direct != null) {
        total = total.add(amount.multiply(direct.value()));
      } else if (inverse != null) {
        total = total.add(amount.divide(inverse.value(), MathContext.DECIMAL128));
      } else {
        unpriced.add(balance.asset());
      }
    }
    unpriced.sort(Comparator.comparing(Asset::code));
    return new Equity(Decimals.canonical(total), quote, unpriced);
  }
}
