package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the realised profit or loss of a list's exit fills is measured against, recorded in the
 * Confirm's claim: the reference price (the entry price for a list with an entry, the last price
 * for an OCO), the side its exits trade on, the rate of its quote asset in USDT at placement, and
 * what its entry has filled so far (whose average price replaces the reference once known).
 *
 * <p>Example: an OTOCO buying 0.01 BTC @ 30000 has reference 30000, exit side SELL, rate 1; when
 * its entry fills 0.01 for 299.9 USDT, its take-profit's fill at 32000 realises (32000 − 29990) ×
 * 0.01 = 20.1 USDT.
 */
public record ListBasis(
    String listClientOrderId,
    BigDecimal referencePrice,
    Side exitSide,
    BigDecimal usdtRate,
    BigDecimal entryQuantity,
    BigDecimal entryQuote) {
  public ListBasis {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    Objects.requireNonNull(referencePrice, "referencePrice");
    Objects.requireNonNull(exitSide, "exitSide");
    Objects.requireNonNull(usdtRate, "usdtRate");
    Objects.requireNonNull(entryQuantity, "entryQuantity");
    Objects.requireNonNull(entryQuote, "entryQuote");
    if (listClientOrderId.isBlank() || listClientOrderId.length() > 64) {
      throw new IllegalArgumentException("a list client order id is 1 to 64 characters");
    }
  }

  /** A list whose entry has not filled yet. */
  public static ListBasis atPlacement(String listClientOrderId, BigDecimal referencePrice, Side exitSide, BigDecimal usdtRate) {
    return new ListBasis(listClientOrderId, referencePrice, exitSide, usdtRate, BigDecimal.ZERO, BigDecimal.ZERO);
  }
}
