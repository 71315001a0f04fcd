package dev.orderlistbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Where the bot's log goes for one command line. {@code logback.xml} only sets the default (one
 * line per event on standard error); which terminal a command has, and whether it is a chat, is
 * known only once its configuration is read, so the command switches the log here:
 *
 * <ul>
 *   <li>{@link #toFile}, the console: every event to the log file; the terminal gets the
 *       conversation and, for a warning or an error, one short line pointing at the file ({@link
 *       TerminalNotice});
 *   <li>{@link #toStream}, {@code run} and {@code master-key rotate}: every event to the command's
 *       error writer (standard error), as before.
 * </ul>
 *
 * <p>The root logger's console appenders are set aside for the command, other appenders (a test's
 * capture) stay. {@link #close()}, at the end of the command, stops what was added (closing the log
 * file) and puts back what was set aside and the levels, so many commands can run in one JVM
 * (the tests do) and each starts from the same configuration.
 */
final class Logging implements AutoCloseable {
  private static final String ABOVE = "the log above";
  /** The bot's own loggers, whose level {@code BOT_LOG_LEVEL} sets. */
  private static final String BOT = "dev.orderlistbot";

  private final LoggerContext context;
  private final Logger root;
  private final Logger bot;
  private Detour detour;

  Logging() {
    this((LoggerContext) LoggerFactory.getILoggerFactory());
  }

  Logging(LoggerContext context) {
    this.context = Objects.requireNonNull(context, "context");
    this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    this.bot = context.getLogger(BOT);
  }

  /**
   * The console: the log to {@code file} at {@code level}, and to {@code terminal} one line per
   * warning or error (at most one a while) pointing at it.
   *
   * @throws AppException naming {@code BOT_DATA_DIR} when the file cannot be written
   */
  synchronized void toFile(Path file, LogLevel level, PrintWriter terminal, Clock clock) {
    Appender<ILoggingEvent> written = LogAppenders.file(context, file, level.logback());
    Appender<ILoggingEvent> notice = LogAppenders.notice(context, terminal, file, level.logback(), clock);
    route(level.logback(), file.toString(), List.of(written, notice));
  }

  /** Every event at {@code level} or above to {@code err}, one line each. */
  synchronized void toStream(LogLevel level, PrintWriter err) {
    route(level.logback(), ABOVE, List.of(LogAppenders.stream(context, err, level.logback())));
  }

  /** Where to look for the log: the file's path, or "the log above" when it is on standard error. */
  synchronized String where() {
    return detour == null ? ABOVE : detour.where();
  }

  /** Back to the configuration before the command; the log file, if any, is closed. Idempotent. */
  @Override
  public synchronized void close() {
    if (detour != null) {
      detour.undo(root, bot);
      detour = null;
    }
  }

  private void route(Level level, String where, List<Appender<ILoggingEvent>> appenders) {
    close();
    List<Appender<ILoggingEvent>> consoles = new ArrayList<>();
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      Appender<ILoggingEvent> appender = it.next();
      if (appender instanceof ConsoleAppender) {
        consoles.add(appender);
      }
    }
    consoles.forEach(root::detachAppender);
    detour = new Detour(appenders, consoles, root.getLevel(), bot.getLevel(), where);
    // the bot's loggers at the level asked for; the libraries' too, but never below INFO: their
    // DEBUG and TRACE are floods (wire dumps) that nobody asking for the bot's DEBUG wants. A
    // library's own level in logback.xml (Hikari's, Flyway's WARN) stays; the appenders'
    // threshold keeps anything below the level out all the same.
    bot.setLevel(level);
    root.setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
    appenders.forEach(root::addAppender);
  }

  /** What one command changed, to undo it. */
  private record Detour(
      List<Appender<ILoggingEvent>> added,
      List<Appender<ILoggingEvent>> setAside,
      Level rootLevel,
      Level botLevel,
      String where) {
    void undo(Logger root, Logger bot) {
      for (Appender<ILoggingEvent> appender : added) {
        root.detachAppender(appender);
        appender.stop();
      }
      root.setLevel(rootLevel);
      bot.setLevel(botLevel);
      setAside.forEach(root::addAppender);
    }
  }
}
