package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.port.out.MarketOrderRequest;

/**
 * The parameters of {@code POST /api/v3/order} for a MARKET order, in a fixed order. {@code
 * newOrderRespType=FULL} makes the answer carry what filled and for how much quote. The signer
 * appends {@code recvWindow}, {@code timestamp} and {@code signature}.
 *
 * <p>Example: {@code symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&newClientOrderId=ob-7f3a9c-mk&newOrderRespType=FULL}.
 */
final class MarketOrderParams {
  private MarketOrderParams() {}

  static WireParams of(MarketOrderRequest request, ClientOrderId clientOrderId) {
    return new WireParams()
        .add("symbol", request.symbol().value())
        .add("side", request.side().name())
        .add("type", "MARKET")
        .add("quantity", request.quantity().toPlainString())
        .add("newClientOrderId", clientOrderId.value())
        .add("newOrderRespType", "FULL");
  }
}
