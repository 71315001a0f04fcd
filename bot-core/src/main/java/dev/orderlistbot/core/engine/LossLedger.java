package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
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
 * at {@code p}): {@code (p − ref) × q} when the exits sell, {@code (ref − p) × q} when they buy,
 * where {@code ref} is the entry's average fill price (cumulative quote ÷ cumulative quantity of
 * the entry leg, as last heard) once the entry traded, and otherwise the reference price recorded
 * at placement (the entry price, or the last price for an OCO). It is converted to USDT at the rate
 * recorded at placement, kept to 8 decimals, and counted on the UTC day of the fill's time as the
 * exchange reports it. Commissions are not in it: the events the bot hears do not carry them. A
 * list placed while no limit was in force has no basis and is not counted.
 */
final class LossLedger {
  private static final int SCALE = 8;

  private LossLedger() {}

  /**
   * Counts {@code update}'s fill of {@code list}, measured against {@code basis}, the list's basis as
   * read in this transaction with the list (see {@code Stores.listForEvent}).
   */
  static void heard(Stores stores, TrackedOrderList list, Optional<ListBasis> basis, OrderListUpdate update) {
    if (!(update instanceof OrderListUpdate.LegChanged leg) || leg.lastQuantity().signum() <= 0) {
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
      stores.limits().recordEntryFill(list.listClientOrderId(), leg.cumulativeQuantity(), leg.cumulativeQuote());
    } else {
      LocalDate day = LocalDate.ofInstant(leg.time(), ZoneOffset.UTC);
      stores.limits().addRealised(list.owner(), day, realised(basis.get(), leg.lastPrice(), leg.lastQuantity()));
    }
  }

  /** The USDT profit (positive) or loss (negative) of one exit fill of {@code quantity} at {@code price}. */
  static BigDecimal realised(ListBasis basis, BigDecimal price, BigDecimal quantity) {
    BigDecimal perQuote =
        basis.entryQuantity().signum() > 0
            // (p × Qe − quoteE) × q ÷ Qe: the entry's average price without an early rounding
            ? price.multiply(basis.entryQuantity()).subtract(basis.entryQuote()).multiply(quantity)
                .divide(basis.entryQuantity(), MathContext.DECIMAL128)
            : price.subtract(basis.referencePrice()).multiply(quantity);
    BigDecimal signed = basis.exitSide() == Side.SELL ? perQuote : perQuote.negate();
    return signed.multiply(basis.usdtRate()).setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}
