package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.out.CountedFill;
import dev.orderlistbot.core.port.out.ListBasis;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Feeds the day's realised profit or loss from the fills the router hears, inside the router's
 * transaction and after the event was marked processed (so a replayed fill is not counted twice).
 *
 * <p>Realised profit or loss of an exit fill (a take-profit or stop-loss leg that traded {@code q}
 * for {@code quote}, at the average price {@code p = quote ÷ q}): {@code (p − ref) × q} when the
 * exits sell, {@code (ref − p) × q} when they buy, where {@code ref} is the entry's average fill
 * price (cumulative quote ÷ cumulative quantity of the entry leg, as last heard) once the entry
 * traded, and otherwise the reference price recorded at placement (the entry price, or the last
 * price for an OCO). It is converted to USDT at the rate recorded at placement, kept to 8 decimals,
 * and counted on the UTC day of the fill's time as the exchange reports it. Commissions are not in
 * it: the events the bot hears do not carry them. A list placed while no limit was in force has no
 * basis and is not counted.
 *
 * <p>What an exit fill traded is what its event's cumulative figures add to what the leg has
 * counted so far ({@link CountedFill}, kept per leg by the store): a stream event's own trade (its
 * last quantity at its last price, the figures as before), or, for an event rebuilt by the REST
 * catch-up (cumulative figures only, last quantity 0), every fill of the leg the stream did not
 * tell. A leg recorded before counts were kept (schema V22) has its next event counted as its own
 * trade, as before, and is counted by its cumulative figures from then on: nothing is counted
 * twice, though a fill such a leg made during a stream gap before that is not counted. An entry's
 * cumulative fill is recorded whenever it grew, by a trade heard or by the catch-up.
 */
final class LossLedger {
  private static final int SCALE = 8;

  private LossLedger() {}

  /**
   * Counts {@code update}'s fill of {@code list}, measured against {@code basis}, the list's basis as
   * read in this transaction with the list (see {@code Stores.listForEvent}).
   */
  static void heard(Stores stores, TrackedOrderList list, Optional<ListBasis> basis, OrderListUpdate update) {
    // an event of a leg that has filled nothing (placed, cancelled untouched) counts nothing
    if (!(update instanceof OrderListUpdate.LegChanged leg) || leg.cumulativeQuantity().signum() <= 0) {
      return;
    }
    Optional<LegRole> role = Texts.roleOf(leg.clientOrderId().value());
    if (role.isEmpty()) {
      return;
    }
    if (basis.isEmpty()) {
      return;
    }
    if (role.get() == LegRole.WORKING) {
      // the store keeps the larger figure: an older event heard late changes nothing
      stores.limits().recordEntryFill(list.listClientOrderId(), leg.cumulativeQuantity(), leg.cumulativeQuote());
      return;
    }
    Optional<CountedFill> counted =
        stores.limits().countFill(list.listClientOrderId(), leg.clientOrderId().value(), leg.cumulativeQuantity(), leg.cumulativeQuote());
    Optional<BigDecimal> pnl = counted.isPresent() ? realisedBeyond(basis.get(), leg, counted.get()) : ownTrade(basis.get(), leg);
    LocalDate day = LocalDate.ofInstant(leg.time(), ZoneOffset.UTC);
    pnl.ifPresent(amount -> stores.limits().addRealised(list.owner(), day, amount));
  }

  /**
   * The realised profit or loss of what {@code leg}'s cumulative figures add to {@code counted};
   * empty when they add nothing. When that is the event's own trade, measured as the trade.
   */
  static Optional<BigDecimal> realisedBeyond(ListBasis basis, OrderListUpdate.LegChanged leg, CountedFill counted) {
    BigDecimal quantity = leg.cumulativeQuantity().subtract(counted.quantity());
    if (quantity.signum() <= 0) {
      return Optional.empty();
    }
    if (quantity.compareTo(leg.lastQuantity()) == 0) {
      return Optional.of(realised(basis, leg.lastPrice(), leg.lastQuantity()));
    }
    return Optional.of(realisedFor(basis, leg.cumulativeQuote().subtract(counted.quote()), quantity));
  }

  /** The realised profit or loss of the event's own trade (none for an event rebuilt by the catch-up). */
  private static Optional<BigDecimal> ownTrade(ListBasis basis, OrderListUpdate.LegChanged leg) {
    return leg.lastQuantity().signum() > 0 ? Optional.of(realised(basis, leg.lastPrice(), leg.lastQuantity())) : Optional.empty();
  }

  /** The USDT profit (positive) or loss (negative) of one exit fill of {@code quantity} at {@code price}. */
  static BigDecimal realised(ListBasis basis, BigDecimal price, BigDecimal quantity) {
    BigDecimal perQuote =
        basis.entryQuantity().signum() > 0
            // (p × Qe − quoteE) × q ÷ Qe: the entry's average price without an early rounding
            ? price.multiply(basis.entryQuantity()).subtract(basis.entryQuote()).multiply(quantity)
                .divide(basis.entryQuantity(), MathContext.DECIMAL128)
            : price.subtract(basis.referencePrice()).multiply(quantity);
    return inUsdt(basis, perQuote);
  }

  /**
   * The same for exit fills of {@code quantity} that traded for {@code quote} in all (their average
   * price {@code quote ÷ quantity}, never rounded: {@code (quote × Qe − quoteE × q) ÷ Qe}).
   */
  static BigDecimal realisedFor(ListBasis basis, BigDecimal quote, BigDecimal quantity) {
    BigDecimal perQuote =
        basis.entryQuantity().signum() > 0
            ? quote.multiply(basis.entryQuantity()).subtract(basis.entryQuote().multiply(quantity))
                .divide(basis.entryQuantity(), MathContext.DECIMAL128)
            : quote.subtract(basis.referencePrice().multiply(quantity));
    return inUsdt(basis, perQuote);
  }

  private static BigDecimal inUsdt(ListBasis basis, BigDecimal perQuote) {
    BigDecimal signed = basis.exitSide() == Side.SELL ? perQuote : perQuote.negate();
    return signed.multiply(basis.usdtRate()).setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}
