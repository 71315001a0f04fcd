package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * MARKET orders on the paper exchange, under its lock: the whole quantity fills at once at the last
 * price (the paper book has unlimited depth) against the account's free balance, paying the taker
 * fee in the asset received. Refused as Binance refuses: {@code -1121} for an unlisted pair, {@code
 * -2010} for a closed market, a client id an open order already has, or a lack of balance, {@code
 * -1013} for LOT_SIZE, MARKET_LOT_SIZE and a market order value out of NOTIONAL.
 *
 * <p>An order outside any list carries no order-list event (the port's events are about lists; the
 * Binance adapter maps such an execution report to nothing too), so its fill shows in its answer,
 * in the balances and in {@code order} queries, which find it by id or client id.
 */
final class MarketFills {
  private final Book book;

  MarketFills(Book book) {
    this.book = book;
  }

  MarketOrderResult place(String apiKey, MarketOrderRequest request, ClientOrderId clientOrderId, Instant now) {
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Symbol symbol = Objects.requireNonNull(request, "request").symbol();
    Optional<SymbolRules> found = book.markets.rules(symbol);
    if (found.isEmpty()) {
      return new MarketOrderResult.Rejected(Refusals.unknownSymbol(symbol, book.markets.symbols()));
    }
    SymbolRules rules = found.get();
    if (rules.status() != SymbolStatus.TRADING) {
      return new MarketOrderResult.Rejected(Refusals.marketClosed());
    }
    BigDecimal last = book.price(symbol);
    BigDecimal quantity = request.quantity();
    var refused = FilterChecks.marketOrder(rules, quantity, last);
    if (refused.isPresent()) {
      return new MarketOrderResult.Rejected(refused.get());
    }
    Account account = book.account(apiKey);
    if (hasOpenOrder(account, clientOrderId)) {
      return new MarketOrderResult.Rejected(Refusals.duplicate());
    }
    BigDecimal quote = Decimals.canonical(quantity.multiply(last));
    boolean buy = request.side() == Side.BUY;
    Asset pays = buy ? rules.quoteAsset() : rules.baseAsset();
    BigDecimal paid = buy ? quote : quantity;
    if (!account.spendFree(pays, paid)) {
      return new MarketOrderResult.Rejected(Refusals.insufficientBalance(pays, paid, account.free(pays)));
    }
    Asset receives = buy ? rules.baseAsset() : rules.quoteAsset();
    account.credit(receives, Commission.net(book.config.fees(), false, buy ? quantity : quote));
    OrderSnapshot order = filled(book.nextOrderId++, clientOrderId, symbol, request.side(), quantity, quote, now);
    account.addMarketOrder(order, book.config.finishedListsKept());
    book.markChanged();
    return new MarketOrderResult.Executed(order);
  }

  /** A MARKET order that filled {@code quantity} for {@code quote}, as Binance's FULL answer states it. */
  static OrderSnapshot filled(
      long orderId, ClientOrderId clientOrderId, Symbol symbol, Side side, BigDecimal quantity, BigDecimal quote, Instant at) {
    return new OrderSnapshot(
        symbol,
        orderId,
        Optional.empty(),
        clientOrderId,
        new LegReport(
            ReportedOrderType.MARKET, side, LegStatus.FILLED, BigDecimal.ZERO, Optional.of(quantity), quantity,
            Optional.empty(), Optional.of(TimeInForce.GTC), quote, ExpiryReason.unexplained(LegStatus.FILLED)),
        at);
  }

  private static boolean hasOpenOrder(Account account, ClientOrderId clientOrderId) {
    return account.open().stream()
        .flatMap(list -> list.legs.stream())
        .anyMatch(leg -> !leg.isFinal() && leg.clientOrderId.equals(clientOrderId));
  }
}
