package dev.orderlistbot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The real bot under 1,000 Telegram users, run by hand (never by {@code mvn verify}); figures go
 * into docs/performance.md ("1,000 users"). Starts {@link FakeBotApi}, then the fat jar as the
 * image runs it ({@link BotProcess}) in paper mode against that API, with every trader allowed.
 * Once healthy and settled it samples idle memory; then every trader sends
 * {@value #COMMAND} in a private chat (all at once), presses Confirm under the preview, and, once
 * all are placed, one trader moves the paper price to 32,000 so every take-profit fills and the bot
 * owes each trader one fill notice. It reports throughput, latency percentiles, the bot's CPU time
 * per phase and its resident memory (idle, peak per phase, after the load, and after a full GC with
 * the live heap), stops the bot with SIGTERM, and exits 1 unless every preview, placement and notice
 * arrived exactly once, the fake Bot API knew every call, no error was logged and the bot stopped
 * cleanly.
 *
 * <pre>
 * mvn -B -ntp -DskipTests package &amp;&amp; mvn -B -ntp -Pbench -DskipTests -pl bench -am package
 * java -cp bench/target/benchmarks.jar dev.orderlistbot.bench.ThousandUsersLoad [--users 1000]
 *   [--settle 30] [--max-ram 512m|none] [--jvm "more JVM flags"] [--jar app/target/orderlist-bot.jar]
 *   [--dockerfile Dockerfile] [--refuse-once SECONDS] [--charts on|off] [--group-alerts K] [--rounds R]
 * </pre>
 *
 * <p>The fake Bot API holds the bot to Telegram's flood limits ({@link TelegramLimits}); any 429 it
 * had to answer fails the run. With {@code --refuse-once SECONDS} it refuses one fill notice on
 * purpose, a third of the way through, and the run checks the bot waited what it was told
 * ({@link RefusalCheck}). With {@code --group-alerts K} the first K traders also turn alerts on in one
 * group first, and the run checks the group's answers and fill alerts keep 95% of Telegram's 20 a
 * minute ({@link GroupAlerts}). With {@code --rounds R} the same burst runs R times in the same bot
 * process ({@link Rounds}): the first round measures a fresh JVM, the later ones a warm one.
 */
public final class ThousandUsersLoad {
  static final String COMMAND = "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900";
  static final String MOVE_PRICE = "/paper price BTCUSDT 32000";
  private static final String TOKEN = "123456:LOAD-TEST-TOKEN";
  private static final Duration PHASE_LIMIT = Duration.ofMinutes(5);

  private final Map<String, String> options;
  private final List<String> failures = new ArrayList<>();

  private ThousandUsersLoad(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("users", "1000");
    options.put("settle", "30");
    options.put("max-ram", "512m");
    options.put("jvm", "");
    options.put("jar", "app/target/orderlist-bot.jar");
    options.put("dockerfile", "Dockerfile");
    options.put("refuse-once", "0");
    options.put("charts", "on");
    options.put("group-alerts", "0");
    options.put("rounds", "1");
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("options come in pairs: --name value");
    }
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
        throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    System.exit(new ThousandUsersLoad(options).run());
  }

  private int run() throws Exception {
    int users = Integer.parseInt(options.get("users"));
    Duration settle = Duration.ofSeconds(Long.parseLong(options.get("settle")));
    Path dir = Files.createTempDirectory("orderlist-load");
    int roundCount = Integer.parseInt(options.get("rounds"));
    Traders traders = new Traders(users);
    Rounds rounds = new Rounds(traders);
    try (FakeBotApi api = FakeBotApi.start(TOKEN, rounds);
        BotProcess bot = startBot(api, traders, dir)) {
      long launched = System.nanoTime();
      String health = bot.awaitHealthy(Duration.ofMinutes(2));
      report("ready", "%d ms after launch; /healthz %s".formatted(millis(System.nanoTime() - launched), health));
      try (MemorySampler sampler = new MemorySampler(bot::rssKib)) {
        Thread.sleep(settle);
        long idle = bot.rssKib().orElseThrow();
        report("RSS idle", "%d MB (%d s after ready); %s".formatted(
            mb(idle), settle.toSeconds(), Metrics.heap(bot.get("/metrics").body())));
        for (int round = 1; round <= roundCount; round++) {
          String name = roundCount == 1 ? "" : " " + round;
          if (round > 1) {
            report("round" + name, "the same burst again in the same bot (price set back to " + Rounds.START_PRICE + ")");
          }
          load(api, round == 1 ? traders : rounds.next(api, PHASE_LIMIT), sampler, bot, name, round == 1);
        }
        sampler.phase("after");
        Thread.sleep(settle);
        report("RSS after", "%d MB (%d s after the last notice); %s".formatted(
            mb(bot.rssKib().orElseThrow()), settle.toSeconds(), Metrics.heap(bot.get("/metrics").body())));
        report("RSS peak", "%d MB (VmHWM); by phase: %s".formatted(mb(bot.peakRssKib().orElseThrow()),
            sampler.peaks().entrySet().stream().map(e -> e.getKey() + " " + mb(e.getValue()) + " MB")
                .sorted().collect(Collectors.joining(", "))));
        sampler.phase("full GC");
        bot.fullGc();
        Thread.sleep(Duration.ofSeconds(2));
        report("after full GC", "RSS %d MB; %s (live heap)".formatted(
            mb(bot.rssKib().orElseThrow()), Metrics.heap(bot.get("/metrics").body())));
      }
      report("metrics", Metrics.summary(bot.get("/metrics").body()));
      stop(bot);
      Map<String, Long> calls = api.calls();
      report("Bot API calls", String.valueOf(calls));
      calls.entrySet().stream().filter(call -> call.getKey().startsWith("429:"))
          .forEach(call -> failures.add(call.getValue() + " message(s) over Telegram's limits were answered 429 (" + call.getKey() + ")"));
      calls.keySet().stream().filter(method -> method.startsWith("unknown:"))
          .forEach(method -> failures.add("the fake Bot API does not know what the bot called: " + method));
      report("bot messages", String.valueOf(rounds.current().kinds()));
      rounds.current().otherSamples().forEach(sample -> report("  other", sample));
    }
    failures.forEach(failure -> System.out.println("FAILED: " + failure));
    System.out.println(failures.isEmpty() ? "ALL CHECKS PASSED" : failures.size() + " CHECK(S) FAILED");
    return failures.isEmpty() ? 0 : 1;
  }

  private BotProcess startBot(FakeBotApi api, Traders traders, Path dir) throws IOException {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TELEGRAM_BOT_TOKEN", TOKEN);
    env.put("TELEGRAM_API_URL", api.baseUrl());
    env.put("BINANCE_ENV", "paper");
    env.put("BOT_PAPER_WALK_SECONDS", "0");
    env.put("BOT_CHARTS", options.get("charts"));
    env.put("BOT_ALLOWED_USERS", IntStream.range(0, traders.count())
        .mapToObj(i -> "telegram:" + Traders.userId(i)).collect(Collectors.joining(",")));
    env.put("BOT_DATA_DIR", Files.createDirectories(dir.resolve("data")).toString());
    env.put("BOT_MASTER_KEY", Base64.getEncoder().encodeToString(key));
    env.put("BOT_HTTP_HOST", "127.0.0.1");
    int port = freePort();
    env.put("BOT_HTTP_PORT", Integer.toString(port));
    String maxRam = options.get("max-ram");
    List<String> flags = new ArrayList<>();
    if (!maxRam.equals("none")) {
      flags.add("-XX:MaxRAM=" + maxRam);
    }
    Arrays.stream(options.get("jvm").split(" ", -1)).filter(flag -> !flag.isBlank()).forEach(flags::add);
    report("setup", "%d traders (BOT_ALLOWED_USERS is %d characters), data and log in %s".formatted(
        traders.count(), env.get("BOT_ALLOWED_USERS").length(), dir));
    return BotProcess.start(Path.of(options.get("dockerfile")), Path.of(options.get("jar")), flags, env,
        dir.resolve("bot.log"), port);
  }

  /**
   * The three phases: previews, confirmations, fill notices (and the group's, if asked for, in the
   * first round); {@code round} names the round after the phase (empty: the only one).
   */
  private void load(FakeBotApi api, Traders traders, MemorySampler sampler, BotProcess bot, String round, boolean first)
      throws InterruptedException {
    int n = traders.count();
    int grouped = first ? Integer.parseInt(options.get("group-alerts")) : 0;
    GroupAlerts group = new GroupAlerts(Math.min(n, grouped), failures);
    if (group.on()) {
      sampler.phase("group");
      group.subscribe(api, traders, PHASE_LIMIT);
    }
    Duration cpu = bot.cpu();
    ThreadCpu threads = ThreadCpu.ofProcess(bot.pid());
    sampler.phase("previews" + round);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      traders.stamp(Traders.Step.SENT, i, System.nanoTime());
      api.userSends(Traders.userId(i), COMMAND);
    }
    expect(traders.await(Traders.Step.PREVIEW, PHASE_LIMIT), "previews" + round, traders.reached(Traders.Step.PREVIEW), n);
    Latencies.report("previews" + round, start, traders.times(Traders.Step.SENT), traders.times(Traders.Step.PREVIEW));
    threads = reportThreads(bot, threads, bot.cpu().minus(cpu), n);
    cpu = reportCpu("previews" + round, bot, cpu);

    sampler.phase("confirmations" + round);
    start = System.nanoTime();
    for (int i = 0; i < n && traders.preview(i) != null; i++) {
      FakeBotApi.BotMessage preview = traders.preview(i);
      traders.stamp(Traders.Step.PRESSED, i, System.nanoTime());
      api.userPresses(Traders.userId(i), preview.messageId(), preview.text(), traders.confirmData(i));
    }
    expect(traders.await(Traders.Step.PLACED, PHASE_LIMIT), "placements" + round, traders.reached(Traders.Step.PLACED), n);
    Latencies.report("confirmations" + round, start, traders.times(Traders.Step.PRESSED), traders.times(Traders.Step.PLACED));
    threads = reportThreads(bot, threads, bot.cpu().minus(cpu), n);
    cpu = reportCpu("confirmations" + round, bot, cpu);

    sampler.phase("notifications" + round);
    start = System.nanoTime();
    long[] moved = new long[n];
    Arrays.fill(moved, start);
    int refuseAfter = Integer.parseInt(options.get("refuse-once"));
    RefusalCheck refusal = new RefusalCheck(refuseAfter);
    if (refuseAfter > 0) {
      refusal.plan(api, Math.max(2, n / 3));
    }
    api.userSends(Traders.userId(0), MOVE_PRICE);
    expect(traders.await(Traders.Step.FILL, PHASE_LIMIT), "fill notices" + round, traders.reached(Traders.Step.FILL), n);
    Latencies.report("fill notices" + round, start, moved, traders.times(Traders.Step.FILL));
    if (refuseAfter > 0) {
      refusal.check(traders.times(Traders.Step.FILL), failures);
    }
    reportThreads(bot, threads, bot.cpu().minus(cpu), n);
    reportCpu("fill notices" + round, bot, cpu);
    if (group.on()) {
      group.awaitAlerts(traders, PHASE_LIMIT);
    }
    check(traders);
  }

  /** Prints the bot's CPU time per trade since {@code before} ({@code total} in all) by kind of thread; answers the snapshot now. */
  private static ThreadCpu reportThreads(BotProcess bot, ThreadCpu before, Duration total, int trades) {
    ThreadCpu now = ThreadCpu.ofProcess(bot.pid());
    report("  by thread", now.byKind(before, total.toNanos(), trades));
    return now;
  }

  /** Prints the bot's CPU time since {@code before} and answers the total now. */
  private static Duration reportCpu(String phase, BotProcess bot, Duration before) {
    Duration now = bot.cpu();
    report("  CPU", "%.1f s of bot CPU time during the %s".formatted(now.minus(before).toMillis() / 1000.0, phase));
    return now;
  }

  private void stop(BotProcess bot) throws InterruptedException, IOException {
    int before = Files.readAllLines(bot.log()).size();
    long asked = System.nanoTime();
    int exit = bot.stop(Duration.ofSeconds(40));
    List<String> log = Files.readAllLines(bot.log());
    boolean stopped = log.stream().anyMatch(line -> line.contains("Bot stopped"));
    report("SIGTERM", "exit %d after %d ms; 'Bot stopped' logged: %s; %d log lines".formatted(
        exit, millis(System.nanoTime() - asked), stopped, log.size()));
    if (exit != 143 || !stopped) {
      failures.add("the bot did not stop cleanly on SIGTERM (exit " + exit + ", 'Bot stopped' " + stopped + ")");
    }
    checkLog("during the run", log.subList(0, Math.min(before, log.size())), bot.log());
    checkLog("on SIGTERM", log.subList(Math.min(before, log.size()), log.size()), bot.log());
  }

  /** Prints the WARN and ERROR lines of one part of the bot's log; any ERROR fails the run. */
  private void checkLog(String when, List<String> lines, Path log) {
    List<String> problems = lines.stream().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")).toList();
    report("log " + when, "%d WARN/ERROR line(s)".formatted(problems.size()));
    for (String line : problems) {
      report("  log", line.length() > 240 ? line.substring(0, 240) + "…" : line);
      if (line.contains(" ERROR ")) {
        failures.add("the bot logged an error " + when + ": see " + log);
      }
    }
  }

  private void check(Traders traders) {
    traders.kinds().forEach((kind, count) -> {
      if (kind.endsWith("(repeat)")) {
        failures.add(count + " repeated " + kind.replace(" (repeat)", "") + " message(s)");
      }
    });
  }

  private void expect(boolean all, String what, int reached, int wanted) {
    report(what, "%d of %d arrived".formatted(reached, wanted));
    if (!all) {
      failures.add("only " + reached + " of " + wanted + " " + what + " arrived within " + PHASE_LIMIT);
    }
  }

  static void report(String what, String line) {
    System.out.printf("%-16s %s%n", what + ":", line);
  }

  static long millis(long nanos) {
    return Duration.ofNanos(nanos).toMillis();
  }

  private static long mb(long kib) {
    return Math.round(kib / 1024.0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
