package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.util.List;

/**
 * How much of the owner's balance a list locks while a phase of it works. Binance does not document
 * what an order list locks, so the paper exchange locks what the phase can spend at most:
 *
 * <ul>
 *   <li>a SELL phase locks its quantity of the base asset, once for both legs of an OCO;
 *   <li>a BUY phase locks quote: quantity × the highest price any of its legs can fill at (a limit
 *       price, the stop price of a stop-market leg, and for a trailing stop-market leg its stop price,
 *       or the last price, moved up by the trailing delta).
 * </ul>
 *
 * <p>The first phase (the entry, or both legs of an OCO) is locked at placement; the exits of an
 * OTO-family list when the entry has filled.
 */
final class Holds {
  private static final BigDecimal BIPS = new BigDecimal("10000");

  record Hold(Asset asset, BigDecimal amount) {}

  private Holds() {}

  /** What the list locks from placement on: its entry's funds, or an OCO's. */
  static Hold initial(PaperList list, SymbolRules rules, BigDecimal last) {
    List<PaperLeg> first = list.working().map(List::of).orElseGet(list::exits);
    return of(first, rules, last);
  }

  /** What the exits lock once the entry has filled; their quantities must be known. */
  static Hold exits(PaperList list, SymbolRules rules, BigDecimal market) {
    return of(list.exits(), rules, market);
  }

  private static Hold of(List<PaperLeg> legs, SymbolRules rules, BigDecimal last) {
    PaperLeg any = legs.getFirst();
    BigDecimal quantity = any.quantity.orElseThrow();
    if (any.side == Side.SELL) {
      return new Hold(rules.baseAsset(), quantity);
    }
    BigDecimal highest = BigDecimal.ZERO;
    for (PaperLeg leg : legs) {
      highest = highest.max(highestFillPrice(leg, last));
    }
    return new Hold(rules.quoteAsset(), Decimals.canonical(quantity.multiply(highest)));
  }

  private static BigDecimal highestFillPrice(PaperLeg leg, BigDecimal last) {
    if (leg.price.isPresent()) {
      return leg.price.get();
    }
    BigDecimal reference = leg.stopPrice.orElse(last);
    if (!leg.isTrailing()) {
      return reference;
    }
    return reference.add(reference.multiply(BigDecimal.valueOf(leg.trailingBips)).divide(BIPS));
  }
}
