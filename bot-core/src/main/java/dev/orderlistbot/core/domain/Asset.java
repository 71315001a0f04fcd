package dev.orderlistbot.core.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** A coin or token code such as {@code BTC} or {@code USDT}: upper case, letters and digits. */
public record Asset(String code) {
  private static final Pattern FORM = Pattern.compile("[\\p{Lu}\\p{Lo}\\p{Nd}]{1,20}");

  /** Stablecoins pegged to the US dollar, for which a {@code $100} amount is meaningful. */
  private static final Set<String> USD_STABLE =
      Set.of("USDT", "USDC", "FDUSD", "TUSD", "BUSD", "USDP", "DAI", "USD1", "PYUSD", "USDE");

  public Asset {
    Objects.requireNonNull(code, "asset");
    if (!FORM.matcher(code).matches()) {
      throw new IllegalArgumentException("not an asset code: '" + code + "'");
    }
  }

  public static boolean isWellFormed(String text) {
    return text != null && FORM.matcher(text.toUpperCase(Locale.ROOT)).matches();
  }

  public static Asset of(String text) {
    return new Asset(Objects.requireNonNull(text, "asset").toUpperCase(Locale.ROOT));
  }

  /** Whether one unit of this asset is meant to be worth one US dollar. */
  public boolean isUsdStable() {
    return USD_STABLE.contains(code);
  }

  @Override
  public String toString() {
    return code;
  }
}
