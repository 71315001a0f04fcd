package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;

/**
 * What only the paper exchange offers: setting a symbol's price by hand, so a person or a test can
 * drive fills ({@code /paper price BTCUSDT 32000}). Present only when {@code BINANCE_ENV=paper}.
 *
 * <p>Thread-safe. Setting a price runs the matching at once; the resulting events are delivered
 * before the call returns.
 */
public interface PaperControl {

  /** Sets the last price and matches every resting order against it. */
  void setPrice(Symbol symbol, Price price);

  /** Whether the paper exchange lists this symbol. */
  boolean lists(Symbol symbol);
}
