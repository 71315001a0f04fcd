package dev.orderlistbot.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real bot as a child process, started the way the container image starts it: the java
 * executable running this harness, the Dockerfile's {@code ENTRYPOINT} JVM flags (read from the
 * Dockerfile, as {@code ContainerSmokeIT} does) in front of the fat jar, {@code run}, the
 * Dockerfile's {@code ENV} lines under the given environment, no standard input, and output into
 * a log file. Reads its resident memory from {@code /proc/<pid>/status} (Linux only).
 */
final class BotProcess implements AutoCloseable {
  private static final Pattern ENV = Pattern.compile("^ENV\\s+([A-Z_]+)=(\\S+)\\s*$", Pattern.MULTILINE);
  private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT\\s+\\[(.*)]\\s*$", Pattern.MULTILINE);
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  private final Process process;
  private final Path log;
  private final int httpPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private BotProcess(Process process, Path log, int httpPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
  }

  /**
   * Starts {@code jar} with the Dockerfile's flags, {@code extraJvmFlags} after them (e.g. {@code
   * -XX:MaxRAM=512m} to size the JVM as under a 512 MB container limit; being last, a flag the
   * ENTRYPOINT sets too, such as {@code -XX:SharedArchiveFile=} with a local archive, overrides it),
   * and {@code env} over the Dockerfile's {@code ENV} lines.
   */
  static BotProcess start(Path dockerfile, Path jar, List<String> extraJvmFlags, Map<String, String> env, Path log, int httpPort)
      throws IOException {
    String text = Files.readString(dockerfile);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(entrypointFlags(text));
    command.addAll(extraJvmFlags);
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "run"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(name -> name.startsWith("BOT_") || name.startsWith("BINANCE_")
        || name.startsWith("TELEGRAM_") || name.startsWith("DISCORD_"));
    Matcher lines = ENV.matcher(text);
    while (lines.find()) {
      builder.environment().put(lines.group(1), lines.group(2));
    }
    builder.environment().putAll(env);
    System.out.println("bot command: " + String.join(" ", command));
    return new BotProcess(builder.start(), log, httpPort);
  }

  long pid() {
    return process.pid();
  }

  /** Waits for {@code /healthz} to answer 200 and answers its body; fails if the bot exits. */
  String awaitHealthy(Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the bot exited with " + process.exitValue() + "; log: " + log);
      }
      try {
        HttpResponse<String> health = get("/healthz");
        if (health.statusCode() == 200) {
          return health.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("/healthz did not answer 200 within " + limit + "; log: " + log);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** {@code VmRSS} (resident now) in KiB; empty once the process is gone. */
  OptionalLong rssKib() {
    return status("VmRSS");
  }

  /** {@code VmHWM} (the highest resident size so far) in KiB. */
  OptionalLong peakRssKib() {
    return status("VmHWM");
  }

  /** CPU time the bot has used so far (user + system, all threads). */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** Runs a full GC in the bot ({@code jcmd <pid> GC.run}), so that the heap in use is the live heap. */
  void fullGc() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + process.pid() + " GC.run failed");
    }
  }

  /** Sends SIGTERM (as {@code docker stop}) and answers the exit code, or -1 after {@code limit}. */
  int stop(Duration limit) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      return -1;
    }
    return process.exitValue();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private OptionalLong status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith(field + ":")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")));
        }
      }
    } catch (IOException gone) {
      // the process has exited
    }
    return OptionalLong.empty();
  }

  /** The ENTRYPOINT's words between {@code java} and {@code -jar}. */
  private static List<String> entrypointFlags(String dockerfile) {
    Matcher m = ENTRYPOINT.matcher(dockerfile);
    if (!m.find()) {
      throw new IllegalArgumentException("the Dockerfile has no exec-form ENTRYPOINT");
    }
    List<String> words = new ArrayList<>();
    Matcher quoted = QUOTED.matcher(m.group(1));
    while (quoted.find()) {
      words.add(quoted.group(1));
    }
    int jar = words.indexOf("-jar");
    if (!"java".equals(words.getFirst()) || jar < 1) {
      throw new IllegalArgumentException("the ENTRYPOINT is not java … -jar …: " + words);
    }
    return words.subList(1, jar);
  }
}
