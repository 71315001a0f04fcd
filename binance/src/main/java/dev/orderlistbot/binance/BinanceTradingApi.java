package dev.orderlistbot.binance;

import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import java.util.Map;

/**
 * Binance's signed TRADE endpoints. Built with {@code Retryer.NEVER_RETRY}: a lost answer must be
 * resolved by looking the list up, never by sending it again.
 */
interface BinanceTradingApi {

  /**
   * {@code POST /api/v3/orderList/oco|oto|otoco|opo|opoco} with the parameters as a form body
   * ({@link WireParams#encoded()}); the signer appends {@code recvWindow}, {@code timestamp} and
   * {@code signature} to it.
   */
  @RequestLine("POST /api/v3/orderList/{kind}")
  @Headers("Content-Type: application/x-www-form-urlencoded")
  BinanceJson.OrderList placeOrderList(@Param("kind") String kind, String form);

  /** {@code DELETE /api/v3/orderList?symbol&orderListId|listClientOrderId}. */
  @RequestLine("DELETE /api/v3/orderList")
  BinanceJson.OrderList cancelOrderList(@QueryMap Map<String, Object> params);

  /**
   * {@code POST /api/v3/order} with the parameters as a form body ({@link MarketOrderParams}); the
   * signer appends {@code recvWindow}, {@code timestamp} and {@code signature} to it.
   */
  @RequestLine("POST /api/v3/order")
  @Headers("Content-Type: application/x-www-form-urlencoded")
  OrderJson.PlacedOrder placeOrder(String form);

  /** {@code PUT /api/v3/order/amend/keepPriority?symbol&origClientOrderId&newClientOrderId&newQty}; weight 4. */
  @RequestLine("PUT /api/v3/order/amend/keepPriority")
  OrderJson.Amended amendKeepPriority(@QueryMap Map<String, Object> params);
}
