package dev.orderlistbot.app;

import dev.orderlistbot.app.console.ConsoleChatPlatform;
import dev.orderlistbot.app.console.ConsoleSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code run} (the default) starts the bot: storage and key vault (verifying the master key), the
 * exchange, the engine, and the chat platforms whose tokens are set, or the console chat when none
 * is. {@code console} always uses the console. The console ends at the end of input, after
 * in-flight work; the networked platforms run until the process is asked to stop (SIGTERM).
 */
@Command(name = "run", description = "Start the bot (the default): chat platforms with a token, else the console.")
final class RunCommand implements Callable<Integer> {
  private final Main.Context context;
  private final boolean forceConsole;

  RunCommand(Main.Context context, boolean forceConsole) {
    this.context = context;
    this.forceConsole = forceConsole;
  }

  @Override
  public Integer call() {
    AppConfig config = AppConfig.from(context.env());
    try (Storage storage = context.assembly().openStorage(config)) {
      if (forceConsole || config.platforms().consoleOnly()) {
        return console(config, storage);
      }
      return networks(config, storage);
    }
  }

  private int console(AppConfig config, Storage storage) {
    ConsoleChatPlatform console = new ConsoleChatPlatform(context.out());
    try (BotRuntime bot = BotRuntime.start(
        config, storage, List.of(console), Optional.empty(), context.assembly().clock(), context.assembly().random())) {
      greet(config);
      new ConsoleSession(console, bot.engine()).run(context.in());
    }
    return 0;
  }

  /** Telegram and/or Discord until the process is asked to stop; then a clean shutdown. */
  private int networks(AppConfig config, Storage storage) {
    try (ChatNetworks networks = ChatNetworks.open(config.platforms());
        BotRuntime bot = BotRuntime.start(
            config, storage, networks.platforms(), networks.botUsername(), context.assembly().clock(), context.assembly().random())) {
      networks.start(bot.engine(), bot.exchange());
      context.out().println("orderlist-bot running on " + networks.platforms().stream().map(p -> p.platform()).toList()
          + ", " + config.trading().environment() + " trading. Stop with SIGTERM (Ctrl-C).");
      context.out().flush();
      context.stopSignal().await();
    }
    return 0;
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
