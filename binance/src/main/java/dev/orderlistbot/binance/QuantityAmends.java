package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers an open order's quantity keeping its place in the queue ({@code PUT
 * /api/v3/order/amend/keepPriority}, weight 4) for {@link BinanceExchangeClient}.
 *
 * <p>{@code newClientOrderId} is the order's current client id: Binance's FAQ ("Is it possible to
 * reuse the current clientOrderId for my amended order? Yes.") allows it, and without it Binance
 * would give the leg a random id the bot could no longer tie to its list. Sent once; a lost answer
 * is {@link dev.orderlistbot.core.port.out.ExchangeError.OutcomeUnknown} (query the order), an
 * order Binance does not know is {@link dev.orderlistbot.core.port.out.ExchangeError.NotFound},
 * every other refusal ({@code -2038} for an increase or a pending OPO leg, {@code -1013} for
 * MAX_NUM_ORDER_AMENDS) is {@link dev.orderlistbot.core.port.out.ExchangeError.Refused} with a
 * sentence. Thread-safe.
 */
final class QuantityAmends {
  private static final Logger log = LoggerFactory.getLogger(QuantityAmends.class);

  private final Function<ApiCredentials, BinanceSession> sessions;
  private final Runnable syncClock;
  private final Runnable resync;
  private final Failures failures;

  /** The same collaborators as {@link MarketOrders}. */
  QuantityAmends(Function<ApiCredentials, BinanceSession> sessions, Runnable syncClock, Runnable resync, Failures failures) {
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.syncClock = Objects.requireNonNull(syncClock, "syncClock");
    this.resync = Objects.requireNonNull(resync, "resync");
    this.failures = Objects.requireNonNull(failures, "failures");
  }

  OrderSnapshot amend(ApiCredentials credentials, Symbol symbol, ClientOrderId order, BigDecimal newQuantity) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(newQuantity, "newQuantity");
    if (newQuantity.signum() <= 0) {
      throw new IllegalArgumentException("the new quantity must be positive");
    }
    WireParams params =
        new WireParams()
            .add("symbol", symbol.value())
            .add("origClientOrderId", order.value())
            .add("newClientOrderId", order.value())
            .add("newQty", newQuantity.toPlainString());
    BinanceSession session = sessions.apply(credentials);
    syncClock.run();
    try {
      OrderSnapshot amended = session.trading().amendKeepPriority(params.encodedQueryMap()).toDomain();
      log.info("amended {} on {} to {}", order, symbol, newQuantity.toPlainString());
      return amended;
    } catch (RuntimeException e) {
      ExchangeException failed = failures.amend(e, resync);
      log.info("amend of {} on {}: {}", order, symbol, failed.error().getClass().getSimpleName());
      throw failed;
    }
  }
}
