/**
 * The paper exchange: an in-memory Binance Spot stand-in that takes the five order-list kinds,
 * refuses what Binance refuses with Binance's codes, matches against a price feed (a seeded random
 * walk or prices set by hand) and emits the events a Binance user data stream would carry. It is the
 * default when {@code BINANCE_ENV=paper}, so a newcomer trades with no account, key or network.
 *
 * <p>Public: {@link dev.orderlistbot.paper.PaperExchange} (implements {@code
 * ExchangeClient}, {@code OrderEventSource} and {@code PaperControl}; built with {@code create}) and
 * its settings {@link dev.orderlistbot.paper.PaperConfig}. Everything else is
 * package-private:
 *
 * <ul>
 *   <li>{@code Markets}: the four listed pairs with Binance's published filters, written out in
 *       Java (this module reads no JSON; the app's tests hold them equal to Binance's document);
 *   <li>{@code Book}, {@code Account}, {@code PaperList}, {@code PaperLeg}: the mutable state, guarded
 *       by the exchange's one lock;
 *   <li>{@code MatchingEngine}, {@code ListFactory}, {@code Admission}, {@code FilterChecks}, {@code
 *       Holds}, {@code Matcher}, {@code Events}, {@code Refusals}: placing, checking, locking,
 *       matching and reporting;
 *   <li>{@code StateCodec}, {@code Fields}: the versioned line-based text the state is saved as;
 *   <li>{@code PriceWalk}: one step of the random walk.
 * </ul>
 *
 * <p>Depends on bot-core ({@code core.domain}, {@code core.rules}, {@code core.port}) and SLF4J
 * only.
 */
package dev.orderlistbot.paper;
