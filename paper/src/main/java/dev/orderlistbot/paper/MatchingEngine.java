package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.paper.Holds.Hold;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The paper exchange's state changes: placing, cancelling and moving a price. Every call runs under
 * the exchange's lock and records its events in the {@link Book}, in Binance's order.
 */
final class MatchingEngine {
  private final Book book;
  private final Matcher matcher;

  MatchingEngine(Book book) {
    this.book = book;
    this.matcher = new Matcher(book);
  }

  /**
   * Places a list: checks it ({@link Admission}), locks its first phase's funds, reports every leg
   * {@code NEW} ({@code PENDING_NEW} for pending exits) and the list {@code EXEC_STARTED}, then
   * matches it against the last price (an entry priced through the market fills at once). Answers
   * the list as accepted, before that first match, like Binance's placement response.
   */
  PlacementResult place(String apiKey, OrderListRequest request, ClientListId clientId, Instant now) {
    Optional<SymbolRules> rules = book.markets.rules(request.symbol());
    if (rules.isEmpty()) {
      return new PlacementResult.Rejected(Refusals.unknownSymbol(request.symbol(), book.markets.symbols()));
    }
    Account account = book.account(apiKey);
    BigDecimal last = book.price(request.symbol());
    PaperList list = ListFactory.build(book, apiKey, request, clientId, now);
    Hold hold = Holds.initial(list, rules.get(), last);
    var refused = Admission.check(list, rules.get(), last, account, hold);
    if (refused.isPresent()) {
      return new PlacementResult.Rejected(refused.get());
    }
    account.lock(hold.asset(), hold.amount());
    list.hold(hold.asset(), hold.amount());
    book.add(account, list);
    for (PaperLeg leg : list.legs) {
      if (leg.isWorking()) {
        leg.start(last, now);
      }
      book.emitLeg(list, leg, LegExecution.NEW, BigDecimal.ZERO, BigDecimal.ZERO, now);
    }
    book.emitList(list, now);
    PlacedOrderList accepted = list.view(true);
    matcher.match(list, last, now);
    return new PlacementResult.Accepted(accepted);
  }

  /**
   * Cancels a whole open list: each leg not yet final {@code CANCELED}, then the list {@code
   * ALL_DONE}, its locked funds released. Refuses with {@code -1121} for an unlisted symbol and
   * {@code -2011} when the account has no such open list on that symbol.
   */
  PlacedOrderList cancel(String apiKey, Symbol symbol, OrderListRef ref, Instant now) {
    if (!book.markets.lists(symbol)) {
      throw new ExchangeException(Refusals.unknownSymbol(symbol, book.markets.symbols()));
    }
    PaperList list =
        book.existing(apiKey)
            .flatMap(account -> account.list(ref))
            .filter(found -> found.isOpen() && found.symbol.equals(symbol))
            .orElseThrow(() -> new ExchangeException(Refusals.nothingToCancel()));
    matcher.cancel(list, now);
    return list.view(true);
  }

  /** Sets the last price and matches every open list on the symbol, oldest first. */
  void setPrice(Symbol symbol, BigDecimal price, Instant now) {
    book.setPrice(symbol, price);
    book.tape.record(symbol, now, price);
    for (PaperList list : book.openLists(symbol)) {
      matcher.match(list, price, now);
    }
  }
}
