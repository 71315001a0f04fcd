package dev.orderlistbot.binance;

import feign.QueryMap;
import feign.RequestLine;
import java.util.List;
import java.util.Map;

/** Binance's signed USER_DATA reads: they change nothing, so a lost answer may be asked again. */
interface BinanceAccountApi {

  @RequestLine("GET /api/v3/account")
  BinanceJson.Account account();

  /** {@code orderListId} or {@code origClientOrderId} (which names the list's client id). */
  @RequestLine("GET /api/v3/orderList")
  BinanceJson.OrderList orderList(@QueryMap Map<String, Object> params);

  @RequestLine("GET /api/v3/openOrderList")
  List<BinanceJson.OrderList> openOrderLists();

  /** {@code symbol} (weight 6), or nothing for every symbol (weight 80). */
  @RequestLine("GET /api/v3/openOrders")
  List<BinanceJson.OpenOrderEntry> openOrders(@QueryMap Map<String, Object> params);

  /** {@code symbol}; weight 20. */
  @RequestLine("GET /api/v3/account/commission")
  OrderJson.Commission commission(@QueryMap Map<String, Object> params);

  /** What the signing key may do (live exchange only: Testnet has no {@code /sapi}); weight 1 (IP). */
  @RequestLine("GET /sapi/v1/account/apiRestrictions")
  RestrictionsJson apiRestrictions();

  /** {@code symbol} and {@code orderId} or {@code origClientOrderId}. */
  @RequestLine("GET /api/v3/order")
  BinanceJson.Order order(@QueryMap Map<String, Object> params);
}
