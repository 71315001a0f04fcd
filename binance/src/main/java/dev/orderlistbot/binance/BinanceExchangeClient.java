package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
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
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance Spot {@link ExchangeClient}: OpenFeign + Jackson over the JDK {@link HttpClient}, one
 * instance per environment ({@link BinanceConfig}), serving every user of the bot.
 *
 * <ul>
 *   <li>Each credential set gets its own signed clients ({@link BinanceClientFactory#session}),
 *       kept while in use and dropped after 30 minutes idle; the signature covers the exact
 *       percent-encoded bytes sent, with a timestamp from Binance's clock ({@link ServerClock}).
 *   <li>Placements are sent once; a lost answer is {@link PlacementResult.Unknown}. Reads and
 *       cancels that failed with {@code -1021} are retried once after re-measuring the clock.
 *   <li>HTTP 429/418 stop all sending (or the account's, for {@code -1015}) until {@code
 *       Retry-After}; meanwhile calls fail fast with {@link ExchangeError.RateLimited}. {@link
 *       #usage()} shows the request weight and order counts Binance reported.
 *   <li>One user's signed reads may use only a share of the IP's request weight, and no read the
 *       part kept for placing and cancelling ({@link WeightShares}); a read held back fails fast with
 *       {@link ExchangeError.HeldBack}. Placements and cancels are never held back by it.
 *   <li>Exchange rules are cached per symbol for {@link BinanceConfig#exchangeInfoTtl()}.
 * </ul>
 *
 * <p>Thread-safe. Logs paths and outcomes, never secrets, signatures or signed URLs.
 */
public final class BinanceExchangeClient implements ExchangeClient {
  private static final Logger log = LoggerFactory.getLogger(BinanceExchangeClient.class);
  private static final Duration SESSION_IDLE = Duration.ofMinutes(30);

  private final BinanceClientFactory factory;
  private final BinanceMarketApi market;
  private final ServerClock serverClock;
  private final RateLimitGate ipGate;
  private final UsageTracker usedWeight;
  private final SymbolRulesCache rules;
  private final Cache<CredentialKey, BinanceSession> sessions;
  private final Failures failures;
  private final MarketOrders marketOrders;
  private final QuantityAmends amends;
  private final KeyRestrictions restrictions;
  private final MarketFigures figures;

  private BinanceExchangeClient(
      BinanceConfig.Environment environment,
      BinanceClientFactory factory,
      BinanceMarketApi market,
      ServerClock serverClock,
      RateLimitGate ipGate,
      UsageTracker usedWeight,
      SymbolRulesCache rules,
      Cache<CredentialKey, BinanceSession> sessions,
      Failures failures,
      MarketFigures figures) {
    this.figures = figures;
    this.factory = factory;
    this.market = market;
    this.serverClock = serverClock;
    this.ipGate = ipGate;
    this.usedWeight = usedWeight;
    this.rules = rules;
    this.sessions = sessions;
    this.failures = failures;
    this.marketOrders = new MarketOrders(this::session, this::syncClock, this::resyncQuietly, failures);
    this.amends = new QuantityAmends(this::session, this::syncClock, this::resyncQuietly, failures);
    this.restrictions = new KeyRestrictions(environment, this::session, this::syncClock, failures);
  }

  /**
   * A client for one environment.
   *
   * @param config environment, base URL, recvWindow, timeouts and cache settings
   * @param http the shared JDK HTTP client (owned by the app; give it the same connect timeout)
   * @param json a Jackson mapper; it is copied and configured for Binance (decimals as {@code
   *     BigDecimal}, unknown fields ignored), the caller's instance is not changed
   * @param clock the host clock; timestamps are corrected by Binance's server time
   */
  public static BinanceExchangeClient create(BinanceConfig config, HttpClient http, ObjectMapper json, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    ObjectMapper mapper = BinanceJson.configure(json);
    RateLimitGate ipGate = new RateLimitGate(clock);
    UsageTracker usedWeight = new UsageTracker(UsageTracker.USED_WEIGHT);
    WeightShares shares = new WeightShares(clock, config.weightBudget());
    BinanceClientFactory factory = new BinanceClientFactory(config, http, mapper, clock, ipGate, usedWeight, shares);
    BinanceMarketApi market = factory.market();
    ServerClock serverClock = new ServerClock(clock, () -> market.time().serverTime(), config.clockResyncInterval());
    SymbolRulesCache rules =
        new SymbolRulesCache(market, new ExchangeInfoReader(mapper), clock, config.exchangeInfoTtl(), shares::limitPerMinute);
    Cache<CredentialKey, BinanceSession> sessions =
        Caffeine.newBuilder().ticker(SymbolRulesCache.ticker(clock)).expireAfterAccess(SESSION_IDLE).maximumSize(10_000).build();
    return new BinanceExchangeClient(
        config.environment(),
        factory, market, serverClock, ipGate, usedWeight, rules, sessions, new Failures(clock), new MarketFigures(market, clock));
  }

  /** This client's view of Binance's clock, shared with the user data stream. */
  ServerClock serverClock() {
    return serverClock;
  }

  /** A client with a fresh Jackson mapper. */
  public static BinanceExchangeClient create(BinanceConfig config, HttpClient http, Clock clock) {
    return create(config, http, new ObjectMapper(), clock);
  }

  /** The IP-wide usage: request weight and any back-off that stops all sending. */
  public BinanceUsage usage() {
    return new BinanceUsage(usedWeight.snapshot(), Map.of(), ipGate.closedUntil());
  }

  /** The usage as seen by one account: also its order counts and its own back-off. */
  public BinanceUsage usage(ApiCredentials credentials) {
    BinanceSession session = session(credentials);
    Optional<Instant> until = RateLimitGate.later(ipGate.closedUntil(), session.accountGate().closedUntil());
    return new BinanceUsage(usedWeight.snapshot(), session.orderCount().snapshot(), until);
  }

  @Override
  public SymbolRules rules(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return market(() -> rules.get(symbol));
  }

  @Override
  public List<Symbol> tradingSymbols() {
    return market(rules::tradingSymbols);
  }

  @Override
  public Price lastPrice(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return market(() -> new Price(market.tickerPrice(symbol.value()).price()));
  }

  @Override
  public Optional<Price> referencePrice(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    try {
      return Optional.ofNullable(market(() -> market.referencePrice(symbol.value()).referencePrice())).map(Price::new);
    } catch (ExchangeException e) {
      if (e.error() instanceof ExchangeError.Refused refused && refused.code() == BinanceError.NO_REFERENCE_PRICE.code()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public AveragePrice averagePrice(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    BinanceJson.AvgPrice average = market(() -> market.avgPrice(symbol.value()));
    return new AveragePrice(new Price(average.price()), average.mins());
  }

  @Override
  public Instant serverTime() {
    return market(() -> Instant.ofEpochMilli(market.time().serverTime()));
  }

  @Override
  public Balances balances(ApiCredentials credentials) {
    return read(credentials, session -> session.account().account().toDomain());
  }

  @Override
  public PlacementResult place(ApiCredentials credentials, OrderListRequest request, ClientListId clientListId) {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(clientListId, "clientListId");
    WireParams params = OrderListParams.of(request, clientListId);
    BinanceSession session;
    try {
      session = session(credentials);
      syncClock();
    } catch (ExchangeException e) {
      return new PlacementResult.Rejected(e.error());
    }
    try {
      BinanceJson.OrderList placed = session.trading().placeOrderList(OrderListParams.pathSegment(request.kind()), params.encoded());
      log.info("placed {} {} as order list {} ({})", request.kind(), request.symbol(), placed.orderListId(), clientListId);
      return new PlacementResult.Accepted(placed.toDomain());
    } catch (RuntimeException e) {
      PlacementResult outcome = failures.placement(e, clientListId, this::resyncQuietly);
      log.info("{} {} ({}): {}", request.kind(), request.symbol(), clientListId, outcome.getClass().getSimpleName());
      return outcome;
    }
  }

  @Override
  public PlacedOrderList cancel(ApiCredentials credentials, Symbol symbol, OrderListRef list) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(list, "list");
    BinanceSession session = session(credentials);
    syncClock();
    WireParams params = new WireParams().add("symbol", symbol.value());
    switch (list) {
      case OrderListRef.ById byId -> params.add("orderListId", byId.id().toString());
      case OrderListRef.ByClientId byClient -> params.add("listClientOrderId", byClient.clientId().value());
    }
    return onceMoreAfterClockSkew(
        () -> session.trading().cancelOrderList(params.encodedQueryMap()).toDomain(),
        e -> failures.trading(e, this::resyncQuietly));
  }

  @Override
  public Optional<PlacedOrderList> orderList(ApiCredentials credentials, OrderListRef list) {
    Objects.requireNonNull(list, "list");
    WireParams params = new WireParams();
    switch (list) {
      case OrderListRef.ById byId -> params.add("orderListId", byId.id().toString());
      case OrderListRef.ByClientId byClient -> params.add("origClientOrderId", byClient.clientId().value());
    }
    Optional<PlacedOrderList> found =
        Failures.emptyIfUnknown(() -> read(credentials, session -> session.account().orderList(params.encodedQueryMap()).toDomain()));
    if (found.isPresent() || !(list instanceof OrderListRef.ByClientId byClient)) {
      return found;
    }
    // GET /api/v3/orderList reads a database that can lag a fresh placement; open lists come from memory first
    return openOrderLists(credentials).stream().filter(open -> open.clientId().equals(byClient.clientId())).findFirst();
  }

  @Override
  public List<PlacedOrderList> openOrderLists(ApiCredentials credentials) {
    return read(
        credentials, session -> session.account().openOrderLists().stream().map(BinanceJson.OrderList::toDomain).toList());
  }

  @Override
  public List<OpenOrder> openOrders(ApiCredentials credentials, Optional<Symbol> symbol) {
    Objects.requireNonNull(symbol, "symbol");
    WireParams params = new WireParams();
    symbol.ifPresent(one -> params.add("symbol", one.value()));
    return read(
        credentials,
        session -> session.account().openOrders(params.encodedQueryMap()).stream().map(BinanceJson.OpenOrderEntry::toDomain).toList());
  }

  @Override
  public Optional<OrderSnapshot> order(ApiCredentials credentials, Symbol symbol, OrderRef order) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(order, "order");
    WireParams params = new WireParams().add("symbol", symbol.value());
    switch (order) {
      case OrderRef.ById byId -> params.add("orderId", Long.toString(byId.orderId()));
      case OrderRef.ByClientId byClient -> params.add("origClientOrderId", byClient.clientId().value());
    }
    return Failures.emptyIfUnknown(() -> read(credentials, session -> session.account().order(params.encodedQueryMap()).toDomain()));
  }

  /** A signed read, retried once after {@code -1021} with a re-measured clock. */
  private <T> T read(ApiCredentials credentials, Function<BinanceSession, T> call) {
    BinanceSession session = session(credentials);
    syncClock();
    return onceMoreAfterClockSkew(() -> call.apply(session), failures::read);
  }

  /**
   * {@code call}, sent once more after Binance refused it with {@code -1021} (a timestamp outside
   * recvWindow, refused before it reached the matching engine) and the clock was re-measured; any
   * other failure, or a second one, becomes what {@code failed} makes of it.
   */
  private <T> T onceMoreAfterClockSkew(Supplier<T> call, Function<RuntimeException, ExchangeException> failed) {
    try {
      return call.get();
    } catch (BinanceCallException e) {
      if (!e.sent() || BinanceError.kindOf(e.code()) != BinanceError.Kind.CLOCK) {
        throw failed.apply(e);
      }
      resyncQuietly();
      try {
        return call.get();
      } catch (RuntimeException again) {
        throw failed.apply(again);
      }
    } catch (RuntimeException e) {
      throw failed.apply(e);
    }
  }

  /** An unsigned market call. */
  private <T> T market(Supplier<T> call) {
    try {
      return call.get();
    } catch (CompletionException e) {
      throw failures.read(e.getCause() instanceof RuntimeException cause ? cause : e);
    } catch (RuntimeException e) {
      throw failures.read(e);
    }
  }

  private BinanceSession session(ApiCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    try {
      return sessions.get(CredentialKey.of(credentials), key -> factory.session(credentials, serverClock::nowMillis));
    } catch (IllegalArgumentException e) {
      // PayloadSigner's messages name the expected key kind and never contain key material
      throw new ExchangeException(
          new ExchangeError.CredentialsRejected(ExchangeError.NO_CODE, "Your stored key can't be used: " + e.getMessage() + "."));
    }
  }

  private void syncClock() {
    try {
      serverClock.ensureSynced();
    } catch (RuntimeException e) {
      throw failures.read(e);
    }
  }

  private void resyncQuietly() {
    try {
      serverClock.resync();
    } catch (RuntimeException e) {
      log.warn("could not re-measure Binance's clock after -1021 ({})", e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "BinanceExchangeClient";
  }

  @Override
  public Map<Symbol, Price> lastPrices() {
    return market(() -> OrderJson.prices(market.tickerPrices()));
  }

  @Override
  public Optional<BigDecimal> quoteVolume24h(Symbol symbol) {
    return Optional.of(market(() -> figures.quoteVolume(Objects.requireNonNull(symbol, "symbol"))));
  }

  @Override
  public List<Candle> candles(Symbol symbol, CandleInterval interval, int count) {
    int checked = Klines.checked(count);
    return market(() -> figures.candles(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(interval, "interval"), checked));
  }

  /** Standard plus tax (plus special) rate; a BNB discount is not assumed ({@link OrderJson.Commission}). */
  @Override
  public TradeFees tradeFees(ApiCredentials credentials, Symbol symbol) {
    WireParams params = new WireParams().add("symbol", Objects.requireNonNull(symbol, "symbol").value());
    return read(credentials, session -> session.account().commission(params.encodedQueryMap()).toDomain());
  }

  @Override
  public MarketOrderResult placeMarket(ApiCredentials credentials, MarketOrderRequest request, ClientOrderId clientOrderId) {
    return marketOrders.place(credentials, request, clientOrderId);
  }

  @Override
  public OrderSnapshot amendQuantity(ApiCredentials credentials, Symbol symbol, ClientOrderId order, BigDecimal newQuantity) {
    return amends.amend(credentials, symbol, order, newQuantity);
  }

  @Override
  public KeyPostureAnswer keyPosture(ApiCredentials credentials) {
    return restrictions.read(credentials);
  }
}
