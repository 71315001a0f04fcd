package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the calls added for trade actions (issue 15): every symbol's last price, the
 * account's commission, a MARKET order's FULL answer and a keep-priority amend's answer. Records
 * mirror Binance's fields (only those the bot reads) and map themselves to core types.
 */
final class OrderJson {
  private OrderJson() {}

  /**
   * {@code GET /api/v3/ticker/price} without a symbol, by symbol. Entries the bot cannot use (a
   * symbol name it does not accept, a price of zero on a pair that never traded) are left out.
   */
  static Map<Symbol, Price> prices(List<BinanceJson.TickerPrice> tickers) {
    Map<Symbol, Price> prices = new LinkedHashMap<>();
    for (BinanceJson.TickerPrice ticker : tickers == null ? List.<BinanceJson.TickerPrice>of() : tickers) {
      if (ticker.price() == null || ticker.price().signum() <= 0) {
        continue;
      }
      try {
        prices.put(new Symbol(ticker.symbol()), new Price(ticker.price()));
      } catch (IllegalArgumentException | NullPointerException e) {
        // a symbol name outside the bot's form: no order of the bot can be on it
      }
    }
    return Map.copyOf(prices);
  }

  /** One side of a commission: the rate a maker and a taker pay. */
  record Rates(BigDecimal maker, BigDecimal taker) {
    static BigDecimal makerOf(Rates rates) {
      return rates == null || rates.maker() == null ? BigDecimal.ZERO : rates.maker();
    }

    static BigDecimal takerOf(Rates rates) {
      return rates == null || rates.taker() == null ? BigDecimal.ZERO : rates.taker();
    }
  }

  /**
   * {@code GET /api/v3/account/commission?symbol=}. What a trade costs is the standard rate plus
   * the tax rate plus the special rate (which Binance added later; absent means none). The BNB
   * {@code discount} is not applied: it holds only while the account pays fees in BNB and holds
   * enough BNB, which the bot cannot know at the moment of a fill.
   */
  record Commission(String symbol, Rates standardCommission, Rates specialCommission, Rates taxCommission) {
    TradeFees toDomain() {
      return new TradeFees(
          Rates.makerOf(standardCommission).add(Rates.makerOf(specialCommission)).add(Rates.makerOf(taxCommission)),
          Rates.takerOf(standardCommission).add(Rates.takerOf(specialCommission)).add(Rates.takerOf(taxCommission)));
    }
  }

  /** {@code POST /api/v3/order} with {@code newOrderRespType=FULL} (its {@code fills} are not read). */
  record PlacedOrder(
      String symbol,
      long orderId,
      long orderListId,
      String clientOrderId,
      long transactTime,
      BigDecimal price,
      BigDecimal origQty,
      BigDecimal executedQty,
      BigDecimal cummulativeQuoteQty,
      String status,
      String timeInForce,
      String type,
      String side,
      String expiryReason) {

    OrderSnapshot toDomain() {
      return new OrderSnapshot(
          new Symbol(symbol),
          orderId,
          orderListId < 0 ? Optional.empty() : Optional.of(new OrderListId(orderListId)),
          new ClientOrderId(clientOrderId),
          BinanceJson.report(
              type, side, status, price, origQty, executedQty, cummulativeQuoteQty, null, timeInForce, expiryReason),
          Instant.ofEpochMilli(transactTime));
    }
  }

  /**
   * {@code PUT /api/v3/order/amend/keepPriority}: {@code amendedOrder} is the order as it now
   * stands (its quantity is {@code qty}, its quote total {@code cumulativeQuoteQty}, spelled right
   * here unlike elsewhere); an order of a list also brings {@code listStatus}, which the bot does
   * not need (the leg ids stay as they were).
   */
  record Amended(long transactTime, AmendedOrder amendedOrder) {
    OrderSnapshot toDomain() {
      if (amendedOrder == null) {
        throw new IllegalStateException("an amend answer without its amendedOrder");
      }
      AmendedOrder o = amendedOrder;
      return new OrderSnapshot(
          new Symbol(o.symbol()),
          o.orderId(),
          o.orderListId() < 0 ? Optional.empty() : Optional.of(new OrderListId(o.orderListId())),
          new ClientOrderId(o.clientOrderId()),
          BinanceJson.report(
              o.type(), o.side(), o.status(), o.price(), o.qty(), o.executedQty(), o.cumulativeQuoteQty(), o.stopPrice(),
              o.timeInForce(), null),
          Instant.ofEpochMilli(transactTime));
    }
  }

  /** The {@code amendedOrder} of an amend answer. */
  record AmendedOrder(
      String symbol,
      long orderId,
      long orderListId,
      String clientOrderId,
      BigDecimal price,
      BigDecimal qty,
      BigDecimal executedQty,
      BigDecimal cumulativeQuoteQty,
      String status,
      String timeInForce,
      String type,
      String side,
      BigDecimal stopPrice) {}
}
