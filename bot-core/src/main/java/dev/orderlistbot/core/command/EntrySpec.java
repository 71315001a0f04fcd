package dev.orderlistbot.core.command;

import java.util.Objects;

/**
 * The working order of {@code /oto}, {@code /otoco}, {@code /opo}, {@code /opoco}: {@code @ PRICE}
 * is a LIMIT GTC order, {@code @ maker PRICE} a LIMIT_MAKER. The price is absolute or relative to
 * the last price, never relative to itself.
 */
public record EntrySpec(PriceSpec price, boolean maker) {
  public EntrySpec {
    Objects.requireNonNull(price, "price");
    if (price instanceof PriceSpec.RelativeToEntry) {
      throw new IllegalArgumentException("an entry price cannot be relative to the entry");
    }
  }
}
