package dev.orderlistbot.app;

import dev.orderlistbot.app.console.ConsoleChatPlatform;
import dev.orderlistbot.app.console.ConsoleSession;
import dev.orderlistbot.core.port.out.ChatPlatform;
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
    if (!forceConsole && !config.platforms().consoleOnly()) {
      throw new AppException(
          "TELEGRAM_BOT_TOKEN / DISCORD_BOT_TOKEN: the Telegram and Discord adapters are not part of this build yet;"
              + " unset the tokens to use the console, or run the 'console' command");
    }
    try (Storage storage = context.assembly().openStorage(config)) {
      ConsoleChatPlatform console = new ConsoleChatPlatform(context.out());
      List<ChatPlatform> platforms = List.of(console);
      try (BotRuntime bot = BotRuntime.start(
          config, storage, platforms, Optional.empty(), context.assembly().clock(), context.assembly().random())) {
        greet(config);
        new ConsoleSession(console, bot.engine()).run(context.in());
      }
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
