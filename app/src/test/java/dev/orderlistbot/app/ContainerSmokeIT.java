package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container smoke test, without Docker: runs the packaged fat jar the way the image does, with
 * the Dockerfile's ENTRYPOINT (its JVM flags) and ENV lines read from the Dockerfile itself, a
 * fresh data directory, no standard input, no chat token, and (when the build runs as root and
 * {@code setpriv} exists) an unprivileged user. Only the data path and the port differ, so
 * parallel builds do not collide. The class data sharing archive is trained first by the
 * Dockerfile's own {@code warm-up} RUN line (its archive path swapped for a temporary one), and the
 * ENTRYPOINT maps it, as in the image. Then: {@code /healthz} answers 200, {@code /metrics} answers,
 * SIGTERM stops the bot cleanly (exit 143, "Bot stopped", no error logged) and the H2 file is
 * closed and reopens with its schema.
 */
class ContainerSmokeIT {
  private static final Pattern ENV = Pattern.compile("^ENV\\s+([A-Z_]+)=(\\S+)\\s*$", Pattern.MULTILINE);
  private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT\\s+\\[(.*)]\\s*$", Pattern.MULTILINE);
  private static final Pattern WARM_UP = Pattern.compile("^RUN\\s+\\[(.*\"warm-up\")]\\s*$", Pattern.MULTILINE);
  private static final String IMAGE_ARCHIVE = "/app/orderlist-bot.jsa";
  private static final String IMAGE_JAR = "/app/orderlist-bot.jar";
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final int NOBODY = 65534;

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void theImagesEntrypointStartsHealthyAndStopsCleanlyOnSigterm() throws Exception {
    String dockerfile = Files.readString(Path.of(System.getProperty("orderlistbot.dockerfile")));
    Path jar = Path.of(System.getProperty("orderlistbot.jar")).toAbsolutePath();
    Path data = Files.createDirectories(dir.resolve("data"));
    boolean unprivileged = runAsNobodyIfRoot(data);
    int port = freePort();

    Map<String, String> env = imageEnv(dockerfile);
    assertThat(env).containsEntry("BOT_CONSOLE", "off").containsEntry("BOT_HTTP_HOST", "0.0.0.0").containsKey("BOT_DATA_DIR");
    env.put("BOT_DATA_DIR", data.toString());
    env.put("BOT_HTTP_PORT", Integer.toString(port));

    Path log = dir.resolve("bot.log");
    Path archive = trainArchive(dockerfile, jar);
    ProcessBuilder builder = asTheImageRuns(dockerfile, jar, archive, unprivileged, env, log, List.of(), "run");
    Instant started = Instant.now();
    Process bot = builder.start();
    try {
      HttpResponse<String> health = awaitHealth(port, bot, log);
      System.out.printf("ContainerSmokeIT: healthy after %d ms (user %s)%n",
          Duration.between(started, Instant.now()).toMillis(), unprivileged ? "nobody" : System.getProperty("user.name"));
      assertThat(health.statusCode()).isEqualTo(200);
      // one instance on its own database holds the paper exchange and the sweeps
      assertThat(health.body()).matches(
          "\\{\"status\":\"up\",\"database\":\"up\",\"exchange\":\"paper\",\"platforms\":\\{},"
              + "\"instance\":\"[a-z0-9.-]+-[0-9a-f]{6}\",\"leases\":\\[\"paper\",\"sweeps\"],\"streams\":0}");
      assertThat(get(port, "/metrics").body()).contains("orderlist_notifications_delivered_total").contains("jvm_memory_used_bytes")
          .contains("orderlist_leases_held 3.0").contains("orderlist_leases_taken_total 3.0");
    } finally {
      bot.destroy(); // SIGTERM, as `docker stop` sends
    }
    assertThat(bot.waitFor(40, TimeUnit.SECONDS)).as("stopped within the grace period").isTrue();
    String output = Files.readString(log);
    assertThat(bot.exitValue()).as(output).isEqualTo(143);
    assertThat(output).contains("Bot stopped").doesNotContain(" ERROR ").doesNotContain("Exception").doesNotContain(" WARN  d.o.app.BotRuntime");
    assertThat(output.lines().filter(line -> !line.startsWith("orderlist-bot running on")))
        .as("one line per log event")
        .allMatch(line -> line.matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} .*"));
    assertThat(reopenedSchemaVersions(data)).as("H2 closed cleanly and reopens").isPositive();
  }

  @Test
  void theImageDrawsChartsHeadlessWithItsBundledFont() throws Exception {
    String dockerfile = Files.readString(Path.of(System.getProperty("orderlistbot.dockerfile")));
    Path jar = Path.of(System.getProperty("orderlistbot.jar")).toAbsolutePath();
    Path data = Files.createDirectories(dir.resolve("data"));
    boolean unprivileged = runAsNobodyIfRoot(data);
    Map<String, String> env = imageEnv(dockerfile);
    env.put("BOT_DATA_DIR", data.toString());
    Path log = dir.resolve("check.log");
    ProcessBuilder builder = asTheImageRuns(dockerfile, jar, trainArchive(dockerfile, jar), unprivileged, env, log, List.of(), "charts", "check");
    assertThat(builder.command()).contains("-Djava.awt.headless=true");
    Process check = builder.start();

    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(log);
    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains("Charts work: drew a 800×450 PNG").contains("headless true");
    assertThat(data.resolve("charts/chart-check.png")).exists();
  }

  @Test
  void theArchiveTheImageTrainsHoldsTheClassesOfTheStartPath() throws Exception {
    String dockerfile = Files.readString(Path.of(System.getProperty("orderlistbot.dockerfile")));
    Path jar = Path.of(System.getProperty("orderlistbot.jar")).toAbsolutePath();
    Path data = Files.createDirectories(dir.resolve("data"));
    boolean unprivileged = runAsNobodyIfRoot(data);
    int port = freePort();
    Map<String, String> env = imageEnv(dockerfile);
    env.put("BOT_DATA_DIR", data.toString());
    env.put("BOT_HTTP_PORT", Integer.toString(port));
    Path archive = trainArchive(dockerfile, jar);
    Path classes = data.resolve("classes.log"); // the bot may run as nobody: it writes only the data directory
    Path log = dir.resolve("bot.log");
    // -Xshare:on: the start fails, rather than going on without, if the archive does not fit this JVM and jar
    Process bot = asTheImageRuns(dockerfile, jar, archive, unprivileged, env, log,
        List.of("-Xshare:on", "-Xlog:class+load=info:file=" + classes), "run").start();
    try {
      assertThat(awaitHealth(port, bot, log).statusCode()).isEqualTo(200);
    } finally {
      bot.destroy();
    }
    assertThat(bot.waitFor(40, TimeUnit.SECONDS)).isTrue();
    assertThat(bot.exitValue()).as(Files.readString(log)).isEqualTo(143);

    List<String> ours = Files.readAllLines(classes).stream().filter(line -> line.contains(" dev.orderlistbot.")).toList();
    long mapped = ours.stream().filter(line -> line.contains("source: shared objects file")).count();
    System.out.printf("ContainerSmokeIT: %d of %d classes of the bot mapped from the archive%n", mapped, ours.size());
    assertThat(ours).hasSizeGreaterThan(100);
    assertThat(mapped).as("classes of the bot mapped from the archive, of %d", ours.size()).isGreaterThanOrEqualTo(ours.size() * 9L / 10);
  }

  /**
   * Runs the Dockerfile's {@code warm-up} RUN line, as the image build does, with the archive
   * written into this test's directory and the built jar; answers the archive.
   */
  private Path trainArchive(String dockerfile, Path jar) throws Exception {
    Matcher m = WARM_UP.matcher(dockerfile);
    assertThat(m.find()).as("an exec-form RUN line that runs warm-up").isTrue();
    List<String> words = quotedWords(m.group(1));
    assertThat(words.getFirst()).isEqualTo("java");
    assertThat(words).contains("-XX:ArchiveClassesAtExit=" + IMAGE_ARCHIVE).endsWith("-jar", IMAGE_JAR, "warm-up");
    Path archive = dir.resolve("orderlist-bot.jsa");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String word : words.subList(1, words.size())) {
      command.add(word.replace(IMAGE_ARCHIVE, archive.toString()).replace(IMAGE_JAR, jar.toString()));
    }
    Path log = dir.resolve("warm-up.log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(name -> name.startsWith("BOT_") || name.startsWith("BINANCE_")
        || name.startsWith("TELEGRAM_") || name.startsWith("DISCORD_") || name.equals("DISPLAY"));
    Process training = builder.start();
    assertThat(training.waitFor(120, TimeUnit.SECONDS)).as("warm-up finished").isTrue();
    String output = Files.readString(log);
    assertThat(training.exitValue()).as(output).isZero();
    assertThat(output).contains("warm-up: /healthz answered 200").contains("Bot stopped").doesNotContain(" ERROR ");
    assertThat(archive).isNotEmptyFile();
    return archive;
  }

  /**
   * The jar started as the image's ENTRYPOINT starts it (its archive swapped for {@code archive},
   * {@code jvmFlags} after the image's), with {@code args} as its CMD, the image's ENV ({@code
   * env}), no display and none of the caller's bot variables, its output in {@code log}.
   */
  private static ProcessBuilder asTheImageRuns(
      String dockerfile,
      Path jar,
      Path archive,
      boolean unprivileged,
      Map<String, String> env,
      Path log,
      List<String> jvmFlags,
      String... args) {
    List<String> command = new ArrayList<>();
    if (unprivileged) {
      command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> entrypoint = entrypointArgs(dockerfile, jar);
    assertThat(entrypoint).as("the ENTRYPOINT maps the trained archive").contains("-XX:SharedArchiveFile=" + IMAGE_ARCHIVE);
    entrypoint.replaceAll(word -> word.replace(IMAGE_ARCHIVE, archive.toString()));
    command.addAll(entrypoint.subList(0, entrypoint.size() - 2));
    command.addAll(jvmFlags);
    command.addAll(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(name -> name.startsWith("BOT_") || name.startsWith("BINANCE_")
        || name.startsWith("TELEGRAM_") || name.startsWith("DISCORD_") || name.equals("DISPLAY"));
    builder.environment().putAll(env);
    return builder;
  }

  private static Map<String, String> imageEnv(String dockerfile) {
    Map<String, String> env = new LinkedHashMap<>();
    Matcher m = ENV.matcher(dockerfile);
    while (m.find()) {
      env.put(m.group(1), m.group(2));
    }
    return env;
  }

  /** The ENTRYPOINT's arguments after {@code java}, with the image's jar path swapped for the built one. */
  private static List<String> entrypointArgs(String dockerfile, Path jar) {
    Matcher m = ENTRYPOINT.matcher(dockerfile);
    assertThat(m.find()).as("an exec-form ENTRYPOINT").isTrue();
    List<String> words = quotedWords(m.group(1));
    assertThat(words.getFirst()).isEqualTo("java");
    assertThat(words).contains("-XX:+UseSerialGC").endsWith("-jar", IMAGE_JAR);
    List<String> args = new ArrayList<>(words.subList(1, words.size() - 1));
    args.add(jar.toString());
    return args;
  }

  private static List<String> quotedWords(String execForm) {
    List<String> words = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(execForm);
    while (quoted.find()) {
      words.add(quoted.group(1));
    }
    return words;
  }

  /** As root with setpriv at hand: let nobody write the fresh data directory, and run as nobody. */
  private boolean runAsNobodyIfRoot(Path data) throws IOException {
    boolean root = "root".equals(System.getProperty("user.name"));
    boolean setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv")) || Files.isExecutable(Path.of("/bin/setpriv"));
    if (!root || !setpriv) {
      return false;
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    return true;
  }

  private HttpResponse<String> awaitHealth(int port, Process bot, Path log) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      assertThat(bot.isAlive()).as("the bot is running: %s", Files.exists(log) ? Files.readString(log) : "").isTrue();
      try {
        return get(port, "/healthz");
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("/healthz did not answer within 60 s:\n" + Files.readString(log));
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int reopenedSchemaVersions(Path data) throws Exception {
    String url = "jdbc:h2:file:" + data.resolve("orderlist-bot").toAbsolutePath();
    try (Connection db = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
