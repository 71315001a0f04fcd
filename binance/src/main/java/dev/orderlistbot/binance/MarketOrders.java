package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places MARKET orders ({@code POST /api/v3/order}, {@code type=MARKET}) for {@link
 * BinanceExchangeClient}. Like an order list, a MARKET order is sent <em>once</em>: a lost answer
 * (timeout, reset, HTTP 5xx, {@code -1000}/{@code -1001}/{@code -1006}/{@code -1007}) is {@link
 * MarketOrderResult.Unknown}, to be resolved by looking the order up by its client id; a refusal is
 * {@link MarketOrderResult.Rejected} with the mapped error. Thread-safe.
 */
final class MarketOrders {
  private static final Logger log = LoggerFactory.getLogger(MarketOrders.class);

  private final Function<ApiCredentials, BinanceSession> sessions;
  private final Runnable syncClock;
  private final Runnable resync;
  private final Failures failures;

  /**
   * @param sessions the signed clients of a credential set (throws {@link ExchangeException} for
   *     an unusable key)
   * @param syncClock measures Binance's clock when due (throws {@link ExchangeException})
   * @param resync re-measures it after {@code -1021}, quietly
   */
  MarketOrders(Function<ApiCredentials, BinanceSession> sessions, Runnable syncClock, Runnable resync, Failures failures) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.syncClock = Objects.requireNonNull(syncClock, "syncClock");
    this.resync = Objects.requireNonNull(resync, "resync");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  MarketOrderResult place(ApiCredentials credentials, MarketOrderRequest request, ClientOrderId clientOrderId) {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    WireParams params = MarketOrderParams.of(request, clientOrderId);
    BinanceSession session;
    try {
      session = sessions.apply(credentials);
      syncClock.run();
    } catch (ExchangeException e) {
      return new MarketOrderResult.Rejected(e.error());
    }
    try {
      OrderJson.PlacedOrder placed = session.trading().placeOrder(params.encoded());
      log.info("market {} {} {} placed as order {} ({})", request.side(), request.quantity().toPlainString(), request.symbol(), placed.orderId(), clientOrderId);
      return new MarketOrderResult.Executed(placed.toDomain());
    } catch (RuntimeException e) {
      MarketOrderResult outcome = failures.marketOrder(e, clientOrderId, resync);
      log.info("market {} {} ({}): {}", request.side(), request.symbol(), clientOrderId, outcome.getClass().getSimpleName());
      return outcome;
    }
  }
}
