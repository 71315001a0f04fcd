package dev.orderlistbot.simulation;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Silences the bot's logs while seeds run (hundreds of runs of injected failures would print
 * thousands of warnings), and gives the levels back afterwards. Off with {@code
 * -Dsimulation.log=true}, to read what one replayed seed did: then the bot logs at INFO.
 */
final class QuietLogs implements AutoCloseable {
  private static final List<String> NAMES = List.of(Logger.ROOT_LOGGER_NAME, "dev.orderlistbot");

  private final List<Level> before;

  private QuietLogs(boolean quiet) {
    this.before = NAMES.stream().map(name -> logger(name).getLevel()).toList();
    NAMES.forEach(name -> logger(name).setLevel(quiet ? Level.OFF : Level.INFO));
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
    for (int i = 0; i < NAMES.size(); i++) {
      logger(NAMES.get(i)).setLevel(before.get(i));
    }
  }
}
