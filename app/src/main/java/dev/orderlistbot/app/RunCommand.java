package dev.orderlistbot.app;

import dev.orderlistbot.app.console.ConsoleChatPlatform;
import dev.orderlistbot.app.console.ConsoleSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code run} (the default) starts the bot: storage and key vault (verifying the master key), the
 * exchange, the engine, and the chat platforms whose tokens are set, or the console chat when none
 * is, unless {@code BOT_CONSOLE=off} (the container image): then it runs headless, with no chat,
 * until stopped, so a paper bot can be watched through {@code /healthz} and {@code /metrics}.
 * {@code console} always uses the console. The console ends at the end of input, after in-flight
 * work; the networked platforms and headless runs go on until the process is asked to stop
 * (SIGTERM). The health and metrics endpoint runs alongside in every mode. The console logs to
 * {@code ${BOT_DATA_DIR}/logs/bot.log}, everything else to standard error ({@link Logging}).
 */
@Command(name = "run", description = "Start the bot (the default): chat platforms with a token, else the console.")
final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  private final Main.Context context;
  private final boolean forceConsole;

  RunCommand(Main.Context context, boolean forceConsole) {
    this.context = context;
    this.forceConsole = forceConsole;
  }

  @Override
  public Integer call() {
    AppConfig config = AppConfig.from(context.env());
    boolean console = forceConsole || (config.platforms().consoleOnly() && config.service().console());
    if (console) {
      // the terminal is the chat: the log goes to a file, a warning shows as a pointer to it
      context.logging().toFile(config.logFile(), config.logLevel(), context.err(), context.assembly().clock());
    } else {
      context.logging().toStream(config.logLevel(), context.err());
    }
    try (Storage storage = context.assembly().openStorage(config)) {
      return console ? console(config, storage) : networks(config, storage);
    }
  }

  @SuppressWarnings("try") // ops only has to live (and close) around the session
  private int console(AppConfig config, Storage storage) {
    ConsoleChatPlatform console =
        new ConsoleChatPlatform(context.out(), config.dataDir().resolve("charts"), context.assembly().clock());
    BotMetrics metrics = new BotMetrics();
    try (BotRuntime bot = BotRuntime.start(
            config, storage, List.of(console), Optional.empty(), context.assembly().clock(), context.assembly().random(), metrics);
        Ops ops = Ops.start(config, storage, bot, List.of(console.platform()), metrics)) {
      greet(config);
      new ConsoleSession(console, metrics.counting(bot.engine())).run(context.in());
    }
    return 0;
  }

  /**
   * Telegram and/or Discord (or, headless, none) until the process is asked to stop; then a clean
   * shutdown.
   */
  @SuppressWarnings("try") // ops only has to live (and close) around the run
  private int networks(AppConfig config, Storage storage) {
    BotMetrics metrics = new BotMetrics();
    try (ChatNetworks networks = ChatNetworks.open(config.platforms());
        BotRuntime bot = BotRuntime.start(
            config, storage, networks.platforms(), networks.botUsername(), context.assembly().clock(), context.assembly().random(), metrics);
        Ops ops = Ops.start(config, storage, bot, networks.platforms().stream().map(p -> p.platform()).toList(), metrics)) {
      networks.start(metrics.counting(bot.engine()), bot.exchange(), bot.leaseTicks());
      if (networks.platforms().isEmpty()) {
        LOG.warn(
            "No chat token set and {}=off: running headless (no chat). Set {}_FILE or {}_FILE to chat with the bot.",
            ServiceSettings.CONSOLE, PlatformSettings.TELEGRAM_TOKEN, PlatformSettings.DISCORD_TOKEN);
      }
      context.out().println("orderlist-bot running on " + networks.platforms().stream().map(p -> p.platform()).toList()
          + ", " + config.trading().environment() + " trading. Stop with SIGTERM (Ctrl-C).");
      context.out().flush();
      context.stopSignal().await();
    }
    return 0;
  }

  /** The health and metrics endpoint, when {@code BOT_HTTP_PORT} is not 0. */
  private record Ops(Optional<OpsServer> server) implements AutoCloseable {
    static Ops start(AppConfig config, Storage storage, BotRuntime bot, List<String> platforms, BotMetrics metrics) {
      Health health = new Health(storage.database().transactor(), bot.exchange(), platforms, bot.leases());
      return new Ops(OpsServer.start(config.service(), health::check, metrics::scrape));
    }

    @Override
    public void close() {
      server.ifPresent(OpsServer::close);
    }
  }

  @Command(name = "console", description = "Chat with the bot in this terminal, whatever tokens are set.")
  static final class Console implements Callable<Integer> {
    private final Main.Context context;

    Console(Main.Context context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      return new RunCommand(context, true).call();
    }
  }

  private void greet(AppConfig config) {
    String environment = config.trading().environment().name().toUpperCase(Locale.ROOT);
    context.out().println("orderlist-bot console, " + environment + " trading. Type /help to begin, /start for a tour;");
    context.out().println("press a button by typing its number. End of input (Ctrl-D) quits.");
    context.out().flush();
  }
}
