package dev.orderlistbot.bench;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.Trigger;
import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateChange;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What one change to the paper exchange costs, save included, when the book holds many accounts
 * (issue 19: a placement's CPU under the 1,000-user burst). Opens {@code accounts} accounts, each
 * with one open OCO (as after the harness's placements), then times, in CPU (the calling thread's and the whole process's),
 * changes of one account at a time (an OCO placed, then cancelled: two changes, two saves into an
 * in-memory store, or with {@code h2} the bot's H2 store in a file under a temporary directory,
 * deleted at the end),
 * and reports the median CPU per change over batches, with the 25th and 75th percentiles, and the
 * characters saved per change. With H2 the CPU of the calling thread includes the JDBC work done in
 * it (H2 runs embedded, in the caller's thread).
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar dev.orderlistbot.bench.PaperSaveCpuTime
 * [accounts] [rounds] [memory|h2]}. It only uses the paper exchange's public API and its store's
 * port; the port changed with V20 (a save names the accounts it writes), so a jar from before that
 * needs this file as of commit "PaperSaveCpuTime: the whole process's CPU as a mean" (which counts
 * the characters of the one text saved).
 */
public final class PaperSaveCpuTime {
  private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  private static final int CHANGES_PER_BATCH = 20;

  private PaperSaveCpuTime() {}

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    AtomicLong savedChars = new AtomicLong();
    AtomicLong saves = new AtomicLong();
    boolean h2 = args.length > 2 && args[2].equals("h2");
    Path dir = Files.createTempDirectory("paper-save-cpu");
    Clock clock = Clock.fixed(Instant.parse("2026-12-04T09:00:00Z"), ZoneOffset.UTC);
    Database database = h2 ? Database.open(DbConfig.h2File(dir), clock) : null;
    PaperStateStore memory = database != null ? database.paperState() : PaperStateStore.inMemory();
    AtomicLong savedAccounts = new AtomicLong();
    PaperStateStore counting = new PaperStateStore() {
      @Override
      public Optional<PaperState> load() {
        return memory.load();
      }

      @Override
      public void save(PaperStateChange change) {
        savedChars.addAndGet(change.rest().map(String::length).orElse(0));
        change.accounts().forEach(section -> savedChars.addAndGet(section.text().length()));
        savedAccounts.addAndGet(change.accounts().size());
        saves.incrementAndGet();
        memory.save(change);
      }
    };
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // the whole process's CPU also counts what H2's own threads and the garbage collector spend
    OperatingSystemMXBean process = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    try (PaperExchange paper =
        PaperExchange.create(PaperConfig.defaults().withoutPriceWalk(), clock, scheduler, new Random(1), (owner, update) -> {}, counting)) {
      for (int i = 0; i < accounts; i++) {
        place(paper, key(i), ClientListId.forKey("open" + i));
      }
      int warmUp = rounds / 4;
      double[] perChange = new double[rounds];
      long charsBefore = 0;
      long savesBefore = 0;
      long accountsBefore = 0;
      long processBefore = 0;
      for (int round = -warmUp; round < rounds; round++) {
        if (round == 0) {
          charsBefore = savedChars.get();
          savesBefore = saves.get();
          accountsBefore = savedAccounts.get();
          processBefore = process.getProcessCpuTime();
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int n = 0; n < CHANGES_PER_BATCH / 2; n++) {
          ApiCredentials key = key(Math.floorMod(round * 7919 + n * 31, accounts));
          ClientListId id = ClientListId.forKey("r" + (round + warmUp) + "n" + n);
          place(paper, key, id);
          paper.cancel(key, BTCUSDT, OrderListRef.of(id));
        }
        if (round >= 0) {
          perChange[round] = (threads.getCurrentThreadCpuTime() - start) / 1000.0 / CHANGES_PER_BATCH;
        }
      }
      Arrays.sort(perChange);
      double processPerChange = (process.getProcessCpuTime() - processBefore) / 1000.0 / ((long) rounds * CHANGES_PER_BATCH);
      long changes = (long) rounds * CHANGES_PER_BATCH;
      System.out.printf(
          "%s, %d accounts: %.0f us CPU per change in the calling thread (p25 %.0f, p75 %.0f), %.0f us in the whole process"
              + " (mean; its clock ticks are too coarse for batches) (%d batches of %d changes); %d saves, %.0f characters and %.1f account rows saved per change%n",
          h2 ? "H2 file store" : "in-memory store", accounts, perChange[rounds / 2], perChange[rounds / 4], perChange[rounds * 3 / 4],
          processPerChange, rounds, CHANGES_PER_BATCH,
          saves.get() - savesBefore, (savedChars.get() - charsBefore) / (double) changes,
          (savedAccounts.get() - accountsBefore) / (double) changes);
    } finally {
      scheduler.shutdownNow();
      if (database != null) {
        database.close();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static ApiCredentials key(int i) {
    return new ApiCredentials(KeyType.HMAC, "paper-telegram-" + (1_000_000 + i), Secret.of("paper"));
  }

  private static void place(PaperExchange paper, ApiCredentials key, ClientListId id) {
    Leg takeProfit = new Leg.LimitMaker(Price.of("32000"));
    Leg stopLoss = new Leg.StopLossLimit(Trigger.at(Price.of("29000")), Price.of("28900"), TimeInForce.GTC);
    OrderListRequest.Oco oco = new OrderListRequest.Oco(BTCUSDT, Quantity.of("0.001"), new OcoPair(Side.SELL, takeProfit, stopLoss));
    paper.place(key, oco, id);
  }
}
