package dev.orderlistbot.paper;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Price;
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
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import dev.orderlistbot.core.port.out.OrderEventSource;
import dev.orderlistbot.core.port.out.PaperControl;
import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.port.out.TradeFees;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory exchange that follows Binance Spot's order-list semantics, so anyone can trade on
 * paper with no account, no key and no network ({@code BINANCE_ENV=paper}).
 *
 * <ul>
 *   <li><b>Markets</b>: BTCUSDT, ETHUSDT, BNBUSDT and SOLUSDT with Binance's filters (a bundled
 *       copy of {@code exchangeInfo}); other symbols are refused with {@code -1121}.
 *   <li><b>Accounts</b> are keyed by API key (any key works; the engine uses per-user keys such as
 *       {@code paper-telegram-42}) and open with {@link PaperConfig#startingBalances()}.
 *   <li><b>Placing</b> refuses what Binance would refuse, with Binance's codes (filters {@code
 *       -1013}, OCO prices {@code -1165}/{@code -1166}/{@code -1196}..{@code -1199}, engine reasons
 *       {@code -2010}, see {@code Admission}), locks funds, and answers the list as accepted. Ids are
 *       those the Binance adapter sends: {@code listClientOrderId = clientListId}, legs {@code
 *       clientListId.legId(role)}.
 *   <li><b>Matching</b> runs on every price change ({@link #setPrice} or the random walk), list by
 *       list, oldest first; see {@code Matcher} for fill prices, triggers, trailing stops and the
 *       OCO/OTO rules. Fills are whole and pay {@link PaperConfig#fees()} in the asset received.
 *   <li><b>Events</b> go to the {@link OrderUpdateHandler} as a Binance user data stream would carry
 *       them, for the user {@link #watch watching} the account; events of an account nobody watches
 *       still change its balances but are not delivered (nor replayed later). They are delivered in
 *       order, outside the exchange's lock, before the call that caused them returns. Event ids
 *       ({@code paper-<epoch>-<n>}) never repeat.
 *   <li><b>State</b> (accounts, balances, lists, prices, id sequences) is loaded from the {@link
 *       PaperStateStore} at {@link #create} and saved after every change, the walk's price moves at
 *       most every {@link PaperConfig#walkSaveInterval()}. Who watches is not saved: the app watches
 *       again after a restart.
 * </ul>
 *
 * <p>Thread-safe: one lock around the state; the handler and the store are called outside it.
 * {@link #close()} stops the walk and saves; the scheduler belongs to the caller.
 */
public final class PaperExchange implements ExchangeClient, OrderEventSource, PaperControl, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PaperExchange.class);

  private final PaperConfig config;
  private final Clock clock;
  private final Markets markets;
  private final Book book;
  private final MatchingEngine engine;
  private final PriceWalk walk;
  private final Outflow outflow;
  private final GuardedBook guarded;
  private volatile Instant lastWalkSave;
  private volatile Optional<ScheduledFuture<?>> walkTask = Optional.empty();

  private PaperExchange(PaperConfig config, Clock clock, Markets markets, Book book, PriceWalk walk, Outflow outflow) {
    this.config = config;
    this.clock = clock;
    this.markets = markets;
    this.book = book;
    this.engine = new MatchingEngine(book);
    this.walk = walk;
    this.outflow = outflow;
    this.guarded = new GuardedBook(book, outflow);
    this.lastWalkSave = clock.instant();
  }

  /**
   * Loads the saved state (or starts afresh), saves it, and starts the price walk if {@code config.priceWalk()}.
   *
   * @param scheduler runs the walk; owned by the caller, which shuts it down
   * @param random the walk's randomness; seed it for a reproducible market
   * @param handler receives the events of watched accounts
   * @param store where the state is kept between runs
   * @throws IllegalArgumentException if the saved state cannot be read (it is left untouched)
   */
  public static PaperExchange create(
      PaperConfig config,
      Clock clock,
      ScheduledExecutorService scheduler,
      Random random,
      OrderUpdateHandler handler,
      PaperStateStore store) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(store, "store");
    Markets markets = Markets.bundled();
    Optional<PaperState> saved = store.load();
    Book book = saved.map(state -> StateCodec.decode(state, markets, config)).orElseGet(() -> Book.fresh(markets, config, clock.instant()));
    book.priceNewSymbols();
    Outflow outflow = new Outflow(store, handler);
    saved.ifPresent(state -> outflow.loaded(state, book));
    PaperExchange exchange = new PaperExchange(config, clock, markets, book, new PriceWalk(random, config.walkStepBips()), outflow);
    exchange.guarded.saveIfChanged();
    if (config.priceWalk()) {
      long every = config.walkInterval().toMillis();
      exchange.walkTask = Optional.of(scheduler.scheduleAtFixedRate(exchange::walkQuietly, every, every, TimeUnit.MILLISECONDS));
    }
    log.info(
        "Paper exchange ready ({} state, {} account(s), price walk {})", saved.isPresent() ? "restored" : "new",
        book.accounts.size(), config.priceWalk() ? "every " + config.walkInterval() : "off");
    return exchange;
  }

  /** As {@link #create(PaperConfig, Clock, ScheduledExecutorService, Random, OrderUpdateHandler, PaperStateStore)} with {@code new Random(config.seed())}. */
  public static PaperExchange create(
      PaperConfig config, Clock clock, ScheduledExecutorService scheduler, OrderUpdateHandler handler, PaperStateStore store) {
    return create(config, clock, scheduler, new Random(config.seed()), handler, store);
  }

  // ExchangeClient

  @Override
  public SymbolRules rules(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return markets.rules(symbol).orElseThrow(() -> unknown(symbol));
  }

  @Override
  public List<Symbol> tradingSymbols() {
    return markets.symbols().stream()
        .filter(symbol -> markets.rules(symbol).map(r -> r.status() == SymbolStatus.TRADING && r.ocoAllowed()).orElse(false))
        .sorted(Comparator.comparing(Symbol::value)).toList();
  }

  @Override
  public Price lastPrice(Symbol symbol) {
    rules(symbol);
    return read(() -> new Price(book.price(symbol)));
  }

  /** The paper market has no reference price: its bands are built around the last price. */
  @Override
  public Optional<Price> referencePrice(Symbol symbol) {
    rules(symbol);
    return Optional.empty();
  }

  /**
   * The paper market keeps no trade history to average, so it answers as a Binance symbol with
   * {@code avgPriceMins = 0} does: the last price stands in (its own filters use it too).
   */
  @Override
  public AveragePrice averagePrice(Symbol symbol) {
    return new AveragePrice(lastPrice(symbol), 0);
  }

  @Override
  public Instant serverTime() {
    return clock.instant();
  }

  @Override
  public Balances balances(ApiCredentials credentials) {
    String key = key(credentials);
    return change(() -> book.account(key).balances());
  }

  @Override
  public PlacementResult place(ApiCredentials credentials, OrderListRequest request, ClientListId clientListId) {
    String key = key(credentials);
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(clientListId, "clientListId");
    return change(() -> engine.place(key, request, clientListId, clock.instant()));
  }

  @Override
  public PlacedOrderList cancel(ApiCredentials credentials, Symbol symbol, OrderListRef list) {
    String key = key(credentials);
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(list, "list");
    return change(() -> engine.cancel(key, symbol, list, clock.instant()));
  }

  @Override
  public Optional<PlacedOrderList> orderList(ApiCredentials credentials, OrderListRef list) {
    String key = key(credentials);
    Objects.requireNonNull(list, "list");
    return read(() -> book.existing(key).flatMap(account -> account.list(list)).map(found -> found.view(false)));
  }

  @Override
  public List<PlacedOrderList> openOrderLists(ApiCredentials credentials) {
    String key = key(credentials);
    return read(() -> book.existing(key).map(a -> a.open().stream().map(l -> l.view(false)).toList()).orElse(List.of()));
  }

  @Override
  public List<OpenOrder> openOrders(ApiCredentials credentials, Optional<Symbol> symbol) {
    String key = key(credentials);
    symbol.ifPresent(this::rules);
    return read(() -> book.existing(key).map(account -> account.openOrders(symbol)).orElse(List.of()));
  }

  @Override
  public Optional<OrderSnapshot> order(ApiCredentials credentials, Symbol symbol, OrderRef order) {
    String key = key(credentials);
    Objects.requireNonNull(order, "order");
    rules(symbol);
    return read(() -> book.existing(key).flatMap(account -> account.order(symbol, order)));
  }

  // OrderEventSource

  @Override
  public void watch(UserRef user, ApiCredentials credentials) {
    Objects.requireNonNull(user, "user");
    outflow.watch(user, key(credentials));
  }

  @Override
  public void unwatch(UserRef user) {
    outflow.unwatch(Objects.requireNonNull(user, "user"));
  }

  /** No: a watched account's events are delivered in process, before the call that made them returns. */
  @Override
  public boolean catchUp(UserRef user, ApiCredentials credentials) {
    return false;
  }

  // PaperControl

  /**
   * {@inheritDoc}
   *
   * @throws ExchangeException with {@code -1121} for an unlisted symbol, {@code -1013} for a price
   *     off the symbol's tick size or outside its PRICE_FILTER
   */
  @Override
  public void setPrice(Symbol symbol, Price price) {
    Objects.requireNonNull(price, "price");
    SymbolRules rules = rules(symbol);
    FilterChecks.price(rules, price.value()).ifPresent(refused -> {
      throw new ExchangeException(refused);
    });
    change(() -> {
      engine.setPrice(symbol, price.value(), clock.instant());
      return null;
    });
  }

  @Override
  public boolean lists(Symbol symbol) {
    return markets.lists(Objects.requireNonNull(symbol, "symbol"));
  }

  /** Stops the price walk and saves the state. Idempotent. */
  @Override
  public void close() {
    walkTask.ifPresent(task -> task.cancel(false));
    walkTask = Optional.empty();
    guarded.saveIfChanged();
  }

  /** One step of the random walk: every symbol moves, then matches. Package-private for tests. */
  void stepPriceWalk() {
    Instant now = clock.instant();
    boolean saveDue = !now.isBefore(lastWalkSave.plus(config.walkSaveInterval()));
    Runnable step = () -> markets.symbols().forEach(s -> engine.setPrice(s, walk.next(book.price(s), markets.priceFilter(s)), now));
    if (guarded.walk(step, saveDue)) {
      lastWalkSave = now;
    }
  }

  private void walkQuietly() {
    try {
      stepPriceWalk();
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again; log and keep walking
      log.warn("paper price walk step failed", e);
    }
  }

  private <T> T change(Supplier<T> work) {
    return guarded.change(work);
  }

  private <T> T read(Supplier<T> query) {
    return guarded.read(query);
  }

  private ExchangeException unknown(Symbol symbol) {
    return new ExchangeException(Refusals.unknownSymbol(symbol, markets.symbols()));
  }

  private static String key(ApiCredentials credentials) {
    return Objects.requireNonNull(credentials, "credentials").apiKey();
  }

  /** The whole book encoded afresh, not from what the saves keep: what every save must equal (tests compare). */
  String wholeBookEncodedAfresh() {
    return read(() -> StateCodec.encode(book));
  }

  @Override
  public String toString() {
    return "PaperExchange";
  }

  @Override
  public Map<Symbol, Price> lastPrices() {
    return read(book::lastPrices);
  }

  /** None: the paper market has no real trading volume, so the liquidity guard is skipped (and the preview says so). */
  @Override
  public Optional<BigDecimal> quoteVolume24h(Symbol symbol) {
    rules(symbol);
    return Optional.empty();
  }

  /** From the one-minute candles of the prices the walk and {@code /paper price} set since start-up. */
  @Override
  public List<Candle> candles(Symbol symbol, CandleInterval interval, int count) {
    rules(symbol);
    return read(() -> book.tape.candles(symbol, interval, count, clock.instant(), book.price(symbol)));
  }

  /** The configured paper commission ({@link PaperConfig#fees()}), the same on every listed pair. */
  @Override
  public TradeFees tradeFees(ApiCredentials credentials, Symbol symbol) {
    key(credentials);
    rules(symbol);
    return config.fees();
  }

  @Override
  public MarketOrderResult placeMarket(ApiCredentials credentials, MarketOrderRequest request, ClientOrderId clientOrderId) {
    String key = key(credentials);
    return change(() -> new MarketFills(book).place(key, request, clientOrderId, clock.instant()));
  }

  @Override
  public OrderSnapshot amendQuantity(ApiCredentials credentials, Symbol symbol, ClientOrderId order, BigDecimal newQuantity) {
    String key = key(credentials);
    return change(() -> new Amends(book).amend(key, symbol, order, newQuantity, clock.instant()));
  }

  /** The paper exchange has no real keys: there are no restrictions to read. */
  @Override
  public KeyPostureAnswer keyPosture(ApiCredentials credentials) {
    key(credentials);
    return new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.SIMULATED_EXCHANGE);
  }
}
