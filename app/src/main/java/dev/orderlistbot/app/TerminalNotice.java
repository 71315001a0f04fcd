package dev.orderlistbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * In the console the terminal carries the conversation only; a warning or an error logged meanwhile
 * shows there as one short line pointing at the log file, e.g. {@code (a warning was logged: see
 * data/logs/bot.log)}.
 *
 * <p>The line never repeats the event's message. Log messages are secret-free by design, but a
 * pointer cannot leak even if one slipped, it stays short whatever was logged, and the log file
 * has the whole line anyway.
 *
 * <p>Rate limited rather than one line per event: the first warning or error prints at once, and
 * those that follow within {@link #QUIET} are only counted; the count prints as one line with the
 * next one after the quiet period, or when the console ends. Fifty warnings in a row (a flaky
 * network, say) so print two lines, {@code (a warning was logged: …)} at once and {@code (49
 * warnings were logged: …)} later, instead of burying the conversation; a lone warning an hour
 * later still shows at once.
 */
final class TerminalNotice extends AppenderBase<ILoggingEvent> {
  static final Duration QUIET = Duration.ofSeconds(30);

  private final PrintWriter terminal;
  private final String logFile;
  private final Clock clock;
  private int warnings;
  private int errors;
  private Instant quietUntil = Instant.MIN;

  TerminalNotice(PrintWriter terminal, String logFile, Clock clock) {
    this.terminal = Objects.requireNonNull(terminal, "terminal");
    this.logFile = Objects.requireNonNull(logFile, "logFile");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Called under the appender's lock. */
  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      errors++;
    } else if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
      warnings++;
    } else {
      return;
    }
    Instant now = clock.instant();
    if (!now.isBefore(quietUntil)) {
      printPending();
      quietUntil = now.plus(QUIET);
    }
  }

  /** Prints what the quiet period held back, if anything. */
  @Override
  public synchronized void stop() {
    printPending();
    super.stop();
  }

  private void printPending() {
    if (warnings + errors == 0) {
      return;
    }
    terminal.println("(" + counted() + " logged: see " + logFile + ")");
    terminal.flush();
    warnings = 0;
    errors = 0;
  }

  private String counted() {
    if (warnings + errors == 1) {
      return warnings == 1 ? "a warning was" : "an error was";
    }
    List<String> parts = new ArrayList<>();
    if (errors > 0) {
      parts.add(errors + (errors == 1 ? " error" : " errors"));
    }
    if (warnings > 0) {
      parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
    }
    return String.join(" and ", parts) + " were";
  }
}
