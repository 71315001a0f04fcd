package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price as typed: absolute ({@code 32000}), relative to the last price ({@code +5%}, {@code
 * -2.5%}), or, for the exit legs of a list with an entry, relative to the entry price ({@code tp
 * +4%} = 4% above the entry).
 */
public sealed interface PriceSpec {

  record Absolute(Price price) implements PriceSpec {
    public Absolute {
      Objects.requireNonNull(price, "price");
    }
  }

  /** {@code percent} is signed: {@code -2.5} means 2.5% below; it is greater than -100. */
  record RelativeToLast(BigDecimal percent) implements PriceSpec {
    public RelativeToLast {
      percent = relative(percent);
    }
  }

  /** {@code percent} is signed, relative to the entry (working order) price. */
  record RelativeToEntry(BigDecimal percent) implements PriceSpec {
    public RelativeToEntry {
      percent = relative(percent);
    }
  }

  private static BigDecimal relative(BigDecimal percent) {
    Objects.requireNonNull(percent, "percent");
    if (percent.compareTo(BigDecimal.valueOf(-100)) <= 0) {
      throw new IllegalArgumentException("a relative price must be above -100%");
    }
    return Decimals.canonical(percent);
  }
}
