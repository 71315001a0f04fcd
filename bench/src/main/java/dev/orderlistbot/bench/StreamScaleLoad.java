package dev.orderlistbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderlistbot.binance.BinanceConfig;
import dev.orderlistbot.binance.BinanceUserDataStream;
import dev.orderlistbot.binance.FakeWsApi;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.engine.NotificationRouter;
import dev.orderlistbot.core.engine.OwnerUpdate;
import dev.orderlistbot.core.engine.RoutingLanes;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.security.AesGcmKeyVault;
import dev.orderlistbot.core.security.CredentialInfo;
import dev.orderlistbot.core.security.MasterKey;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 19's stream scale target, in one process on loopback: {@code --accounts} traders (5,000)
 * with sealed keys in the vault and one open OCO each in an H2 file database, the real {@link
 * BinanceUserDataStream} subscribing every account (1,000 per connection) on the binance module's
 * WebSocket API fake, then {@code --rate} executionReport events a second (10,000) for those lists
 * for {@code --seconds}, each routed by the real {@link NotificationRouter} into the outbox.
 * Measures start-to-all-subscribed, event-to-outbox-commit latency from each event's scheduled send
 * instant (so a late sender does not hide delay), throughput, the live heap per subscribed user, and
 * the process's CPU per event, also per kind of thread (the JIT and GC included). With {@code
 * --warmup-seconds W} it first sends W seconds of other events at the same rate, routes them all and
 * only then starts measuring: the figures of a bot that has run a while rather than of a cold JVM.
 * It prints the latencies per half second of the run too; {@code --latencies-file F} writes every
 * event's scheduled instant and latency to F.
 * Prints PASS or FAIL; exits 1 on FAIL.
 */
public final class StreamScaleLoad {
  private static final String FILL = "execution-report-oco-tp-leg-filled.json";
  private static final long SUBSCRIBE_TARGET_MS = 30_000;
  private static final double P99_TARGET_MS = 50;

  private StreamScaleLoad() {}

  public static void main(String[] args) throws Exception {
    int accounts = intArg(args, "--accounts", 5_000);
    int rate = intArg(args, "--rate", 10_000);
    int seconds = intArg(args, "--seconds", 20);
    int warmupSeconds = intArg(args, "--warmup-seconds", 0);
    boolean inline = Arrays.asList(args).contains("--inline");
    RoutingLanes.Settings lanes = new RoutingLanes.Settings(
        intArg(args, "--lanes", RoutingLanes.Settings.defaults().lanes()), RoutingLanes.Settings.defaults().maxBatch(),
        RoutingLanes.Settings.defaults().capacity());
    int events = rate * seconds;
    Clock clock = Clock.systemUTC();
    Path dir = Files.createTempDirectory("stream-scale");
    SecureRandom random = new SecureRandom();
    FakeWsApi fake = FakeWsApi.started();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    String h2Options = System.getProperty("h2.options", "");
    DbConfig db = new DbConfig(DbConfig.defaultUrl(dir) + h2Options, DbConfig.DEFAULT_USER, Secret.of(""), DbConfig.DEFAULT_POOL_SIZE);
    try (Database database = Database.open(db, clock)) {
      AesGcmKeyVault vault = AesGcmKeyVault.open(MasterKey.generate(random), database.transactor(), random, clock);
      List<UserRef> users = new ArrayList<>(accounts);
      List<String> legIds = new ArrayList<>(accounts);
      List<String> apiKeys = new ArrayList<>(accounts);
      Instant now = clock.instant();
      for (int i = 0; i < accounts; i++) {
        UserRef user = new UserRef("bench", "u" + i);
        String apiKey = "benchkey" + i;
        String secret = HexFormat.of().formatHex(random.generateSeed(32));
        vault.store(user, new ApiCredentials(KeyType.HMAC, apiKey, Secret.of(secret)));
        fake.account(apiKey, secret);
        ClientListId list = ClientListId.forKey("scale" + i);
        database.stores().orderLists().record(
            new TrackedOrderList(
                list.value(), user, new ChatRef("bench", "u" + i), ListKind.OCO, Symbol.of("BTCUSDT"),
                OptionalLong.of(9001L + i),
                List.of(new TrackedLeg(list.legId(LegRole.TAKE_PROFIT).value(), OptionalLong.of(1)),
                    new TrackedLeg(list.legId(LegRole.STOP_LOSS).value(), OptionalLong.of(2))),
                OrderListState.EXECUTING, now, now));
        users.add(user);
        legIds.add(list.legId(LegRole.TAKE_PROFIT).value());
        apiKeys.add(apiKey);
      }
      long[] scheduled = new long[events];
      long[] committed = new long[events];
      AtomicLong routed = new AtomicLong();
      AtomicLong warmedUp = new AtomicLong();
      NotificationRouter router = new NotificationRouter(database.transactor(), () -> {});
      // as BotRuntime wires it: the stream hands each event to the routing lanes, which route by
      // owner in batches; the time of commit is taken when the batch's transaction returned
      RoutingLanes.BatchRouter timed = batch -> {
        router.routeAll(batch);
        long done = System.nanoTime();
        for (OwnerUpdate each : batch) {
          if (each.update() instanceof OrderListUpdate.LegChanged leg) {
            if (leg.orderId() < events) {
              committed[(int) leg.orderId()] = done;
              routed.incrementAndGet();
            } else {
              warmedUp.incrementAndGet();
            }
          }
        }
      };
      // as BotRuntime: one platform thread per lane
      ExecutorService routing =
          Executors.newFixedThreadPool(lanes.lanes(), Thread.ofPlatform().name("routing-", 1).daemon().factory());
      // --inline: as before the lanes, each event routed in its own transaction on the stream's sequence
      OrderUpdateHandler handler = inline
          ? (owner, update) -> timed.routeAll(List.of(new OwnerUpdate(owner, update)))
          : new RoutingLanes(timed, routing, lanes);
      System.out.println(inline ? "routing: inline, one transaction per event" : "routing: " + lanes);
      long heapBefore = liveHeap(memory);
      BinanceConfig config = BinanceConfig.defaults(BinanceConfig.Environment.TESTNET).withWsApiUrl(fake.uri());
      HttpClient http = HttpClient.newHttpClient();
      try (BinanceUserDataStream stream = new BinanceUserDataStream(
          config, http, clock, scheduler, handler, (user, credentials) -> {}, rejected -> {},
          BinanceUserDataStream.Settings.defaults())) {
        long start = System.nanoTime();
        for (UserRef user : users) {
          // as production does (ActiveKeys): each key opened from the vault, then watched
          CredentialInfo info = vault.list(user).getFirst();
          stream.watch(user, vault.open(user, info.id()).orElseThrow());
        }
        long subscribedMs = awaitSubscribed(fake, apiKeys, start);
        long heapAfter = liveHeap(memory);
        System.out.printf("subscribed %,d of %,d accounts in %,d ms on %d connections%n",
            countSubscribed(fake, apiKeys), accounts, subscribedMs, stream.openConnections());
        double perUser = (heapAfter - heapBefore) / (double) accounts;
        System.out.printf("live heap: %,d bytes before subscribing, %,d after; %,.0f bytes per subscribed user%n",
            heapBefore, heapAfter, perUser);

        // every frame rendered before the clock starts, so the sender only sends; the warm-up's
        // events come first, with order ids past the measured ones and lower cumulative quantities,
        // so each measured event is still a fresh fill that moves its list's notice on
        int warmupEvents = rate * warmupSeconds;
        String[] frames = new String[warmupEvents + events];
        String template = eventTemplate();
        for (int n = 0; n < frames.length; n++) {
          int account = n % accounts;
          long orderId = n < warmupEvents ? events + n : n - warmupEvents;
          frames[n] = template
              .replace("\"@c@\"", "\"" + legIds.get(account) + "\"")
              .replace("\"@i@\"", Long.toString(orderId))
              .replace("\"@g@\"", Long.toString(9001L + account))
              .replace("@z@", new BigDecimal(n / accounts + 1).movePointLeft(4).toPlainString());
        }
        if (warmupEvents > 0) {
          send(fake, apiKeys, frames, 0, warmupEvents, rate, new long[warmupEvents]);
          long deadline = System.nanoTime() + 60_000_000_000L;
          while (warmedUp.get() < warmupEvents && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          System.out.printf("warm-up: %,d events routed over %d s before the measured run (not in its figures)%n",
              warmedUp.get(), warmupSeconds);
        }
        long cpuBefore = processCpuNanos();
        ThreadCpu threadsBefore = ThreadCpu.snapshot();
        long lateSends = send(fake, apiKeys, frames, warmupEvents, frames.length, rate, scheduled);
        long sendStart = scheduled[0];
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + 30_000_000_000L;
        while (routed.get() < events && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        long lastCommit = Arrays.stream(committed).max().orElse(sendEnd);
        long cpu = processCpuNanos() - cpuBefore;
        System.out.printf("process CPU while sending and routing: %,.1f s, %.3f ms per event (fake server and sender included)%n",
            cpu / 1e9, cpu / 1e6 / Math.max(1, routed.get()));
        System.out.print("CPU by thread (Linux task names, digits dropped):\n"
            + ThreadCpu.snapshot().since(threadsBefore, routed.get()));
        String latenciesFile = stringArg(args, "--latencies-file");
        if (latenciesFile != null) {
          writeLatencies(Path.of(latenciesFile), scheduled, committed, sendStart);
        }
        report(accounts, rate, seconds, scheduled, committed, routed.get(), sendStart, sendEnd, lastCommit, lateSends,
            subscribedMs, stream.openConnections(), perUser);
      }
    } finally {
      scheduler.shutdownNow();
      fake.stop(1000);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Sends {@code frames[from..to)} at {@code rate} a second from 100 ms on, each at its scheduled
   * instant, which it records in {@code scheduled[n - from]}; returns how many went out over 1 ms late.
   */
  private static long send(FakeWsApi fake, List<String> apiKeys, String[] frames, int from, int to, int rate,
      long[] scheduled) {
    long sendStart = System.nanoTime() + 100_000_000L;
    long lateSends = 0;
    for (int n = from; n < to; n++) {
      long at = sendStart + (n - from) * 1_000_000_000L / rate;
      long wait;
      while ((wait = at - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(wait, 200_000));
      }
      if (System.nanoTime() - at > 1_000_000) {
        lateSends++;
      }
      scheduled[n - from] = at;
      fake.pushEventJson(apiKeys.get(n % apiKeys.size()), frames[n]);
      frames[n] = null;
    }
    return lateSends;
  }

  private static void report(int accounts, int rate, int seconds, long[] scheduled, long[] committed, long routed,
      long sendStart, long sendEnd, long lastCommit, long lateSends, long subscribedMs, int connections, double perUser) {
    int events = scheduled.length;
    long[] latencies = new long[events];
    int n = 0;
    for (int i = 0; i < events; i++) {
      if (committed[i] != 0) {
        latencies[n++] = committed[i] - scheduled[i];
      }
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    double offered = events / ((sendEnd - sendStart) / 1e9);
    double achieved = routed / ((lastCommit - sendStart) / 1e9);
    System.out.printf("accounts %,d, offered %,d events/s for %d s (%,.0f/s sent, %,d sends > 1 ms late)%n",
        accounts, rate, seconds, offered, lateSends);
    System.out.printf("routed %,d of %,d events to the outbox: %,.0f events/s%n", routed, events, achieved);
    double p99 = ms(percentile(sorted, 0.99));
    System.out.printf("event-to-outbox ms: p50 %.2f p90 %.2f p99 %.2f max %.2f%n",
        ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.90)), p99, ms(percentile(sorted, 1.0)));
    boolean pass = routed == events && subscribedMs <= SUBSCRIBE_TARGET_MS && p99 <= P99_TARGET_MS
        && achieved >= rate * 0.95 && connections == (accounts + 999) / 1000;
    System.out.printf("live heap per subscribed user: %,.0f bytes%n", perUser);
    printTimeline(scheduled, committed, sendStart);
    System.out.println(pass ? "PASS" : "FAIL (targets: all subscribed <= 30 s, p99 <= 50 ms, every event routed at >= 95% of the rate)");
    if (!pass) {
      System.exit(1);
    }
  }

  /**
   * Where in the run the slow events were: per half second of scheduled instants, the events, their
   * p50, p99 and max event-to-outbox latency, and how many were not routed.
   */
  private static void printTimeline(long[] scheduled, long[] committed, long sendStart) {
    long window = 500_000_000L;
    int windows = (int) ((scheduled[scheduled.length - 1] - sendStart) / window) + 1;
    System.out.println("timeline (scheduled instant, per 0.5 s): events, p50 / p99 / max ms, not routed");
    for (int w = 0; w < windows; w++) {
      long from = sendStart + w * window;
      long[] slice = new long[scheduled.length];
      int n = 0;
      int missing = 0;
      for (int i = 0; i < scheduled.length; i++) {
        if (scheduled[i] >= from && scheduled[i] < from + window) {
          if (committed[i] == 0) {
            missing++;
          } else {
            slice[n++] = committed[i] - scheduled[i];
          }
        }
      }
      long[] sorted = Arrays.copyOf(slice, n);
      Arrays.sort(sorted);
      System.out.printf("  %5.1f s  %,6d  %7.2f / %7.2f / %7.2f  %d%n", w * window / 1e9, n + missing,
          ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.99)), ms(percentile(sorted, 1.0)), missing);
    }
  }

  /**
   * One line per measured event: its scheduled instant in nanoseconds from the first, and its
   * event-to-outbox latency in nanoseconds ({@code -1} if not routed), for a look finer than the
   * timeline's.
   */
  private static void writeLatencies(Path file, long[] scheduled, long[] committed, long sendStart)
      throws java.io.IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < scheduled.length; i++) {
      lines.append(scheduled[i] - sendStart).append(' ')
          .append(committed[i] == 0 ? -1 : committed[i] - scheduled[i]).append('\n');
    }
    Files.writeString(file, lines);
  }

  /**
   * The fixture's event as a partial fill of 0.0001 of a 100 take-profit, with placeholders for the
   * leg's client id ({@code @c@}), the order id ({@code @i@}), the list id ({@code @g@}) and the
   * cumulative quantity ({@code @z@}).
   */
  private static String eventTemplate() throws java.io.IOException {
    ObjectMapper json = new ObjectMapper();
    try (var in = StreamScaleLoad.class.getResourceAsStream("/fixtures/binance/" + FILL)) {
      ObjectNode event = (ObjectNode) json.readTree(in).path("event");
      event.put("c", "@c@");
      event.put("i", "@i@");
      event.put("g", "@g@");
      event.put("X", "PARTIALLY_FILLED");
      event.put("q", "100.00000000");
      event.put("l", "0.00010000");
      event.put("z", "@z@");
      return json.writeValueAsString(event);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Long.MAX_VALUE;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static long awaitSubscribed(FakeWsApi fake, List<String> apiKeys, long start) throws InterruptedException {
    long deadline = start + 120_000_000_000L;
    while (countSubscribed(fake, apiKeys) < apiKeys.size() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  private static long countSubscribed(FakeWsApi fake, List<String> apiKeys) {
    return apiKeys.stream().filter(fake::subscribed).count();
  }

  private static long liveHeap(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String stringArg(String[] args, String name) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return null;
  }

  private static int intArg(String[] args, String name, int fallback) {
    String value = stringArg(args, name);
    return value == null ? fallback : Integer.parseInt(value);
  }
}
