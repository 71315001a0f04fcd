package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A spot exchange that takes order lists, on behalf of many users, each with their own API key.
 * Implemented by the Binance adapter ({@code BinanceExchangeClient}) and, later, a paper exchange.
 *
 * <p><b>Contract.</b> Market data ({@link #rules}, {@link #lastPrice}, {@link #referencePrice},
 * {@link #averagePrice}, {@link #serverTime}) needs no key. Every account call takes the {@link
 * ApiCredentials} of the user on whose behalf it is made; the implementation signs with exactly
 * those and keeps nothing of them but what signing needs.
 * Nothing that leaves this interface contains a secret, a signature, a signed URL or raw JSON.
 *
 * <p><b>Placing.</b> {@link #place} never throws for an exchange outcome: it answers a {@link
 * PlacementResult}. It sends the list <em>once</em> (never retried automatically) with {@code
 * listClientOrderId = clientListId} and leg ids {@code clientListId.legId(role)} ({@code -w},
 * {@code -tp}, {@code -sl}). On {@link PlacementResult.Unknown}, resolve with {@code
 * orderList(credentials, OrderListRef.of(clientListId))} before telling the user anything.
 *
 * <p><b>Failures.</b> Every other method throws {@link ExchangeException} (unchecked) carrying a
 * typed {@link ExchangeError}: the exchange refused the request, the bot is rate limited until a
 * given instant, the key was rejected, the exchange was unreachable, or (for a cancel) the outcome
 * is unknown. No HTTP-library exception crosses this interface. "Not found" is not a failure: the
 * lookups answer {@link Optional#empty()}.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe; one instance serves every user and
 * chat concurrently. Calls block the calling thread (use virtual threads); none is cancellable.
 *
 * <p>Example: {@code place(alice, new Oco(BTCUSDT, 0.01, OcoPair(SELL, LimitMaker 32000,
 * StopLossLimit 29000/28900 GTC)), ClientListId.forKey("7f3a9c"))} sends {@code POST
 * /api/v3/orderList/oco} with {@code listClientOrderId=ob-7f3a9c}, {@code
 * aboveClientOrderId=ob-7f3a9c-tp} and {@code belowClientOrderId=ob-7f3a9c-sl}.
 */
public interface ExchangeClient {

  /** The symbol's exchange rules (status, permitted types, filters); cached by implementations. */
  SymbolRules rules(Symbol symbol);

  /**
   * The symbols on which an order list can be placed now (status TRADING, OCO allowed), sorted by
   * name: what chat adapters offer as completions. Cached by implementations; fails like {@link
   * #rules}.
   */
  List<Symbol> tradingSymbols();

  /** The last traded price, which OCO legs are compared with. */
  Price lastPrice(Symbol symbol);

  /**
   * The symbol's reference price, which Binance builds PERCENT_PRICE bands around when there is one;
   * empty when the symbol has none now or never had one ({@code -2043}). No key needed.
   */
  Optional<Price> referencePrice(Symbol symbol);

  /**
   * The symbol's average price over its {@code avgPriceMins}, which the bands are built around when
   * there is no reference price. No key needed.
   */
  AveragePrice averagePrice(Symbol symbol);

  /** The exchange's clock (the bot keeps its own requests' timestamps in step with it). */
  Instant serverTime();

  /** The account's free and locked balance per asset. */
  Balances balances(ApiCredentials credentials);

  /**
   * Places an order list once. See the class comment for the ids it carries and how to handle
   * {@link PlacementResult.Unknown}.
   */
  PlacementResult place(ApiCredentials credentials, OrderListRequest request, ClientListId clientListId);

  /**
   * Cancels a whole order list and answers it as cancelled. Throws {@link ExchangeException} with
   * {@link ExchangeError.NotFound} when there is nothing to cancel (the exchange does not know the
   * list, or it already filled, expired or was cancelled), and with {@link
   * ExchangeError.OutcomeUnknown} when the answer was lost. Any other error (a refusal, a rate
   * limit, a rejected key, an unreachable exchange) means the list was not cancelled and may still
   * be working. A request refused because the clock was out of step is sent once more after
   * re-measuring it.
   */
  PlacedOrderList cancel(ApiCredentials credentials, Symbol symbol, OrderListRef list);

  /**
   * One order list with its leg ids (not their states; see {@link #order}), or empty if the
   * exchange does not know it. Looking up by client id also checks the open lists, because the
   * by-id lookup reads a database that can lag behind a placement that just happened.
   */
  Optional<PlacedOrderList> orderList(ApiCredentials credentials, OrderListRef list);

  /** The account's open order lists, on every symbol. */
  List<PlacedOrderList> openOrderLists(ApiCredentials credentials);

  /**
   * The account's open orders on {@code symbol}, or on every symbol when it is empty. On Binance the
   * second costs 80 request weight against 6, so ask for every symbol only when an account-wide
   * limit needs it.
   */
  List<OpenOrder> openOrders(ApiCredentials credentials, Optional<Symbol> symbol);

  /** One order's state (e.g. a leg of a list), or empty if the exchange does not know it. */
  Optional<OrderSnapshot> order(ApiCredentials credentials, Symbol symbol, OrderRef order);

  /**
   * The last price of every symbol, in one request (Binance: {@code GET /api/v3/ticker/price}
   * without a symbol, weight 4): to value an account's assets in one quote asset.
   */
  Map<Symbol, Price> lastPrices();

  /**
   * The account's maker and taker commission on {@code symbol} (Binance: {@code GET
   * /api/v3/account/commission}); the paper exchange answers its configured fee.
   */
  TradeFees tradeFees(ApiCredentials credentials, Symbol symbol);

  /**
   * Places a MARKET order once, with {@code newClientOrderId = clientOrderId}; never retried
   * automatically. See {@link MarketOrderResult} for an unknown outcome.
   */
  MarketOrderResult placeMarket(ApiCredentials credentials, MarketOrderRequest request, ClientOrderId clientOrderId);

  /**
   * Reduces an open order's quantity to {@code newQuantity} keeping its place in the queue (Binance:
   * {@code PUT /api/v3/order/amend/keepPriority} with {@code newClientOrderId} equal to the current
   * one, so the bot still knows the leg). On a leg of an OCO the exchange reduces both legs. Answers
   * the amended order. Throws {@link ExchangeException}: {@link ExchangeError.Refused} when the
   * exchange refused it (an increase, too many amends, a pending OPO leg, ...), {@link
   * ExchangeError.NotFound} when the order is no longer open, {@link ExchangeError.OutcomeUnknown}
   * when the answer was lost (query the order to see which quantity it has).
   */
  OrderSnapshot amendQuantity(ApiCredentials credentials, Symbol symbol, ClientOrderId order, BigDecimal newQuantity);

  /**
   * What the key may do beyond trading Spot: withdrawals, margin, futures, and whether it is bound
   * to whitelisted IP addresses (Binance: {@code GET /sapi/v1/account/apiRestrictions}, signed,
   * weight 1). An environment that cannot tell answers {@link KeyPostureAnswer.NotChecked} with why,
   * sending nothing where it is known to have no such endpoint; a failed call throws {@link
   * ExchangeException}.
   */
  KeyPostureAnswer keyPosture(ApiCredentials credentials);

  /**
   * How much of the quote asset {@code symbol} traded in the last 24 hours (Binance: {@code GET
   * /api/v3/ticker/24hr?symbol=...}, weight 2, {@code quoteVolume}), for the liquidity guard; empty
   * when this exchange has no such figure (the paper exchange). Throws {@link ExchangeException}
   * when the exchange does not answer.
   */
  Optional<BigDecimal> quoteVolume24h(Symbol symbol);

  /**
   * The last {@code count} candles of {@code symbol} at {@code interval}, oldest first, the newest
   * still forming (Binance: {@code GET /api/v3/klines}, weight 2, at most 1000; cached a few seconds).
   * The paper exchange answers from the one-minute candles of its own prices. Throws {@link
   * ExchangeException} when the exchange does not answer.
   */
  List<Candle> candles(Symbol symbol, CandleInterval interval, int count);
}
