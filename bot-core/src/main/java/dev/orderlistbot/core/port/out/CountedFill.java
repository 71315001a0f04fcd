package dev.orderlistbot.core.port.out;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much of one exit leg's fill the day's realised profit or loss has counted: the leg's
 * cumulative quantity and quote (what it traded for, in the list's quote asset) as last counted.
 * A fill heard later counts only what it adds to these.
 *
 * <p>Example: a stop-loss whose partial fill of 0.004 BTC for 76 USDT was heard on the stream has
 * counted 0.004 for 76; its FILLED learnt from the catch-up (0.01 for 190) adds 0.006 for 114.
 */
public record CountedFill(BigDecimal quantity, BigDecimal quote) {
  public static final CountedFill NOTHING = new CountedFill(BigDecimal.ZERO, BigDecimal.ZERO);

  public CountedFill {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(quote, "quote");
  }
}
