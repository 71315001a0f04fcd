package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.OrderType;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.KeyPosture;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.port.out.TradeFees;
import dev.orderlistbot.core.rules.ExchangeFilter;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import dev.orderlistbot.core.rules.SymbolStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small in-test exchange: BTCUSDT only, lists kept in memory per API key, and switches that make
 * a placement's outcome unknown, refused, or an exception, and a cancel fail.
 */
final class FakeExchange implements ExchangeClient {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  /** A BTC-quoted pair, known only once {@link #solBtcLast} is set (its USDT rate is BTCUSDT's last price). */
  static final Symbol SOLBTC = Symbol.of("SOLBTC");
  /** A TRY-quoted pair, known only once {@link #btcTryLast} is set; TRY has no TRYUSDT, only {@link #USDTTRY}. */
  static final Symbol BTCTRY = Symbol.of("BTCTRY");
  static final Symbol USDTTRY = Symbol.of("USDTTRY");

  enum PlaceMode {
    ACCEPT,
    /** Records the list, then answers Unknown (the answer was lost). */
    RECORD_THEN_UNKNOWN,
    /** Answers Unknown without recording anything (the request never arrived). */
    LOSE_THEN_UNKNOWN,
    REFUSE,
    THROW
  }

  private record Stored(String apiKey, PlacedOrderList list) {}

  final AtomicInteger placeCalls = new AtomicInteger();
  /** When above 0, the placement call with this number (from 1) is refused, whatever {@link #placeMode} says. */
  volatile int refusePlacementNumber;
  final AtomicInteger lastPricesQueries = new AtomicInteger();
  final AtomicInteger tradeFeesQueries = new AtomicInteger();
  /** The client list id of every placement sent, in order. */
  final List<String> clientIdsSent = new CopyOnWriteArrayList<>();
  final List<String> apiKeysSeen = Collections.synchronizedList(new ArrayList<>());
  final Set<String> rejectedApiKeys = ConcurrentHashMap.newKeySet();
  volatile PlaceMode placeMode = PlaceMode.ACCEPT;
  /** Runs inside every placement call, e.g. to let a test clock move while the exchange answers. */
  volatile Runnable whilePlacing = () -> {};
  volatile Price last = Price.of("30000");
  /** BTCTRY's last price; empty (the default): neither it nor USDTTRY exists. */
  volatile Optional<Price> btcTryLast = Optional.empty();
  /** USDTTRY's last price, listed with {@link #btcTryLast}. */
  volatile Price usdtTryLast = Price.of("40");
  /** SOLBTC's last price; empty (the default): the pair does not exist. */
  volatile Optional<Price> solBtcLast = Optional.empty();
  /** When set, asking for every last price fails with this. */
  volatile RuntimeException lastPricesFailure;
  /** Every pair's 24-hour quote volume, as Binance's ticker/24hr answers it. */
  volatile BigDecimal quoteVolume = new BigDecimal("987654321.5");
  /** When set, asking for the 24-hour volume fails with this. */
  volatile RuntimeException quoteVolumeFailure;
  final AtomicInteger quoteVolumeQueries = new AtomicInteger();
  volatile RuntimeException lastPriceFailure;
  /** When set, every cancel fails with this error (after {@link #whileCancelling} ran). */
  volatile ExchangeError cancelFailure;
  /** When set, every cancel goes through and then its answer is lost: this error instead. */
  volatile ExchangeError cancelAnswerLost;
  /** Runs inside every cancel call before it answers, e.g. to deliver a fill meanwhile. */
  volatile Runnable whileCancelling = () -> {};
  /** Runs as a list is asked for (before its answer), e.g. to stop the process there. */
  volatile Runnable whileReadingList = () -> {};
  /** Runs inside every cancel that goes through, after it did and before its answer is back. */
  volatile Runnable afterCancelling = () -> {};
  /**
   * Binance's request weight per IP, shared by every user (a balance costs 20); 0 models none.
   * Past it every balance read is refused with a 429 as Binance would, for the rest of the minute,
   * which these tests never leave.
   */
  volatile int ipWeightLimit;
  /** The request weight balance reads have used. */
  final AtomicInteger ipWeightUsed = new AtomicInteger();
  /** How many of the next list look-ups fail as if the exchange could not be reached. */
  final AtomicInteger lookupFailures = new AtomicInteger();

  /** Filters BTCUSDT has besides its price filter and lot size, e.g. a MAX_NUM_ORDERS. */
  volatile List<SymbolFilter> moreFilters = List.of();
  /** The account-wide limits the exchange publishes. */
  volatile List<ExchangeFilter> exchangeFilters = List.of();
  volatile Optional<Price> referencePrice = Optional.empty();
  /** When set, asking for the reference price fails with this. */
  volatile RuntimeException referencePriceFailure;
  /** How many times the reference price was asked for. */
  final AtomicInteger referencePriceQueries = new AtomicInteger();
  /** The average price; none (the default) answers the last price over 0 minutes. */
  volatile Optional<AveragePrice> averagePrice = Optional.empty();
  /** Open orders besides the legs of the lists placed here, on any symbol. */
  volatile List<OpenOrder> moreOpenOrders = List.of();
  /** When set, asking for open orders fails with this. */
  volatile RuntimeException openOrdersFailure;
  /** The symbol of every open-order query: empty for every symbol. */
  final List<Optional<Symbol>> openOrderQueries = Collections.synchronizedList(new ArrayList<>());

  /** The account's commission on BTCUSDT. */
  volatile TradeFees fees = new TradeFees(new BigDecimal("0.001"), new BigDecimal("0.001"));

  /** How a MARKET order ends. */
  enum MarketMode {
    /** Fills in full at the last price. */
    FILL,
    /** Fills in full, then answers Unknown (the answer was lost). */
    FILL_THEN_UNKNOWN,
    /** Refused for lack of balance. */
    REFUSE,
    /** Taken, then expired with nothing filled (the book was empty). */
    EXPIRE_UNFILLED,
    /** Taken, half filled, then expired (the book ran out). */
    FILL_HALF
  }

  volatile MarketMode marketMode = MarketMode.FILL;
  /** Runs inside every MARKET order call before it is taken, e.g. to let the process die there. */
  volatile Runnable whileMarket = () -> {};
  /** Every MARKET order sent, in order, with its client order id. */
  final List<MarketSent> marketOrders = new CopyOnWriteArrayList<>();

  record MarketSent(MarketOrderRequest request, ClientOrderId clientOrderId) {}

  /** Every amend sent, in order. */
  final List<AmendSent> amends = new CopyOnWriteArrayList<>();

  record AmendSent(ClientOrderId order, BigDecimal newQuantity) {}

  /** When set, every amend fails with this error. */
  volatile ExchangeError amendFailure;

  /** When set, looking up one order throws it. */
  volatile ExchangeError orderLookupFailure;

  /** What a key's posture read answers: a Spot-only key bound to whitelisted IPs unless a test says otherwise. */
  volatile KeyPostureAnswer posture = new KeyPostureAnswer.Known(KeyPosture.SPOT_ONLY_FROM_WHITELISTED_IPS);

  /** When set, every posture read fails with this error. */
  volatile ExchangeError postureFailure;

  /** How many posture reads were asked for. */
  final AtomicInteger postureReads = new AtomicInteger();

  private final Map<String, Stored> byClientId = new ConcurrentHashMap<>();
  private final Map<Long, OrderSnapshot> orders = new ConcurrentHashMap<>();
  /** Each placed leg as placed (NEW, or PENDING_NEW for a pending one): what an order query answers until it changes. */
  private final Map<Long, OrderSnapshot> placedLegs = new ConcurrentHashMap<>();
  /** How many order queries were answered. */
  final AtomicInteger orderQueries = new AtomicInteger();
  private final AtomicLong listIds = new AtomicLong(8820);
  private final AtomicLong orderIds = new AtomicLong(1000);

  @Override
  public SymbolRules rules(Symbol symbol) {
    if (symbol.equals(SOLBTC) && solBtcLast.isPresent()) {
      return new SymbolRules(
          SOLBTC, SymbolStatus.TRADING, Asset.of("SOL"), Asset.of("BTC"), EnumSet.allOf(OrderType.class), true, true, true, true,
          List.of(new SymbolFilter.PriceFilter(new BigDecimal("0.0000001"), new BigDecimal("1000"), new BigDecimal("0.0000001")),
              new SymbolFilter.LotSize(new BigDecimal("0.001"), new BigDecimal("90000"), new BigDecimal("0.001"))),
          exchangeFilters);
    }
    if (symbol.equals(BTCTRY) && btcTryLast.isPresent()) {
      return new SymbolRules(
          BTCTRY, SymbolStatus.TRADING, Asset.of("BTC"), Asset.of("TRY"), EnumSet.allOf(OrderType.class), true, true, true, true,
          List.of(new SymbolFilter.PriceFilter(BigDecimal.ONE, new BigDecimal("100000000"), BigDecimal.ONE),
              new SymbolFilter.LotSize(new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"))),
          exchangeFilters);
    }
    if (!symbol.equals(BTCUSDT)) {
      throw new ExchangeException(new ExchangeError.Refused(-1121, "Invalid symbol."));
    }
    List<SymbolFilter> filters = new ArrayList<>(List.of(
        new SymbolFilter.PriceFilter(new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.01")),
        new SymbolFilter.LotSize(new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"))));
    filters.addAll(moreFilters);
    return new SymbolRules(
        BTCUSDT, SymbolStatus.TRADING, Asset.of("BTC"), Asset.of("USDT"), EnumSet.allOf(OrderType.class),
        true, true, true, true, filters, exchangeFilters);
  }

  @Override
  public List<Symbol> tradingSymbols() {
    return List.of(Symbol.of("BTCUSDT"));
  }

  @Override
  public Price lastPrice(Symbol symbol) {
    RuntimeException failure = lastPriceFailure;
    if (failure != null) {
      throw failure;
    }
    rules(symbol);
    if (symbol.equals(BTCTRY)) {
      return btcTryLast.orElseThrow();
    }
    return symbol.equals(SOLBTC) ? solBtcLast.orElseThrow() : last;
  }

  @Override
  public Optional<Price> referencePrice(Symbol symbol) {
    rules(symbol);
    referencePriceQueries.incrementAndGet();
    RuntimeException failure = referencePriceFailure;
    if (failure != null) {
      throw failure;
    }
    return referencePrice;
  }

  @Override
  public AveragePrice averagePrice(Symbol symbol) {
    return averagePrice.orElseGet(() -> new AveragePrice(lastPrice(symbol), 0));
  }

  @Override
  public Instant serverTime() {
    return Instant.parse("2026-03-01T10:00:00Z");
  }

  @Override
  public Balances balances(ApiCredentials credentials) {
    apiKeysSeen.add(credentials.apiKey());
    if (ipWeightLimit > 0 && ipWeightUsed.addAndGet(20) > ipWeightLimit) {
      throw new ExchangeException(
          new ExchangeError.RateLimited(-1003, serverTime().plusSeconds(60), "Too much request weight used."));
    }
    if (rejectedApiKeys.contains(credentials.apiKey())) {
      throw new ExchangeException(
          new ExchangeError.CredentialsRejected(-2015, "Invalid API-key, IP, or permissions for action."));
    }
    Asset btc = Asset.of("BTC");
    Asset usdt = Asset.of("USDT");
    return new Balances(
        Map.of(
            btc, new Balance(btc, BigDecimal.ONE, BigDecimal.ZERO),
            usdt, new Balance(usdt, new BigDecimal("100000"), BigDecimal.ZERO)));
  }

  @Override
  public PlacementResult place(ApiCredentials credentials, OrderListRequest request, ClientListId clientListId) {
    int call = placeCalls.incrementAndGet();
    clientIdsSent.add(clientListId.value());
    requestsSent.add(request);
    whilePlacing.run();
    apiKeysSeen.add(credentials.apiKey());
    if (byClientId.containsKey(clientListId.value())) {
      return new PlacementResult.Rejected(new ExchangeError.Refused(-2010, "Duplicate order sent."));
    }
    if (call == refusePlacementNumber) {
      return new PlacementResult.Rejected(
          new ExchangeError.Refused(-2010, "Not enough balance: the account has insufficient balance."));
    }
    PlacedOrderList list = newList(request, clientListId);
    switch (placeMode) {
      case ACCEPT -> {
        byClientId.put(clientListId.value(), new Stored(credentials.apiKey(), list));
        return new PlacementResult.Accepted(list);
      }
      case RECORD_THEN_UNKNOWN -> {
        byClientId.put(clientListId.value(), new Stored(credentials.apiKey(), list));
        return new PlacementResult.Unknown(clientListId, -1007, "Timeout waiting for response from backend server.");
      }
      case LOSE_THEN_UNKNOWN -> {
        return new PlacementResult.Unknown(clientListId, -1007, "Timeout waiting for response from backend server.");
      }
      case REFUSE -> {
        return new PlacementResult.Rejected(
            new ExchangeError.Refused(-2010, "Not enough balance: the account has insufficient balance."));
      }
      case THROW -> throw new IllegalStateException("connection reset while reading the answer");
    }
    throw new IllegalStateException("unreachable");
  }

  @Override
  public PlacedOrderList cancel(ApiCredentials credentials, Symbol symbol, OrderListRef list) {
    whileCancelling.run();
    ExchangeError failure = cancelFailure;
    if (failure != null) {
      throw new ExchangeException(failure);
    }
    Optional<Stored> stored = find(credentials, list).filter(s -> s.list().isOpen());
    if (stored.isEmpty()) {
      throw new ExchangeException(new ExchangeError.NotFound(-2011, "Nothing to cancel: the order list already filled, expired or was cancelled."));
    }
    PlacedOrderList old = stored.get().list();
    // as Binance's answer: each order's report as it stands (an order that filled meanwhile shows it)
    List<ListLeg> legs =
        old.legs().stream()
            .map(leg -> Optional.ofNullable(orders.get(leg.orderId()))
                .map(order -> new ListLeg(leg.orderId(), leg.clientOrderId(), Optional.of(order.report())))
                .orElse(leg))
            .toList();
    PlacedOrderList done =
        new PlacedOrderList(old.id(), old.clientId(), old.symbol(), old.contingencyType(), ListStatusType.ALL_DONE,
            ListOrderStatus.ALL_DONE, old.transactionTime(), legs);
    byClientId.put(old.clientId().value(), new Stored(stored.get().apiKey(), done));
    afterCancelling.run();
    ExchangeError lost = cancelAnswerLost;
    if (lost != null) {
      throw new ExchangeException(lost);
    }
    return done;
  }

  @Override
  public Optional<PlacedOrderList> orderList(ApiCredentials credentials, OrderListRef list) {
    whileReadingList.run();
    if (lookupFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ExchangeException(new ExchangeError.Unavailable("the exchange did not answer"));
    }
    return find(credentials, list).map(Stored::list);
  }

  @Override
  public List<PlacedOrderList> openOrderLists(ApiCredentials credentials) {
    return byClientId.values().stream()
        .filter(s -> s.apiKey().equals(credentials.apiKey()) && s.list().isOpen())
        .map(Stored::list)
        .toList();
  }

  @Override
  public List<OpenOrder> openOrders(ApiCredentials credentials, Optional<Symbol> symbol) {
    openOrderQueries.add(symbol);
    RuntimeException failure = openOrdersFailure;
    if (failure != null) {
      throw failure;
    }
    List<OpenOrder> open = new ArrayList<>(moreOpenOrders);
    for (PlacedOrderList list : openOrderLists(credentials)) {
      for (ListLeg leg : list.legs()) {
        ReportedOrderType type = leg.report().map(LegReport::type).orElse(ReportedOrderType.LIMIT);
        boolean working = type.asOrderType().map(t -> !t.isTriggered()).orElse(true);
        open.add(new OpenOrder(list.symbol(), Optional.of(list.id()), type, working));
      }
    }
    return open.stream().filter(order -> symbol.map(order.symbol()::equals).orElse(true)).toList();
  }

  @Override
  public Optional<OrderSnapshot> order(ApiCredentials credentials, Symbol symbol, OrderRef order) {
    orderQueries.incrementAndGet();
    ExchangeError lookupFailure = orderLookupFailure;
    if (lookupFailure != null) {
      throw new ExchangeException(lookupFailure);
    }
    return switch (order) {
      case OrderRef.ById byId -> Optional.ofNullable(orders.getOrDefault(byId.orderId(), placedLegs.get(byId.orderId())));
      case OrderRef.ByClientId byClient ->
          orders.values().stream().filter(o -> o.clientOrderId().equals(byClient.clientId())).findFirst()
              .or(() -> placedLegs.values().stream().filter(o -> o.clientOrderId().equals(byClient.clientId())).findFirst());
    };
  }

  /** The next list placed gets id {@code id} (Binance numbers lists per symbol: two symbols' lists may share one). */
  void nextListId(long id) {
    listIds.set(id - 1);
  }

  /**
   * From now on an order query of the list's {@code role} leg answers {@code status} with {@code
   * executed} filled for {@code quote} (a SELL LIMIT_MAKER of 0.01 at 32,000).
   */
  void legNow(ClientListId list, LegRole role, LegStatus status, String executed, String quote) {
    legNow(list, role, status, executed, quote, ExpiryReason.unexplained(status));
  }

  /** As {@link #legNow(ClientListId, LegRole, LegStatus, String, String)}, the answer giving {@code reason}. */
  void legNow(ClientListId list, LegRole role, LegStatus status, String executed, String quote, ExpiryReason reason) {
    PlacedOrderList placed = byClientId.get(list.value()).list();
    ListLeg leg = placed.leg(list.legId(role)).orElseThrow();
    orders.put(
        leg.orderId(),
        new OrderSnapshot(
            placed.symbol(),
            leg.orderId(),
            Optional.of(placed.id()),
            leg.clientOrderId(),
            new LegReport(
                ReportedOrderType.LIMIT_MAKER, Side.SELL, status, new BigDecimal("32000"), Optional.of(new BigDecimal("0.01")),
                new BigDecimal(executed), Optional.empty(), Optional.of(TimeInForce.GTC), new BigDecimal(quote), reason),
            serverTime()));
  }

  /**
   * From now on the list's {@code role} leg, as it was placed, has filled {@code executed} for
   * {@code quote} (FILLED when that is all of it); an entry that filled in full activates the
   * pending exits (NEW), as Binance does.
   */
  void fill(ClientListId list, LegRole role, String executed, String quote) {
    PlacedOrderList placed = byClientId.get(list.value()).list();
    ListLeg leg = placed.leg(list.legId(role)).orElseThrow();
    OrderSnapshot before = orders.getOrDefault(leg.orderId(), placedLegs.get(leg.orderId()));
    LegReport r = before.report();
    BigDecimal done = new BigDecimal(executed);
    LegStatus status = done.compareTo(r.origQty().orElseThrow()) >= 0 ? LegStatus.FILLED : LegStatus.PARTIALLY_FILLED;
    orders.put(leg.orderId(), withReport(before, new LegReport(
        r.type(), r.side(), status, r.price(), r.origQty(), done, r.stopPrice(), r.timeInForce(), new BigDecimal(quote),
        ExpiryReason.unexplained(status))));
    if (role == LegRole.WORKING && status == LegStatus.FILLED) {
      for (ListLeg other : placed.legs()) {
        OrderSnapshot pending = orders.getOrDefault(other.orderId(), placedLegs.get(other.orderId()));
        if (pending != null && pending.report().status() == LegStatus.PENDING_NEW) {
          LegReport p = pending.report();
          orders.put(other.orderId(), withReport(pending, new LegReport(
              p.type(), p.side(), LegStatus.NEW, p.price(), p.origQty(), p.executedQty(), p.stopPrice(), p.timeInForce(),
              p.cumulativeQuote(), ExpiryReason.unexplained(LegStatus.NEW))));
        }
      }
    }
  }

  private static OrderSnapshot withReport(OrderSnapshot order, LegReport report) {
    return new OrderSnapshot(order.symbol(), order.orderId(), order.orderListId(), order.clientOrderId(), report, order.updateTime());
  }

  /** The request of every list placed, in order. */
  final List<OrderListRequest> requestsSent = new CopyOnWriteArrayList<>();

  /** From now on the list is reported finished ({@code ALL_DONE}). */
  void listDone(ClientListId list) {
    Stored stored = byClientId.get(list.value());
    PlacedOrderList old = stored.list();
    byClientId.put(
        list.value(),
        new Stored(
            stored.apiKey(),
            new PlacedOrderList(old.id(), old.clientId(), old.symbol(), old.contingencyType(), ListStatusType.ALL_DONE,
                ListOrderStatus.ALL_DONE, old.transactionTime(), old.legs())));
  }

  /** Every list the exchange holds, of every account. */
  List<PlacedOrderList> allLists() {
    return byClientId.values().stream().map(Stored::list).toList();
  }

  private Optional<Stored> find(ApiCredentials credentials, OrderListRef ref) {
    return byClientId.values().stream()
        .filter(s -> s.apiKey().equals(credentials.apiKey()))
        .filter(
            s ->
                switch (ref) {
                  case OrderListRef.ById byId -> s.list().id().equals(byId.id());
                  case OrderListRef.ByClientId byClient -> s.list().clientId().equals(byClient.clientId());
                })
        .findFirst();
  }

  private PlacedOrderList newList(OrderListRequest request, ClientListId clientListId) {
    List<ListLeg> legs =
        Placement.roles(request).stream()
            .map(role -> new ListLeg(orderIds.incrementAndGet(), clientListId.legId(role), Optional.empty()))
            .toList();
    OrderListId listId = new OrderListId(listIds.incrementAndGet());
    Map<LegRole, PlacedLeg> shapes = shapes(request);
    for (ListLeg leg : legs) {
      PlacedLeg shape = shapes.get(Texts.roleOf(leg.clientOrderId().value()).orElseThrow());
      Leg spec = shape.leg();
      LegStatus status = shape.pending() ? LegStatus.PENDING_NEW : LegStatus.NEW;
      placedLegs.put(
          leg.orderId(),
          new OrderSnapshot(
              request.symbol(), leg.orderId(), Optional.of(listId), leg.clientOrderId(),
              new LegReport(
                  ReportedOrderType.valueOf(spec.type().name()), shape.side(), status,
                  spec.limitPrice().map(Price::value).orElse(BigDecimal.ZERO), Optional.of(shape.quantity()), BigDecimal.ZERO,
                  spec.stopPrice().map(Price::value), spec.timeInForce(), BigDecimal.ZERO, ExpiryReason.unexplained(status)),
              serverTime()));
    }
    return new PlacedOrderList(
        listId,
        clientListId,
        request.symbol(),
        ContingencyType.fromBinance(request.kind().contingencyType()),
        ListStatusType.EXEC_STARTED,
        ListOrderStatus.EXECUTING,
        serverTime(),
        legs);
  }

  @Override
  public Map<Symbol, Price> lastPrices() {
    lastPricesQueries.incrementAndGet();
    RuntimeException failure = lastPricesFailure;
    if (failure != null) {
      throw failure;
    }
    Map<Symbol, Price> prices = new java.util.HashMap<>(Map.of(BTCUSDT, last));
    solBtcLast.ifPresent(sol -> prices.put(SOLBTC, sol));
    btcTryLast.ifPresent(btc -> {
      prices.put(BTCTRY, btc);
      prices.put(USDTTRY, usdtTryLast);
    });
    return Map.copyOf(prices);
  }

  /** {@code count} flat candles at the last price, the newest holding the exchange's time. */
  @Override
  public List<dev.orderlistbot.core.chart.Candle> candles(
      Symbol symbol, dev.orderlistbot.core.chart.CandleInterval interval, int count) {
    rules(symbol);
    java.time.Instant newest = interval.openOf(serverTime());
    List<dev.orderlistbot.core.chart.Candle> candles = new java.util.ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      candles.add(dev.orderlistbot.core.chart.Candle.at(newest.minus(interval.length().multipliedBy(i)), last.value()));
    }
    return candles;
  }

  @Override
  public Optional<BigDecimal> quoteVolume24h(Symbol symbol) {
    quoteVolumeQueries.incrementAndGet();
    RuntimeException failure = quoteVolumeFailure;
    if (failure != null) {
      throw failure;
    }
    rules(symbol);
    return Optional.of(quoteVolume);
  }

  @Override
  public TradeFees tradeFees(ApiCredentials credentials, Symbol symbol) {
    tradeFeesQueries.incrementAndGet();
    rules(symbol);
    return fees;
  }

  @Override
  public MarketOrderResult placeMarket(ApiCredentials credentials, MarketOrderRequest request, ClientOrderId clientOrderId) {
    marketOrders.add(new MarketSent(request, clientOrderId));
    whileMarket.run();
    apiKeysSeen.add(credentials.apiKey());
    if (orders.values().stream().anyMatch(o -> o.clientOrderId().equals(clientOrderId))) {
      return new MarketOrderResult.Rejected(new ExchangeError.Refused(-2010, "Duplicate order sent."));
    }
    if (marketMode == MarketMode.REFUSE) {
      return new MarketOrderResult.Rejected(
          new ExchangeError.Refused(-2010, "Not enough balance: the account has insufficient balance."));
    }
    BigDecimal price = last.value();
    long id = orderIds.incrementAndGet();
    BigDecimal executed =
        switch (marketMode) {
          case EXPIRE_UNFILLED -> BigDecimal.ZERO;
          case FILL_HALF -> request.quantity().divide(BigDecimal.TWO);
          default -> request.quantity();
        };
    LegStatus status = executed.compareTo(request.quantity()) == 0 ? LegStatus.FILLED : LegStatus.EXPIRED;
    OrderSnapshot order =
        new OrderSnapshot(
            request.symbol(), id, Optional.empty(), clientOrderId,
            new LegReport(
                ReportedOrderType.MARKET, request.side(), status, BigDecimal.ZERO, Optional.of(request.quantity()),
                executed, Optional.empty(), Optional.empty(), executed.multiply(price), ExpiryReason.unexplained(status)),
            serverTime());
    orders.put(id, order);
    return marketMode == MarketMode.FILL_THEN_UNKNOWN
        ? new MarketOrderResult.Unknown(clientOrderId, -1007, "Timeout waiting for response from backend server.")
        : new MarketOrderResult.Executed(order);
  }

  @Override
  public OrderSnapshot amendQuantity(ApiCredentials credentials, Symbol symbol, ClientOrderId order, BigDecimal newQuantity) {
    amends.add(new AmendSent(order, newQuantity));
    ExchangeError failure = amendFailure;
    if (failure != null) {
      throw new ExchangeException(failure);
    }
    Stored stored =
        byClientId.values().stream()
            .filter(s -> s.apiKey().equals(credentials.apiKey()) && s.list().isOpen())
            .filter(s -> s.list().leg(order).isPresent())
            .findFirst()
            .orElseThrow(() -> new ExchangeException(new ExchangeError.NotFound(-2013, "Order does not exist.")));
    PlacedOrderList list = stored.list();
    OrderSnapshot amended = null;
    // an OCO's legs share one quantity: both are reduced
    for (ListLeg leg : list.legs()) {
      boolean pair = list.contingencyType() == ContingencyType.OCO || leg.clientOrderId().equals(order);
      if (!pair) {
        continue;
      }
      OrderSnapshot before = orders.getOrDefault(leg.orderId(), placedLegs.get(leg.orderId()));
      LegReport report =
          before != null
              ? before.report()
              : new LegReport(
                  ReportedOrderType.LIMIT_MAKER, Side.SELL, LegStatus.NEW, new BigDecimal("32000"), Optional.empty(),
                  BigDecimal.ZERO, Optional.empty(), Optional.of(TimeInForce.GTC), BigDecimal.ZERO,
                  ExpiryReason.unexplained(LegStatus.NEW));
      if (report.origQty().map(q -> newQuantity.compareTo(q) >= 0).orElse(false)) {
        throw new ExchangeException(new ExchangeError.Refused(-2038, "The requested quantity is not lower than the order's."));
      }
      LegReport reduced =
          new LegReport(
              report.type(), report.side(), report.status(), report.price(), Optional.of(newQuantity), report.executedQty(),
              report.stopPrice(), report.timeInForce(), report.cumulativeQuote(), report.expiryReason());
      OrderSnapshot after =
          new OrderSnapshot(list.symbol(), leg.orderId(), Optional.of(list.id()), leg.clientOrderId(), reduced, serverTime());
      orders.put(leg.orderId(), after);
      if (leg.clientOrderId().equals(order)) {
        amended = after;
      }
    }
    return java.util.Objects.requireNonNull(amended);
  }

  /** The average price a snapshot filled at. */
  static BigDecimal averagePrice(OrderSnapshot order) {
    return order.report().cumulativeQuote().divide(order.report().executedQty(), 8, RoundingMode.HALF_UP);
  }

  /** A leg of a request as placed: its order, side, quantity and whether it waits for the entry. */
  private record PlacedLeg(Leg leg, Side side, BigDecimal quantity, boolean pending) {}

  private static Map<LegRole, PlacedLeg> shapes(OrderListRequest request) {
    Map<LegRole, PlacedLeg> shapes = new java.util.EnumMap<>(LegRole.class);
    switch (request) {
      case OrderListRequest.Oco oco -> pair(shapes, oco.pair(), oco.quantity().value(), false);
      case OrderListRequest.Oto oto -> {
        working(shapes, oto.working());
        shapes.put(LegRole.ofPending(oto.pending().leg()),
            new PlacedLeg(oto.pending().leg(), oto.pending().side(), oto.pending().quantity().value(), true));
      }
      case OrderListRequest.Otoco otoco -> {
        working(shapes, otoco.working());
        pair(shapes, otoco.pending(), otoco.pendingQuantity().value(), true);
      }
      case OrderListRequest.Opo opo -> {
        working(shapes, opo.working());
        shapes.put(LegRole.ofPending(opo.pending()),
            new PlacedLeg(opo.pending(), opo.working().side().opposite(), opo.working().quantity().value(), true));
      }
      case OrderListRequest.Opoco opoco -> {
        working(shapes, opoco.working());
        pair(shapes, opoco.pending(), opoco.working().quantity().value(), true);
      }
    }
    return shapes;
  }

  private static void working(Map<LegRole, PlacedLeg> shapes, dev.orderlistbot.core.domain.order.WorkingOrder working) {
    shapes.put(LegRole.WORKING, new PlacedLeg(working.leg(), working.side(), working.quantity().value(), false));
  }

  private static void pair(Map<LegRole, PlacedLeg> shapes, dev.orderlistbot.core.domain.order.OcoPair pair, BigDecimal quantity, boolean pending) {
    boolean aboveTakesProfit = pair.side() == Side.SELL;
    shapes.put(LegRole.TAKE_PROFIT, new PlacedLeg(aboveTakesProfit ? pair.above() : pair.below(), pair.side(), quantity, pending));
    shapes.put(LegRole.STOP_LOSS, new PlacedLeg(aboveTakesProfit ? pair.below() : pair.above(), pair.side(), quantity, pending));
  }

  @Override
  public KeyPostureAnswer keyPosture(ApiCredentials credentials) {
    postureReads.incrementAndGet();
    ExchangeError failure = postureFailure;
    if (failure != null) {
      throw new ExchangeException(failure);
    }
    return posture;
  }
}
