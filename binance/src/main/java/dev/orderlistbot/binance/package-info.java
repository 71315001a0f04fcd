/**
 * The Binance Spot adapter: the only package that may import Feign or Jackson (ArchUnit enforces
 * it). It turns Binance JSON into core types and core requests into signed HTTP calls; no raw JSON,
 * signed request or secret ever leaves it.
 *
 * <p>Public: {@link dev.orderlistbot.binance.BinanceExchangeClient} (implements the core
 * {@code ExchangeClient} port; built with {@code create}), its configuration record {@link
 * dev.orderlistbot.binance.BinanceConfig}, {@link
 * dev.orderlistbot.binance.ExchangeInfoReader}, and {@link
 * dev.orderlistbot.binance.BinanceUserDataStream} (implements the core {@code
 * OrderEventSource} port over the WebSocket API's {@code userDataStream.subscribe.signature}; no
 * listenKey anywhere). Everything else is package-private:
 *
 * <ul>
 *   <li>{@code BinanceMarketApi}, {@code BinanceTradingApi}, {@code BinanceAccountApi}: the Feign
 *       interfaces (market data unsigned; trading never retried; account reads retried once);
 *   <li>{@code BinanceClientFactory}, {@code BinanceSession}: one set of signed clients per
 *       credential set, over one shared JDK {@code HttpClient};
 *   <li>{@code BinanceSigner}, {@code PayloadSigner}, {@code WireParams}, {@code ServerClock}:
 *       signing the exact wire bytes with HMAC-SHA256, Ed25519 or RSA and Binance's time;
 *   <li>{@code OrderListParams}: order-list request to ordered parameters, one method per kind;
 *   <li>{@code BinanceErrorDecoder}, {@code BinanceError}, {@code EngineMessage}, {@code
 *       Failures}: errors decoded once by code and mapped to the core's typed outcomes;
 *   <li>{@code GuardedClient}, {@code RateLimitGate}, {@code UsageTracker}: Retry-After back-offs
 *       and usage headers;
 *   <li>{@code WeightShares}, {@code WeightWindow}, {@code WeightGuard}, {@code RequestWeights}:
 *       each user's share of the IP's request weight and the part of it kept for placing and
 *       cancelling;
 *   <li>{@code BinanceJson}: records mirroring Binance's JSON; {@code RedactingLogger}: Feign
 *       logging without queries, bodies or headers;
 *   <li>the parts behind {@code BinanceUserDataStream}, which only wires them: {@code
 *       SubscriptionRegistry} (which user on which connection: at most N per connection, {@code
 *       -2035} moves), {@code ConnectionSubscriptions} and {@code UserSubscription} (the
 *       subscriptions on one connection: requests, answers, events routed by subscription id),
 *       {@code UserDataLink}, {@code UserDataConnection} and {@code FrameRelay} (one WebSocket
 *       kept up: watchdog, reconnects, the 24-hour replacement), {@code UserDataFrames} (the
 *       requests' and frames' JSON), {@code CatchUpTrigger} (the reconciler calls), {@code
 *       Backoff}, {@code SubscriptionTimestamps};
 *   <li>{@code UserDataEvents}: {@code executionReport} / {@code listStatus} to {@code
 *       OrderListUpdate}; {@code SerialExecutor} and {@code SerialScheduler}: the stream's
 *       one-at-a-time work queue and its timers.
 * </ul>
 *
 * <p>Depends on {@code core.domain}, {@code core.rules}, {@code core.port.out}, {@code
 * core.port.in} (the stream's handler), the JDK WebSocket, Feign, Jackson,
 * Caffeine and SLF4J.
 */
package dev.orderlistbot.binance;
