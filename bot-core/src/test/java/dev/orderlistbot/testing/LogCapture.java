package dev.orderlistbot.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event, at every level, while open, for the tests that prove no secret is
 * logged. Shared by every module's tests (bot-core's test-jar). {@link #all()} and {@link #lines()}
 * include stack traces, because a secret in an exception's message is as leaked as one in a log
 * line.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Level previous = root.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
  }

  public List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** Every captured message, formatted, each followed by its stack trace if it has one. */
  public List<String> lines() {
    return events().stream()
        .map(e -> e.getFormattedMessage()
            + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())))
        .toList();
  }

  /** Every message and every stack trace, as a log file would hold them. */
  public String all() {
    return String.join("\n", lines());
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previous);
  }
}
