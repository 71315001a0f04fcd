package dev.orderlistbot.core.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Binance Spot trading pair such as {@code BTCUSDT}: upper case, letters and digits only (Binance
 * has allowed Unicode letters in symbols since 2025-12), 2 to 20 characters.
 */
public record Symbol(String value) {
  private static final Pattern FORM = Pattern.compile("[\\p{Lu}\\p{Lo}\\p{Nd}]{2,20}");

  public Symbol {
    Objects.requireNonNull(value, "symbol");
    if (!FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not a symbol: '" + value + "'");
    }
  }

  /** Whether {@code text}, upper-cased, is a well-formed symbol. */
  public static boolean isWellFormed(String text) {
    return text != null && FORM.matcher(text.toUpperCase(Locale.ROOT)).matches();
  }

  /** Upper-cases and validates, e.g. {@code Symbol.of("btcusdt")} is {@code BTCUSDT}. */
  public static Symbol of(String text) {
    return new Symbol(Objects.requireNonNull(text, "symbol").toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
