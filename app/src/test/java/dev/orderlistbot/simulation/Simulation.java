package dev.orderlistbot.simulation;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.engine.EngineConfig;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * One run of the world from one seed: a quarter of an hour of trading with the faults switched on,
 * then the faults heal and the run settles (up to an hour more), then the {@link Invariants} are
 * checked. The same seed and faults give the same run, task for task.
 */
final class Simulation {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  static final Duration ACTIVITY = Duration.ofMinutes(15);
  static final Duration SETTLE = Duration.ofMinutes(60);

  /** What a run found. */
  record Result(long seed, List<String> violations, long tasks, int crashes, String summary, String fingerprint, Observation observation) {}

  private final long seed;
  private final Faults faults;
  private final SimScheduler scheduler;
  private final SecureRandom secureRandom;
  private final String jdbcUrl;
  private final StreamHub stream;
  private final PaperExchange paper;
  private final SimExchange exchange;
  private final SimChats chats;
  private final WorldTimers world;
  private final EngineConfig config;
  private final MasterKey masterKey;
  private Optional<SimBot> bot = Optional.empty();
  private int generation;

  Simulation(long seed, Set<Fault> on, String runId) {
    this.seed = seed;
    Random random = new Random(seed);
    SimClock clock = new SimClock(START);
    this.scheduler = new SimScheduler(clock, random);
    this.faults = new Faults(on, random);
    this.secureRandom = seededSecureRandom(seed);
    this.jdbcUrl = "jdbc:h2:mem:simulation-" + runId + ";DB_CLOSE_DELAY=-1";
    this.stream = new StreamHub(scheduler, faults);
    this.paper =
        PaperExchange.create(
            PaperConfig.defaults().withoutPriceWalk(), clock, new SimExecutor(scheduler, "paper", SimScheduler.WORLD),
            new Random(seed), stream, PaperStateStore.inMemory());
    Map<String, String> shared = new LinkedHashMap<>();
    if (faults.strikes(Fault.SHARED_ACCOUNT, 0.5)) {
      shared.put(SimExchange.keyOf(Traders.BOB), SimExchange.keyOf(Traders.ALICE));
    }
    this.exchange = new SimExchange(paper, stream, scheduler, faults, shared);
    this.chats = new SimChats(clock);
    if (faults.strikes(Fault.CHAT_GONE, 0.3)) {
      chats.gone(Traders.GROUP);
    }
    this.world = new WorldTimers(scheduler, faults, paper, chats);
    this.config = EngineConfig.of(TradingEnvironment.PAPER, Set.copyOf(Traders.TRADERS), Set.of());
    this.masterKey = MasterKey.generate(secureRandom);
  }

  private static SecureRandom seededSecureRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
    }
  }

  Result run() {
    try {
      start();
      Traders traders = new Traders(scheduler, faults, () -> bot, world::price, chats);
      traders.plan(ACTIVITY);
      world.start();
      Instant heal = START.plus(ACTIVITY).plus(Duration.ofMinutes(2));
      runUntil(heal, false);
      healAll();
      runUntil(heal.plus(SETTLE), true);
      Observation seen = observe(traders.lines());
      String summary =
          seen.placements().size() + " placed, " + seen.lists().size() + " tracked, " + seen.fills().size() + " fills, "
              + seen.notices().size() + " notices, " + generation + " start(s)";
      String fingerprint = seen.notices() + " " + seen.shownTexts() + " " + seen.placements();
      return new Result(seed, Invariants.check(seen), scheduler.executed(), faults.crashes(), summary, fingerprint, seen);
    } finally {
      bot.ifPresent(b -> b.die(scheduler));
      paper.close();
      dropDatabase();
    }
  }

  private void start() {
    generation++;
    bot = Optional.of(SimBot.start(generation, jdbcUrl, config, masterKey, scheduler, exchange, chats, faults, secureRandom));
  }

  private void runUntil(Instant until, boolean stopWhenQuiet) {
    long steps = 0;
    while (true) {
      if (stopWhenQuiet && steps++ % 50 == 0 && quiet()) {
        return;
      }
      try {
        if (!scheduler.step(until)) {
          return;
        }
      } catch (SimCrash crash) {
        crashed();
      }
    }
  }

  /** The process died: everything in memory goes; it starts again on the same database a little later. */
  private void crashed() {
    if (bot.isEmpty()) {
      return;
    }
    bot.get().die(scheduler);
    bot = Optional.empty();
    scheduler.at(Duration.ofSeconds(5 + scheduler.random().nextInt(90)), "", SimScheduler.WORLD, this::restartIfDown);
  }

  private void restartIfDown() {
    if (bot.isEmpty()) {
      start();
    }
  }

  private void healAll() {
    faults.heal();
    chats.upAgain();
    restartIfDown();
    stream.catchUpEveryone();
  }

  /**
   * Nothing left to happen: no event on its way, no notice pending, and no placement or trade
   * action still owed its outcome (the periodic settlement answers those once they are final).
   */
  private boolean quiet() {
    return bot.isPresent()
        && stream.idle()
        && !scheduler.hasWorkBesides(SimBot.PERIODIC_LANES)
        && bot.get().transactor().inTransaction(
            s -> s.outbox().backlog().pending() == 0
                && s.orderLists().listUnsettled().isEmpty()
                && s.owedActions().owedUntil(Instant.parse("9999-12-31T00:00:00Z"), 1).isEmpty());
  }

  private Observation observe(List<Traders.Line> lines) {
    SimBot up = bot.orElseThrow();
    List<Observation.ListFact> lists = new ArrayList<>();
    List<PositionFacts.Placed> placed = new ArrayList<>();
    for (String clientListId : trackedListIds()) {
      TrackedOrderList tracked =
          up.transactor().inTransaction(s -> s.orderLists().findByListClientOrderId(clientListId)).orElseThrow();
      String account = exchange.accountOf(SimExchange.keyOf(tracked.owner()));
      Optional<PlacedOrderList> truth = exchange.truth(account, new ClientListId(clientListId));
      lists.add(
          new Observation.ListFact(
              clientListId, tracked.chat(), tracked.state(),
              truth.map(t -> OptionalLong.of(t.id().value())).orElse(OptionalLong.empty()),
              truth.map(PlacedOrderList::orderStatus)));
      truth.ifPresent(t -> placed.add(new PositionFacts.Placed(tracked, t)));
    }
    Set<Observation.Fill> fills = new LinkedHashSet<>();
    for (OrderListUpdate update : stream.emitted()) {
      if (update instanceof OrderListUpdate.LegChanged leg && leg.status() == LegStatus.FILLED) {
        String client = leg.clientOrderId().value();
        fills.add(new Observation.Fill(leg.orderListId().value(), leg.orderId(), client.substring(client.lastIndexOf('-') + 1)));
      }
    }
    Set<ChatRef> gone = chats.goneChats();
    // a chat the bot was removed from shows nothing it can still change (in the model, the bot's
    // answers still reach it, its notices no longer do): what it shows there is not judged
    List<SimChats.Delivery> shown =
        chats.messages().entrySet().stream()
            .map(shownIn -> new SimChats.Delivery(shownIn.getKey().chat(), shownIn.getValue().text(), scheduler.clock().instant()))
            .toList();
    long pending = up.transactor().inTransaction(s -> s.outbox().backlog()).pending();
    return new Observation(
        exchange.placements(), lists, List.copyOf(fills), chats.notices(), gone, pending, shown,
        PositionFacts.read(jdbcUrl, exchange, placed, lines));
  }

  /** Every list the bot ever recorded, read straight from its table (the store has no "all"). */
  private List<String> trackedListIds() {
    List<String> ids = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT list_client_order_id FROM placed_order_list ORDER BY list_client_order_id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the tracked lists", e);
    }
    return ids;
  }

  private void dropDatabase() {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop the simulation's database", e);
    }
  }
}
