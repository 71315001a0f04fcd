package dev.orderlistbot.simulation;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.engine.BotEngine;
import dev.orderlistbot.core.engine.CatchUpQueue;
import dev.orderlistbot.core.engine.ChartDrawing;
import dev.orderlistbot.core.engine.ChatPlatforms;
import dev.orderlistbot.core.engine.EngineConfig;
import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.core.engine.NotificationDispatcher;
import dev.orderlistbot.core.engine.NotificationRouter;
import dev.orderlistbot.core.engine.RoutingLanes;
import dev.orderlistbot.core.engine.OrderListReconciler;
import dev.orderlistbot.core.engine.StreamNotices;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.OrderEventSource;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One life of the bot process, wired as {@code BotRuntime} wires it for Binance (the engine, the
 * router, the outbox's dispatcher draining on a timer, the REST catch-up queue with its worker and
 * timer, the stores on H2), with every executor a view of the {@link SimScheduler} under this life's
 * generation. {@link #die} drops all of it but the database's committed rows.
 */
final class SimBot implements StreamHub.Bot {
  static final Duration DRAIN_EVERY = Duration.ofSeconds(10);
  static final Duration CATCH_UP_EVERY = Duration.ofMinutes(15);
  static final Duration SETTLE_EVERY = Duration.ofMinutes(1);
  static final List<String> PERIODIC_LANES = List.of("drain", "catch-up-timer", "settle");

  private final int generation;
  private final Database database;
  private final SimExchange exchange;
  private final RoutingLanes lanes;
  private final CatchUpQueue catchUps;
  private final BotEngine engine;
  private final List<SimExecutor> executors;

  private SimBot(int generation, Database database, SimExchange exchange, RoutingLanes lanes, CatchUpQueue catchUps, BotEngine engine, List<SimExecutor> executors) {
    this.generation = generation;
    this.database = database;
    this.exchange = exchange;
    this.lanes = lanes;
    this.catchUps = catchUps;
    this.engine = engine;
    this.executors = executors;
  }

  /** Starts a life of the bot on {@code jdbcUrl}: opens the database, resumes order events, drains on a timer. */
  static SimBot start(int generation, String jdbcUrl, EngineConfig config, MasterKey masterKey, SimScheduler scheduler, SimExchange exchange, SimChats chats, Faults faults, SecureRandom random) {
    SimClock clock = scheduler.clock();
    Database database = Database.open(new DbConfig(jdbcUrl, "sa", Secret.of(""), 4), clock);
    Transactor transactor = database.transactor();
    SimExecutor dispatch = new SimExecutor(scheduler, "", generation);
    SimExecutor drainTimer = new SimExecutor(scheduler, "drain", generation);
    SimExecutor catchUpWorker = new SimExecutor(scheduler, "catch-up", generation);
    SimExecutor catchUpTimer = new SimExecutor(scheduler, "catch-up-timer", generation);
    SimExecutor settleTimer = new SimExecutor(scheduler, "settle", generation);
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(transactor, platforms(FaultyChatPlatform.Path.NOTICES, chats, scheduler, faults), Map.of(), clock, dispatch);
    NotificationRouter router = new NotificationRouter(transactor, dispatcher::trigger);
    // as BotRuntime: the stream's events are routed on lanes by owner, in batches; each lane's drain
    // is a task of its own, so the seed interleaves lanes, catch-ups and deliveries
    SimExecutor routing = new SimExecutor(scheduler, "", generation);
    RoutingLanes lanes = new RoutingLanes(router::routeAll, routing, new RoutingLanes.Settings(4, 64, 1_000_000));
    StreamNotices notices = new StreamNotices(transactor, dispatcher::trigger, clock);
    CatchUpQueue catchUps =
        new CatchUpQueue(
            new OrderListReconciler(transactor, exchange, router, StreamHub.SOURCE)::reconcile,
            catchUpWorker, catchUpTimer, notices::connectionGap, clock, CatchUpQueue.DEFAULT_RETRY_DELAYS);
    AesGcmKeyVault vault = AesGcmKeyVault.open(masterKey, transactor, random, clock);
    BotEngine engine =
        new BotEngine(
            config, platforms(FaultyChatPlatform.Path.REPLIES, chats, scheduler, faults), exchange, Optional.empty(),
            Optional.of(source(exchange)), vault, transactor, new CommandParser(Optional.of("OrderListBot")),
            new PreTradeCheck(), clock, random, EngineTelemetry.NOOP, dispatcher::trigger, ChartDrawing.OFF,
            // as BotRuntime: each life is an instance of its own (its leases are not renewed here: one
            // instance runs, and a running action is known in memory; a lease only keeps another away)
            Optional.of(new InstanceLeases(transactor, clock, "sim-" + generation, Set.of())));
    SimBot bot = new SimBot(generation, database, exchange, lanes, catchUps, engine, List.of(dispatch, routing, drainTimer, catchUpWorker, catchUpTimer, settleTimer));
    exchange.stream().connect(bot);
    // as BotRuntime: the timer only asks the per-platform lanes for a drain; it never drains itself,
    // so one platform's sends never run twice at once in one process
    var unusedDrain = drainTimer.scheduleWithFixedDelay(dispatcher::trigger, DRAIN_EVERY.toMillis(), DRAIN_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    var unusedCatchUp = catchUpTimer.scheduleWithFixedDelay(exchange.stream()::catchUpEveryone, CATCH_UP_EVERY.toMillis(), CATCH_UP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    engine.resumeOrderEvents();
    var unusedSettle = settleTimer.scheduleWithFixedDelay(engine::settlePlacements, 0, SETTLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    // the ladders' breakeven plans, swept as the app does (a minute apart, off the scheduler)
    var unusedBreakeven = settleTimer.scheduleWithFixedDelay(engine::runBreakevenPlans, 0, SETTLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    return bot;
  }

  private static ChatPlatforms platforms(FaultyChatPlatform.Path path, SimChats chats, SimScheduler scheduler, Faults faults) {
    return ChatPlatforms.of(
        new FaultyChatPlatform("telegram", path, chats, scheduler, faults),
        new FaultyChatPlatform("discord", path, chats, scheduler, faults));
  }

  /** The user data stream as the engine starts and stops it. */
  private static OrderEventSource source(SimExchange exchange) {
    return new OrderEventSource() {
      @Override
      public void watch(UserRef user, ApiCredentials credentials) {
        exchange.stream().watch(user, exchange.accountOf(credentials.apiKey()), credentials);
      }

      @Override
      public void unwatch(UserRef user) {
        exchange.stream().unwatch(user);
      }

      @Override
      public boolean catchUp(UserRef user, ApiCredentials credentials) {
        exchange.stream().catchUp(user, credentials);
        return true;
      }
    };
  }

  @Override
  public int generation() {
    return generation;
  }

  @Override
  public void onUpdate(UserRef user, OrderListUpdate update) {
    lanes.onUpdate(user, update);
  }

  @Override
  public void catchUp(UserRef user, ApiCredentials credentials) {
    catchUps.request(user, credentials);
  }

  void handle(ChatEvent event) {
    engine.handle(event);
  }

  Transactor transactor() {
    return database.transactor();
  }

  SimExchange exchange() {
    return exchange;
  }

  /** The process dies: its timers, threads and connections go; the database keeps what was committed. */
  void die(SimScheduler scheduler) {
    executors.forEach(SimExecutor::shutdownNow);
    scheduler.drop(generation);
    exchange.stream().disconnectAll();
    database.close();
  }
}
