package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.port.out.ExchangeError.Refused;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.rules.SymbolFilter.MaxNumOrderAmends;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keep-priority amends on the paper exchange, under its lock, with Binance's rules ({@code PUT
 * /api/v3/order/amend/keepPriority}): the new quantity must be lower than the order's and above what
 * it already filled, and pass LOT_SIZE; an order may be amended MAX_NUM_ORDER_AMENDS times; a leg of
 * an OCO pair (an OCO, or the exits of an OTOCO/OPOCO) takes its sibling along, as the pair shares
 * one quantity; the pending exit of an OPO/OPOCO cannot be amended before its entry filled, while
 * the pending orders of an OTO/OTOCO can (Binance's amend FAQ: "For OTO orders, the working and
 * pending orders can be amended individually"). The leg keeps its id, client id and place (its
 * {@code resting} time, which decides a maker fill); what the list locks shrinks with it. Each
 * amended leg emits a {@code REPLACED} report with its unchanged status, as Binance's stream does.
 */
final class Amends {
  private final Book book;

  Amends(Book book) {
    this.book = book;
  }

  OrderSnapshot amend(String apiKey, Symbol symbol, ClientOrderId id, BigDecimal newQuantity, Instant now) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(id, "id");
    BigDecimal wanted = Decimals.positive(newQuantity, "newQuantity");
    SymbolRules rules =
        book.markets.rules(symbol).orElseThrow(() -> new ExchangeException(Refusals.unknownSymbol(symbol, book.markets.symbols())));
    PaperList list =
        book.existing(apiKey).stream()
            .flatMap(account -> account.open(symbol).stream())
            .filter(open -> open.legs.stream().anyMatch(leg -> !leg.isFinal() && leg.clientOrderId.equals(id)))
            .findFirst()
            .orElseThrow(() -> new ExchangeException(Refusals.orderGone()));
    PaperLeg leg = list.legs.stream().filter(one -> one.clientOrderId.equals(id)).findFirst().orElseThrow();
    refusal(list, leg, rules, wanted).ifPresent(refused -> {
      throw new ExchangeException(refused);
    });
    List<PaperLeg> amended = together(list, leg);
    BigDecimal before = leg.quantity.orElseThrow();
    if (locksFor(list, leg) && list.locked.signum() > 0) {
      BigDecimal kept = Decimals.canonical(list.locked.multiply(wanted).divide(before, MathContext.DECIMAL128));
      book.account(apiKey).release(list.lockAsset.orElseThrow(), list.locked.subtract(kept));
      list.locked = kept;
    }
    for (PaperLeg one : amended) {
      one.quantity = Optional.of(wanted);
      one.amends++;
      one.updatedAt = now;
      book.emitLeg(list, one, LegExecution.REPLACED, BigDecimal.ZERO, BigDecimal.ZERO, now);
    }
    return leg.snapshot(symbol, list.id);
  }

  private static Optional<Refused> refusal(PaperList list, PaperLeg leg, SymbolRules rules, BigDecimal wanted) {
    if (leg.isPending() && list.kind.paysFromFill()) {
      return Optional.of(Refusals.amendPendingOpo());
    }
    BigDecimal quantity = leg.quantity.orElseThrow();
    int limit = rules.filter(MaxNumOrderAmends.class).map(MaxNumOrderAmends::limit).orElse(0);
    if (limit > 0 && leg.amends >= limit) {
      return Optional.of(Refusals.tooManyAmends(limit));
    }
    if (wanted.compareTo(quantity) > 0) {
      return Optional.of(Refusals.amendIncrease(wanted, quantity));
    }
    if (wanted.compareTo(quantity) == 0) {
      return Optional.of(Refusals.amendNoChange(quantity));
    }
    if (wanted.compareTo(leg.executedQty) <= 0) {
      return Optional.of(Refusals.amendBelowFilled(wanted, leg.executedQty));
    }
    return FilterChecks.quantity(rules, wanted, BigDecimal.ZERO);
  }

  /** The leg and, when it is one side of an OCO pair, its sibling: they share one quantity. */
  private static List<PaperLeg> together(PaperList list, PaperLeg leg) {
    boolean pairedExit = leg.role != LegRole.WORKING && list.kind.exitIsPair();
    return pairedExit ? list.exits().stream().filter(exit -> !exit.isFinal()).toList() : List.of(leg);
  }

  /** Whether the list's lock is the one this leg's phase holds (the entry's while it works, else the exits'). */
  private static boolean locksFor(PaperList list, PaperLeg leg) {
    boolean entryWorks = list.working().filter(PaperLeg::isWorking).isPresent();
    return leg.role == LegRole.WORKING ? entryWorks : !entryWorks && !leg.isPending();
  }
}
