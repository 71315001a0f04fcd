package dev.orderlistbot.binance;

import feign.Request;
import feign.Response;

/**
 * What a {@link GuardedClient} asks before sending a request and tells after its answer, to keep
 * the IP's request weight shared fairly ({@link WeightShares}).
 */
interface WeightGuard {

  /**
   * Counts the request's weight, or refuses it before anything is sent.
   *
   * @throws dev.orderlistbot.core.port.out.ExchangeException with {@code ExchangeError.HeldBack}
   *     when it may not be sent now
   */
  void beforeSending(Request request);

  /** Reads the usage Binance reported on the answer. */
  void answered(Response response);
}
