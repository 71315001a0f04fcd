package dev.orderlistbot.app;

import dev.orderlistbot.core.command.CommandParser;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.engine.ActiveKeys;
import dev.orderlistbot.core.engine.BotEngine;
import dev.orderlistbot.core.engine.CardCharts;
import dev.orderlistbot.core.engine.ChartDrawing;
import dev.orderlistbot.core.engine.CatchUpQueue;
import dev.orderlistbot.core.engine.ChatPlatforms;
import dev.orderlistbot.core.engine.EngineConfig;
import dev.orderlistbot.core.engine.Housekeeping;
import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.core.engine.DispatchSettings;
import dev.orderlistbot.core.engine.NotificationDispatcher;
import dev.orderlistbot.core.engine.NotificationRouter;
import dev.orderlistbot.core.engine.RoutingLanes;
import dev.orderlistbot.core.engine.OrderListReconciler;
import dev.orderlistbot.core.engine.OutboxRetention;
import dev.orderlistbot.core.engine.RecordRetention;
import dev.orderlistbot.core.engine.StreamLeases;
import dev.orderlistbot.core.engine.StreamNotices;
import dev.orderlistbot.core.port.out.ChatPlatform;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderEventSource;
import dev.orderlistbot.core.port.out.PaperControl;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.binance.BinanceConfig;
import dev.orderlistbot.binance.BinanceExchangeClient;
import dev.orderlistbot.binance.BinanceUserDataStream;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot over opened storage: the exchange (paper, or Binance with its user data stream),
 * the engine, and the notification router and dispatcher, with the one scheduler and the virtual-thread executor they
 * share. Chat sends never run on the scheduler: its drain timer only triggers the dispatcher, whose
 * per-platform lanes send on virtual threads. {@link #close()} stops them in reverse order: no new
 * scheduled work, the paper exchange saved, the outbox drained once more, in-flight work finished.
 * Chat platforms and storage belong to the caller, which closes them around this.
 */
final class BotRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BotRuntime.class);
  private static final Duration DRAIN_EVERY = Duration.ofSeconds(1);
  private static final Duration SETTLE_EVERY = Duration.ofMinutes(1);
  /** How often every subscribed user's open lists are caught up over REST, events or not. */
  private static final Duration CATCH_UP_EVERY = Duration.ofMinutes(15);
  /** Threads that draw charts: drawing is CPU-bound, and a small host has about two cores. */
  private static final int DRAWING_THREADS = 2;

  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private final ExecutorService drawingThreads;
  private final Optional<PaperExchange> paper;
  private final Optional<BinanceUserDataStream> stream;
  /** The stream's catch-up worker, then its routing lanes: finished in that order at stop. */
  private final List<ExecutorService> streamWorkers;
  private final NotificationDispatcher dispatcher;
  private final ScheduledFuture<?> draining;
  private final BotEngine engine;
  private final ExchangeClient exchange;
  private final BotMetrics metrics;
  private final InstanceRole role;

  private BotRuntime(
      ScheduledExecutorService scheduler,
      ExecutorService workers,
      ExecutorService drawingThreads,
      Optional<PaperExchange> paper,
      Optional<BinanceUserDataStream> stream,
      List<ExecutorService> streamWorkers,
      NotificationDispatcher dispatcher,
      ScheduledFuture<?> draining,
      BotEngine engine,
      ExchangeClient exchange,
      BotMetrics metrics,
      InstanceRole role) {
    this.role = role;
    this.scheduler = scheduler;
    this.workers = workers;
    this.drawingThreads = drawingThreads;
    this.paper = paper;
    this.stream = stream;
    this.streamWorkers = streamWorkers;
    this.dispatcher = dispatcher;
    this.draining = draining;
    this.engine = engine;
    this.exchange = exchange;
    this.metrics = metrics;
  }

  /**
   * Builds and starts everything.
   *
   * @param botUsername the Telegram bot's username, for {@code /cmd@BotName} in groups; empty when
   *     Telegram is off
   */
  static BotRuntime start(
      AppConfig config,
      Storage storage,
      List<ChatPlatform> platforms,
      Optional<String> botUsername,
      Clock clock,
      SecureRandom random,
      BotMetrics metrics) {
    InstanceRole role = InstanceRole.of(storage.database().transactor(), clock, config.service(), random);
    if (config.trading().environment() == TradingEnvironment.PAPER) {
      role.requirePaperWriter();
    }
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("bot-scheduler").daemon().factory());
    // at shutdown, timers still waiting (reconnect back-offs, the price walk) are dropped, not awaited
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    // instances on one database share the Telegram token's pace: counted after every lease renewal
    AtomicInteger liveInstances = new AtomicInteger(1);
    role.afterEveryTick(() -> liveInstances.set(InstanceLeases.liveInstances(role.leases().everyone())));
    ChatPlatforms chats = ChatPlatforms.of(EdgePacing.paced(platforms, clock, liveInstances::get));
    Transactor transactor = storage.database().transactor();
    // each platform's sends run on virtual threads of their own; a drain that fails is counted, and retried on the next tick
    Executor deliveries = task -> workers.execute(() -> drainQuietly(task, metrics));
    // charts are drawn on a few platform threads, made only when the first chart is drawn
    ExecutorService drawingThreads =
        Executors.newFixedThreadPool(DRAWING_THREADS, Thread.ofPlatform().name("chart-drawing-", 1).daemon().factory());
    ChartDrawing drawing = ChartSettings.drawing(config.charts(), workers, drawingThreads);
    // the cards' charts need the exchange, built below (after the router the paper exchange reports to)
    LatePictures cardCharts = new LatePictures();
    NotificationDispatcher dispatcher =
        new NotificationDispatcher(
            transactor,
            chats,
            clock,
            deliveries,
            new DispatchSettings(
                EdgePacing.outboxPolicies(), metrics, cardCharts, EdgePacing.waker(scheduler, clock), EdgePacing.fanOut(workers),
                () -> liveInstances.get() > 1));
    metrics.watchOutbox(() -> transactor.inTransaction(stores -> stores.outbox().backlog()), clock);
    // after an order event: deliver its notice, and carry out a breakeven plan it may have started
    BreakevenWake breakevens = new BreakevenWake(workers);
    NotificationRouter router =
        new NotificationRouter(
            transactor,
            () -> {
              dispatcher.trigger();
              breakevens.wake();
            });
    TradingSettings trading = config.trading();

    Optional<PaperExchange> paper = Optional.empty();
    Optional<BinanceUserDataStream> stream = Optional.empty();
    List<ExecutorService> streamWorkers = List.of();
    ExchangeClient exchange;
    Optional<OrderEventSource> events;
    if (trading.environment() == TradingEnvironment.PAPER) {
      PaperExchange paperExchange =
          PaperExchange.create(paperConfig(trading), clock, scheduler, router, storage.database().paperState());
      paper = Optional.of(paperExchange);
      exchange = paperExchange;
      events = Optional.of(paperExchange);
    } else {
      BinanceConfig binanceConfig = binanceConfig(trading).withWeightBudget(config.rates().weightBudget());
      HttpClient http = HttpClient.newBuilder().connectTimeout(binanceConfig.connectTimeout()).build();
      BinanceExchangeClient rest = BinanceExchangeClient.create(binanceConfig, http, clock);
      StreamNotices notices = new StreamNotices(transactor, dispatcher::trigger, clock);
      // catch-ups over REST run one at a time, so a reconnect of many users does not burst the weight
      ExecutorService catchUpThread = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("catch-up").factory());
      // the lanes run on platform threads of their own: H2 works inside synchronized blocks, which
      // pin a virtual thread to its carrier on Java 21
      RoutingLanes.Settings laneSettings = RoutingLanes.Settings.defaults();
      ExecutorService routingThreads =
          Executors.newFixedThreadPool(laneSettings.lanes(), Thread.ofPlatform().name("routing-", 1).daemon().factory());
      streamWorkers = List.of(catchUpThread, routingThreads);
      CatchUpQueue catchUps =
          new CatchUpQueue(
              new OrderListReconciler(transactor, rest, router, BinanceUserDataStream.EVENT_SOURCE)::reconcile,
              catchUpThread,
              scheduler,
              notices::connectionGap,
              clock,
              CatchUpQueue.DEFAULT_RETRY_DELAYS);
      BinanceUserDataStream userData =
          BinanceUserDataStream.create(
              binanceConfig,
              http,
              rest,
              scheduler,
              // routed off the stream's one sequence: on lanes by owner, in batches (order per owner kept)
              new RoutingLanes(router::routeAll, routingThreads, laneSettings),
              catchUps::request,
              rejected -> notices.keyRefused(rejected.user(), rejected.reason()),
              BinanceUserDataStream.Settings.defaults());
      stream = Optional.of(userData);
      long catchUpMinutes = CATCH_UP_EVERY.toMinutes();
      var unused = scheduler.scheduleWithFixedDelay(userData::catchUpEveryone, catchUpMinutes, catchUpMinutes, TimeUnit.MINUTES);
      exchange = rest;
      // with several instances on one database, each account is streamed by one of them (its lease)
      StreamLeases streams =
          new StreamLeases(
              role.leases(),
              userData,
              () -> transactor.inTransaction(stores -> stores.orderLists().ownersWithOpenLists()),
              new ActiveKeys(storage.vault())::open);
      role.afterEveryTick(streams::tick);
      metrics.watchStreams(streams);
      events = Optional.of(streams);
    }
    cardCharts.set(new CardCharts(transactor, exchange, drawing, clock));
    metrics.watch(exchange);
    stream.ifPresent(s -> metrics.watchUserStream(s::openConnections, s::reconnects));
    Optional<PaperControl> paperControl = paper.map(p -> p);
    EngineConfig engineConfig =
        EngineConfig.of(trading.environment(), trading.allowedUsers(), trading.admins())
            .withConfirmTtl(trading.confirmTtl())
            .withCommandLimit(config.rates().commandLimit())
            .withKeyPosture(config.posture().policy())
            .withLimits(config.limits().limits())
            .withStepUp(config.stepUp().policy());
    BotEngine engine =
        new BotEngine(
            engineConfig,
            chats,
            exchange,
            paperControl,
            events,
            storage.vault(),
            transactor,
            new CommandParser(botUsername),
            new PreTradeCheck(),
            clock,
            random,
            metrics,
            dispatcher::trigger,
            drawing,
            Optional.of(role.leases()));
    if (paper.isPresent()) {
      engine.watchOpenLists();
    }
    // the sweeps run on the instance that holds their lease; taking it, it first follows again the
    // cancels a stopped instance left on their way; on Binance, every renewal shares the accounts'
    // streams (the first, now, starts those of the open lists' owners)
    role.start(scheduler, workers, engine::resumeInterruptedCancels);
    metrics.watchLeases(role.leases());
    // placements whose outcome nobody knows (a crash after the Confirm, a lost answer): looked up
    // now and every minute, on a worker (the look-ups are exchange calls)
    long settleSeconds = SETTLE_EVERY.toSeconds();
    var unusedSettle =
        scheduler.scheduleWithFixedDelay(
            () -> workers.execute(role.sweeping(engine::settlePlacements)), 0, settleSeconds, TimeUnit.SECONDS);
    breakevens.start(role.sweeping(engine::runBreakevenPlans));
    var unusedBreakeven = scheduler.scheduleWithFixedDelay(breakevens::wake, 0, settleSeconds, TimeUnit.SECONDS);
    long every = DRAIN_EVERY.toMillis();
    ScheduledFuture<?> draining =
        scheduler.scheduleWithFixedDelay(dispatcher::trigger, every, every, TimeUnit.MILLISECONDS);
    Housekeeping housekeeping =
        new Housekeeping(
            new OutboxRetention(transactor, clock, OutboxRetention.DEFAULT_RETENTION),
            new RecordRetention(transactor, clock, config.retention().policy()));
    var unused = housekeeping.scheduleOn(scheduler, Housekeeping.EVERY, role::runsSweeps);
    LOG.info("Bot ready: {} trading, platforms {}", trading.environment(), platforms.stream().map(ChatPlatform::platform).toList());
    return new BotRuntime(scheduler, workers, drawingThreads, paper, stream, streamWorkers, dispatcher, draining, engine, exchange, metrics, role);
  }

  /** The exchange orders go to (paper or Binance). */
  ExchangeClient exchange() {
    return exchange;
  }

  /** Where work tied to this instance's leases registers (the Discord gateway). */
  LeaseTicks leaseTicks() {
    return role;
  }

  /** This instance's leases, for {@code /healthz}. */
  InstanceLeases leases() {
    return role.leases();
  }

  /** Where chat adapters hand what users did. */
  BotEngine engine() {
    return engine;
  }

  @Override
  public void close() {
    draining.cancel(false);
    stream.ifPresent(BinanceUserDataStream::close);
    streamWorkers.forEach(BotRuntime::finish);
    paper.ifPresent(PaperExchange::close);
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
    drainQuietly(dispatcher::drainOnce, metrics);
    role.close();
    workers.close();
    drawingThreads.shutdown();
    LOG.info("Bot stopped");
  }

  /**
   * Lets the stream's work under way finish (a catch-up, the events waiting in the routing lanes:
   * they reach the outbox), waiting a few seconds at most.
   */
  private static void finish(ExecutorService worker) {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the stream's catch-up or routing did not finish within 5 s; the next start catches up again");
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static PaperConfig paperConfig(TradingSettings trading) {
    PaperConfig config = PaperConfig.defaults().withFees(trading.paperFees());
    return trading.paperWalk().isZero() ? config.withoutPriceWalk() : config.withPriceWalk(trading.paperWalk());
  }

  private static BinanceConfig binanceConfig(TradingSettings trading) {
    BinanceConfig config =
        BinanceConfig.defaults(
            switch (trading.environment()) {
              case TESTNET -> BinanceConfig.Environment.TESTNET;
              case DEMO -> BinanceConfig.Environment.DEMO;
              case LIVE -> BinanceConfig.Environment.LIVE;
              case PAPER -> throw new IllegalStateException("paper trading does not use Binance");
            });
    BinanceConfig withRest = trading.restUrl().map(config::withRestBaseUrl).orElse(config);
    return trading.wsApiUrl().map(withRest::withWsApiUrl).orElse(withRest);
  }

  private static void drainQuietly(Runnable drain, BotMetrics metrics) {
    try {
      drain.run();
    } catch (RuntimeException e) {
      metrics.drainFailed();
      // the next tick tries again; nothing is lost, the outbox keeps every undelivered row
      LOG.warn("Delivering notifications failed; retrying on the next tick", e);
    }
  }
}
