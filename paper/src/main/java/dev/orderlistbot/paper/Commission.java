package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;

/**
 * The paper exchange's commission: a fraction of what a fill brings in, taken from that asset (the
 * quote a SELL receives, the base a BUY receives), as Binance charges it when fees are not paid in
 * BNB. A fill at a limit price that rested on the book pays the maker rate, every other fill (a
 * MARKET order, a triggered stop-market leg, a limit that crossed at once) the taker rate. Stateless.
 */
final class Commission {
  private Commission() {}

  /** The fee on receiving {@code received}. */
  static BigDecimal fee(TradeFees fees, boolean maker, BigDecimal received) {
    return Decimals.canonical(received.multiply(maker ? fees.maker() : fees.taker()));
  }

  /** What is left of {@code received} once the fee is taken. */
  static BigDecimal net(TradeFees fees, boolean maker, BigDecimal received) {
    return Decimals.canonical(received.subtract(fee(fees, maker, received)));
  }
}
