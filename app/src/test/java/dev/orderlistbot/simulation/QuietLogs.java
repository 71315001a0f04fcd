package dev.orderlistbot.simulation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Silences the bot's logs while seeds run (hundreds of runs of injected failures would print
 * thousands of warnings), and gives the levels back afterwards. With {@code -Dsimulation.log=true}
 * (to read what one replayed seed did) the bot logs at INFO instead, to standard out.
 */
final class QuietLogs implements AutoCloseable {
  private static final List<String> NAMES = List.of(Logger.ROOT_LOGGER_NAME, "dev.orderlistbot");
  private static final String BOT = "dev.orderlistbot";

  private final List<Level> before;
  private final ConsoleAppender<ILoggingEvent> verbose = new ConsoleAppender<>();

  private QuietLogs(boolean quiet) {
    this.before = NAMES.stream().map(name -> logger(name).getLevel()).toList();
    NAMES.forEach(name -> logger(name).setLevel(quiet ? Level.OFF : Level.INFO));
    if (!quiet) {
      LoggerContext context = logger(BOT).getLoggerContext();
      PatternLayoutEncoder encoder = new PatternLayoutEncoder();
      encoder.setContext(context);
      encoder.setPattern("SIMLOG %-5level %logger{20} - %msg%n");
      encoder.start();
      verbose.setContext(context);
      verbose.setEncoder(encoder);
      verbose.start();
      logger(BOT).addAppender(verbose);
    }
  }

  /** Runs {@code work} with the logs silenced when {@code quiet}. */
  static <T> T during(boolean quiet, Supplier<T> work) {
    try (QuietLogs logs = new QuietLogs(quiet)) {
      return logs.run(work);
    }
  }

  private <T> T run(Supplier<T> work) {
    return work.get();
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }

  @Override
  public void close() {
    logger(BOT).detachAppender(verbose);
    verbose.stop();
    for (int i = 0; i < NAMES.size(); i++) {
      logger(NAMES.get(i)).setLevel(before.get(i));
    }
  }
}
