package dev.orderlistbot.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every log line of every logger (JDA's included) at TRACE while open, with its stack trace, as text
 * (the JDA {@code captureLogging} idea). The console still shows only warnings.
 */
final class CapturedLogs implements AutoCloseable {
  private final Logger root;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLogs() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previous = root.getLevel();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
  }

  /** Each captured line: level, logger, formatted message and the stack trace, if any. */
  List<String> lines() {
    return appender.list.stream().map(CapturedLogs::render).toList();
  }

  String all() {
    return String.join("\n", lines());
  }

  private static String render(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
        + (thrown == null ? "" : "\n" + ThrowableProxyUtil.asString(thrown));
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previous);
    appender.stop();
  }
}
