package dev.orderlistbot.paper;

import dev.orderlistbot.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PendingOrder;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.port.out.TradeFees;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the paper exchange tests: the default markets and balances (BTCUSDT at 30000, 10,000 USDT
 * and 0.1 BTC per account), no price walk, a fixed clock, an in-memory store, and Alice watching her
 * account so her events are recorded.
 *
 * <p>No commission here: these tests hold locking and settlement to exact balances. The default
 * 0.1% fee, charged on every kind of fill, is what {@code CommissionTest} checks.
 */
abstract class PaperTest {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final Symbol ETHUSDT = Symbol.of("ETHUSDT");
  static final UserRef ALICE = new UserRef("telegram", "42");
  static final ApiCredentials ALICE_KEY = paperKey("paper-telegram-42");
  static final ClientListId ID = ClientListId.forKey("t1");

  final MutableClock clock = new MutableClock(START);
  final RecordingHandler events = new RecordingHandler();
  PaperStateStore store = PaperStateStore.inMemory();
  ScheduledExecutorService scheduler;
  PaperExchange paper;

  @BeforeEach
  void openPaperExchange() {
    scheduler = Executors.newSingleThreadScheduledExecutor();
    paper = start();
    paper.watch(ALICE, ALICE_KEY);
  }

  @AfterEach
  void closePaperExchange() {
    paper.close();
    scheduler.shutdownNow();
  }

  static final TradeFees NO_FEES = new TradeFees(BigDecimal.ZERO, BigDecimal.ZERO);

  PaperConfig config() {
    return PaperConfig.defaults().withoutPriceWalk().withFees(NO_FEES);
  }

  /** A paper exchange over {@link #store}, as after a (re)start. */
  PaperExchange start() {
    return PaperExchange.create(config(), clock, scheduler, new Random(1), events, store);
  }

  static ApiCredentials paperKey(String apiKey) {
    return new ApiCredentials(KeyType.HMAC, apiKey, Secret.of("paper"));
  }

  PlacedOrderList accepted(OrderListRequest request) {
    return accepted(request, ID);
  }

  PlacedOrderList accepted(OrderListRequest request, ClientListId id) {
    PlacementResult result = paper.place(ALICE_KEY, request, id);
    assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
    return ((PlacementResult.Accepted) result).list();
  }

  ExchangeError rejected(OrderListRequest request) {
    PlacementResult result = paper.place(ALICE_KEY, request, ID);
    assertThat(result).isInstanceOf(PlacementResult.Rejected.class);
    return ((PlacementResult.Rejected) result).error();
  }

  void price(String price) {
    paper.setPrice(BTCUSDT, Price.of(price));
  }

  Balance balance(String asset) {
    return paper.balances(ALICE_KEY).of(Asset.of(asset)).orElseThrow();
  }

  static Balance bal(String asset, String free, String locked) {
    return new Balance(Asset.of(asset), new BigDecimal(free), new BigDecimal(locked));
  }

  // request builders

  static OrderListRequest.Oco oco(Side side, String quantity, Leg above, Leg below) {
    return oco(BTCUSDT, side, quantity, above, below);
  }

  static OrderListRequest.Oco oco(Symbol symbol, Side side, String quantity, Leg above, Leg below) {
    return new OrderListRequest.Oco(symbol, Quantity.of(quantity), new OcoPair(side, above, below));
  }

  static WorkingOrder entry(Side side, String quantity, Leg leg) {
    return new WorkingOrder(side, Quantity.of(quantity), leg);
  }

  static PendingOrder pending(Side side, String quantity, Leg leg) {
    return new PendingOrder(side, Quantity.of(quantity), leg);
  }

  static Leg maker(String price) {
    return new Leg.LimitMaker(Price.of(price));
  }

  static Leg limit(String price) {
    return new Leg.Limit(Price.of(price), TimeInForce.GTC);
  }

  static Leg stop(String stop) {
    return new Leg.StopLoss(Trigger.at(Price.of(stop)));
  }

  static Leg stopLimit(String stop, String limit) {
    return new Leg.StopLossLimit(Trigger.at(Price.of(stop)), Price.of(limit), TimeInForce.GTC);
  }

  static Leg takeProfit(String stop) {
    return new Leg.TakeProfit(Trigger.at(Price.of(stop)));
  }

  static Leg takeProfitLimit(String stop, String limit) {
    return new Leg.TakeProfitLimit(Trigger.at(Price.of(stop)), Price.of(limit), TimeInForce.GTC);
  }

  static Leg trailingStop(int bips) {
    return new Leg.StopLoss(Trigger.trailing(new TrailingDelta(bips)));
  }
}
