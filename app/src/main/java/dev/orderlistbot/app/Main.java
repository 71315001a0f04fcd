package dev.orderlistbot.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line: {@code java -jar orderlist-bot.jar [run]}, {@code … console}, {@code java -jar
 * orderlist-bot.jar master-key rotate --new-key-file F} and {@code … charts check}; the hidden {@code … warm-up}
 * is the container image's class data sharing training run ({@link WarmUpCommand}). Exit codes: 0 ok, 1 failure, 2
 * usage error.
 *
 * <p>{@link #main} is the only place that reads the process environment; everything else gets the
 * map, so tests run the whole command line in-process through {@link #execute}.
 */
@Command(
    name = "orderlist-bot",
    description = "Self-hosted chat bot that places Binance Spot order lists. Without a command: run.",
    subcommandsRepeatable = false)
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** What every command needs: the environment map, where to print, the assembly, and where to log. */
  record Context(
      Map<String, String> env,
      BufferedReader in,
      PrintWriter out,
      PrintWriter err,
      Assembly assembly,
      StopSignal stopSignal,
      Logging logging) {}

  private final Context context;

  @SuppressWarnings("UnusedVariable") // picocli reads and sets it reflectively
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  private Main(Context context) {
    this.context = context;
  }

  public static void main(String[] args) {
    // charts are drawn off screen: never open a display, even on a desktop that has one
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StopSignal.OnJvmShutdown stop = new StopSignal.OnJvmShutdown(Duration.ofSeconds(30));
    int code = execute(args, System.getenv(), in, out, err, Clock.systemUTC(), new SecureRandom(), stop);
    stop.finished();
    System.exit(code);
  }

  /** As {@link #execute(String[], Map, BufferedReader, PrintWriter, PrintWriter, Clock, SecureRandom)} with no input. */
  static int execute(
      String[] args, Map<String, String> env, PrintWriter out, PrintWriter err, Clock clock, SecureRandom random) {
    return execute(args, env, new BufferedReader(new StringReader("")), out, err, clock, random, StopSignal.immediate());
  }

  /** As {@link #execute(String[], Map, BufferedReader, PrintWriter, PrintWriter, Clock, SecureRandom, StopSignal)}, stopping at once. */
  static int execute(
      String[] args,
      Map<String, String> env,
      BufferedReader in,
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      SecureRandom random) {
    return execute(args, env, in, out, err, clock, random, StopSignal.immediate());
  }

  /** Runs one command line with {@code env} as the environment; returns the exit code. */
  static int execute(
      String[] args,
      Map<String, String> env,
      BufferedReader in,
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      SecureRandom random,
      StopSignal stop) {
    // the command switches the log (file or standard error) once it has read its configuration;
    // closing puts logback's configuration back and closes the log file
    try (Logging logging = new Logging()) {
      Context context = new Context(Map.copyOf(env), in, out, err, new Assembly(clock, random), stop, logging);
      CommandLine cli = new CommandLine(new Main(context));
      cli.addSubcommand("run", new RunCommand(context, false));
      cli.addSubcommand("console", new RunCommand.Console(context));
      cli.addSubcommand(
          "master-key", new CommandLine(new MasterKeyCommand()).addSubcommand("rotate", new RotateCommand(context)));
      cli.addSubcommand("charts", new CommandLine(new ChartsCommand()).addSubcommand("check", new ChartCheckCommand(context)));
      cli.addSubcommand("warm-up", new WarmUpCommand(context));
      cli.setOut(out);
      cli.setErr(err);
      cli.setExecutionExceptionHandler(
          (e, commandLine, parseResult) -> {
            report(e, err, logging);
            return CommandLine.ExitCode.SOFTWARE;
          });
      int code = cli.execute(args);
      out.flush();
      err.flush();
      return code;
    }
  }

  @Override
  public Integer call() {
    return new RunCommand(context, false).call();
  }

  private static void report(Exception e, PrintWriter err, Logging logging) {
    switch (e) {
      case AppException app -> app.problems().forEach(problem -> err.println("error: " + problem));
      case IllegalArgumentException bad -> err.println("error: " + bad.getMessage());
      default -> {
        LOG.error("Unexpected failure", e);
        err.println("error: unexpected " + e.getClass().getSimpleName() + " (see " + logging.where() + ")");
      }
    }
  }

  /** {@code charts}: a group; on its own it is a usage error. */
  @Command(name = "charts", description = "Check that this host draws the charts of previews and order cards.")
  static final class ChartsCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: charts check");
    }
  }

  /** {@code master-key}: a group; on its own it is a usage error. */
  @Command(name = "master-key", description = "Manage the master key that seals the stored API secrets.")
  static final class MasterKeyCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: master-key rotate --new-key-file FILE");
    }
  }
}
