package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.port.out.TradeFees;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.paper.PaperExchange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The exchange as the bot reaches it over REST: the paper exchange (Binance's list semantics) behind
 * the faults of a network. Each call is a blocking call (other simulated threads may run while it
 * waits) and a place where the bot may die, before or after the exchange acted. API keys map to
 * accounts, so two users can share one. Counts every placement sent per client id, for the
 * at-most-once invariant.
 */
final class SimExchange implements ExchangeClient {
  private static final double YIELD = 0.5;

  private final PaperExchange paper;
  private final StreamHub stream;
  private final SimScheduler scheduler;
  private final Faults faults;
  private final Map<String, String> accountOfKey;
  private final Map<String, Integer> placements = new LinkedHashMap<>();
  private final Map<String, BigDecimal> ocoSizes = new LinkedHashMap<>();
  private final Set<String> watchedAccounts = new HashSet<>();

  /** @param accountOfKey API key to account, for keys that do not have an account of their own */
  SimExchange(PaperExchange paper, StreamHub stream, SimScheduler scheduler, Faults faults, Map<String, String> accountOfKey) {
    this.paper = paper;
    this.stream = stream;
    this.scheduler = scheduler;
    this.faults = faults;
    this.accountOfKey = Map.copyOf(accountOfKey);
  }

  /** How many times each client list id was sent to the exchange. */
  Map<String, Integer> placements() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(placements));
  }

  String accountOf(String apiKey) {
    return accountOfKey.getOrDefault(apiKey, apiKey);
  }

  /** The account's credentials, as the world (not the bot) uses them to look. */
  ApiCredentials account(String account) {
    if (watchedAccounts.add(account)) {
      paper.watch(new UserRef("account", account), credentials(account));
    }
    return credentials(account);
  }

  private ApiCredentials account(ApiCredentials credentials) {
    return account(accountOf(credentials.apiKey()));
  }

  private static ApiCredentials credentials(String account) {
    return new ApiCredentials(KeyType.HMAC, account, Secret.of("paper"));
  }

  @Override
  public SymbolRules rules(Symbol symbol) {
    return paper.rules(symbol);
  }

  @Override
  public List<Symbol> tradingSymbols() {
    return paper.tradingSymbols();
  }

  @Override
  public Price lastPrice(Symbol symbol) {
    return call("last price", () -> paper.lastPrice(symbol));
  }

  // The preview's new reads (the band's centre, the open orders) pass straight through, with no
  // fault or yield point: they change nothing on the exchange and their failures are the engine
  // tests' concern. (Its open-list count goes through openOrderLists, faults and all.)

  @Override
  public Optional<Price> referencePrice(Symbol symbol) {
    return paper.referencePrice(symbol);
  }

  @Override
  public AveragePrice averagePrice(Symbol symbol) {
    return paper.averagePrice(symbol);
  }

  @Override
  public List<OpenOrder> openOrders(ApiCredentials credentials, Optional<Symbol> symbol) {
    return paper.openOrders(account(credentials), symbol);
  }

  @Override
  public Instant serverTime() {
    return paper.serverTime();
  }

  @Override
  public Balances balances(ApiCredentials credentials) {
    return call("balances", () -> paper.balances(account(credentials)));
  }

  @Override
  public PlacementResult place(ApiCredentials credentials, OrderListRequest request, ClientListId clientListId) {
    placements.merge(clientListId.value(), 1, Integer::sum);
    if (request instanceof OrderListRequest.Oco oco) {
      ocoSizes.putIfAbsent(clientListId.value(), oco.quantity().value());
    }
    blocking("before placing " + clientListId.value());
    if (faults.strikes(Fault.PLACE_LOST, 0.1)) {
      return new PlacementResult.Unknown(clientListId, -1007, "Timeout waiting for response from backend server.");
    }
    PlacementResult result = paper.place(account(credentials), request, clientListId);
    blocking("after placing " + clientListId.value());
    if (result instanceof PlacementResult.Accepted && faults.strikes(Fault.PLACE_UNKNOWN_AFTER_EXECUTING, 0.15)) {
      if (scheduler.random().nextBoolean()) {
        throw new IllegalStateException("connection reset while reading the answer");
      }
      return new PlacementResult.Unknown(clientListId, -1007, "Timeout waiting for response from backend server.");
    }
    return result;
  }

  @Override
  public PlacedOrderList cancel(ApiCredentials credentials, Symbol symbol, OrderListRef list) {
    blocking("before cancelling");
    if (faults.strikes(Fault.CANCEL_FAILURE, 0.4)) {
      throw new ExchangeException(cancelFailure());
    }
    PlacedOrderList cancelled = paper.cancel(account(credentials), symbol, list);
    blocking("after cancelling");
    if (faults.strikes(Fault.CANCEL_UNKNOWN_AFTER_EXECUTING, 0.2)) {
      throw new ExchangeException(new ExchangeError.OutcomeUnknown(-1007, "Timeout waiting for response from backend server."));
    }
    return cancelled;
  }

  /** Why a cancel did nothing, as the Binance adapter reports it. */
  private ExchangeError cancelFailure() {
    return switch (scheduler.random().nextInt(3)) {
      case 0 -> new ExchangeError.Unavailable("the exchange did not answer");
      case 1 -> new ExchangeError.RateLimited(-1003, scheduler.clock().instant().plusSeconds(30), "Too many requests.");
      default -> new ExchangeError.Refused(-1021, "Timestamp for this request is outside of the recvWindow.");
    };
  }

  @Override
  public Optional<PlacedOrderList> orderList(ApiCredentials credentials, OrderListRef list) {
    return lookup("order list", () -> paper.orderList(account(credentials), list));
  }

  @Override
  public List<PlacedOrderList> openOrderLists(ApiCredentials credentials) {
    return lookup("open order lists", () -> paper.openOrderLists(account(credentials)));
  }

  @Override
  public Optional<OrderSnapshot> order(ApiCredentials credentials, Symbol symbol, OrderRef order) {
    return lookup("order", () -> paper.order(account(credentials), symbol, order));
  }

  private <T> T lookup(String what, Supplier<T> query) {
    blocking("before asking for the " + what);
    if (faults.strikes(Fault.LOOKUP_FAILURE, 0.1)) {
      throw new ExchangeException(new ExchangeError.Unavailable("the exchange did not answer"));
    }
    return call(what, query);
  }

  private <T> T call(String what, Supplier<T> work) {
    T result = work.get();
    blocking("after asking for the " + what);
    return result;
  }

  private void blocking(String where) {
    faults.crashPoint(where);
    scheduler.yieldPoint(YIELD);
  }

  /** The lists open on {@code user}'s account now, as the trader sees them in the exchange's app. */
  List<PlacedOrderList> openLists(UserRef user) {
    return paper.openOrderLists(account(accountOf(keyOf(user))));
  }

  /** The API key the engine signs a paper user's calls with. */
  static String keyOf(UserRef user) {
    return "paper-" + user.platform() + "-" + user.userId();
  }

  /** The size an OCO was sent with, before any amend reduced it. */
  Optional<BigDecimal> ocoSizeAsSent(ClientListId clientListId) {
    return Optional.ofNullable(ocoSizes.get(clientListId.value()));
  }

  /** The world's view of an account's list, no faults. */
  Optional<PlacedOrderList> truth(String account, ClientListId clientListId) {
    return paper.orderList(account(account), OrderListRef.of(clientListId));
  }

  /** The world's view of one order of an account (a list's leg, a market order), no faults. */
  Optional<OrderSnapshot> truth(String account, Symbol symbol, OrderRef order) {
    return paper.order(account(account), symbol, order);
  }

  StreamHub stream() {
    return stream;
  }

  @Override
  public Map<Symbol, Price> lastPrices() {
    return call("last prices", paper::lastPrices);
  }

  /** The paper exchange's candles. */
  @Override
  public List<dev.orderlistbot.core.chart.Candle> candles(
      Symbol symbol, dev.orderlistbot.core.chart.CandleInterval interval, int count) {
    return call("candles", () -> paper.candles(symbol, interval, count));
  }

  /** The paper exchange's answer (none: the liquidity guard is skipped on paper). */
  @Override
  public Optional<BigDecimal> quoteVolume24h(Symbol symbol) {
    return call("24-hour volume", () -> paper.quoteVolume24h(symbol));
  }

  /** The paper exchange's configured commission: a read with no fault, like the preview's. */
  @Override
  public TradeFees tradeFees(ApiCredentials credentials, Symbol symbol) {
    return paper.tradeFees(account(credentials), symbol);
  }

  /**
   * A MARKET order, sent once, with a placement's faults: lost before reaching the exchange, or
   * executed with its answer lost (an Unknown, or a reset connection).
   */
  @Override
  public MarketOrderResult placeMarket(ApiCredentials credentials, MarketOrderRequest request, ClientOrderId clientOrderId) {
    blocking("before the market order " + clientOrderId.value());
    if (faults.strikes(Fault.PLACE_LOST, 0.1)) {
      return new MarketOrderResult.Unknown(clientOrderId, -1007, "Timeout waiting for response from backend server.");
    }
    MarketOrderResult result = paper.placeMarket(account(credentials), request, clientOrderId);
    blocking("after the market order " + clientOrderId.value());
    if (result instanceof MarketOrderResult.Executed && faults.strikes(Fault.PLACE_UNKNOWN_AFTER_EXECUTING, 0.15)) {
      if (scheduler.random().nextBoolean()) {
        throw new IllegalStateException("connection reset while reading the answer");
      }
      return new MarketOrderResult.Unknown(clientOrderId, -1007, "Timeout waiting for response from backend server.");
    }
    return result;
  }

  /**
   * A keep-priority amend on the paper exchange (Binance's rules, refusals included), with crash
   * points before and after; the simulation injects no network fault into amends yet.
   */
  @Override
  public OrderSnapshot amendQuantity(ApiCredentials credentials, Symbol symbol, ClientOrderId order, BigDecimal newQuantity) {
    blocking("before amending " + order.value());
    OrderSnapshot amended = paper.amendQuantity(account(credentials), symbol, order, newQuantity);
    blocking("after amending " + order.value());
    return amended;
  }

  /** The simulated traders' keys are paper accounts: the paper exchange says it has nothing to read. */
  @Override
  public KeyPostureAnswer keyPosture(ApiCredentials credentials) {
    return paper.keyPosture(account(credentials));
  }
}
