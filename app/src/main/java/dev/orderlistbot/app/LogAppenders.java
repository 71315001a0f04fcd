package dev.orderlistbot.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Builds the started appenders {@link Logging} routes the log to, each showing only events at or
 * above the configured level and none of the Telegram stop noise ({@link StopNoiseFilter}).
 */
final class LogAppenders {
  /**
   * One line per event, an exception's stack trace folded onto its event's line (" | " between
   * frames) so that Docker's log drivers and grep keep the event whole: the pattern of {@code
   * logback.xml} (a test keeps the two in step).
   */
  static final String PATTERN =
      "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{24} - %msg%replace(%replace( %ex){'[\\r\\n]+\\s*', ' | '}){'^ $', ''}%nopex%n";

  /** A day's file is cut at this size (bot.2026-03-01.0.log, .1.log, …). */
  static final FileSize MAX_FILE_SIZE = FileSize.valueOf("10MB");

  /** A week of daily files is kept … */
  static final int DAYS_KEPT = 7;

  /** … and never more than this in all, the oldest deleted first. */
  static final FileSize TOTAL_SIZE_CAP = FileSize.valueOf("100MB");

  private LogAppenders() {}

  /** Every event, one line each, to {@code writer} (standard error in production). */
  static Appender<ILoggingEvent> stream(LoggerContext context, PrintWriter writer, Level threshold) {
    WriterAppender appender = new WriterAppender(writer, PATTERN);
    return started(context, "stderr", appender, threshold);
  }

  /**
   * Every event, one line each, to {@code file}, rolled over daily and by size.
   *
   * @throws AppException naming {@code BOT_DATA_DIR} when the file cannot be written
   */
  static Appender<ILoggingEvent> file(LoggerContext context, Path file, Level threshold) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setFile(file.toString());
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
    rolling.setContext(context);
    rolling.setParent(appender);
    String name = file.getFileName().toString().replaceFirst("\\.log$", "");
    rolling.setFileNamePattern(file.resolveSibling(name + ".%d{yyyy-MM-dd}.%i.log").toString());
    rolling.setMaxFileSize(MAX_FILE_SIZE);
    rolling.setMaxHistory(DAYS_KEPT);
    rolling.setTotalSizeCap(TOTAL_SIZE_CAP);
    rolling.start();
    appender.setRollingPolicy(rolling);
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    appender.setEncoder(encoder);
    started(context, "file", appender, threshold);
    if (!appender.isStarted()) {
      rolling.stop();
      throw new AppException(AppConfig.DATA_DIR + ": cannot write the log file " + file);
    }
    return appender;
  }

  /** A short line on {@code terminal} for each warning or error (at most one a while), pointing at {@code file}. */
  static Appender<ILoggingEvent> notice(LoggerContext context, PrintWriter terminal, Path file, Level threshold, Clock clock) {
    return started(context, "terminal-notice", new TerminalNotice(terminal, file.toString(), clock), threshold);
  }

  private static <A extends Appender<ILoggingEvent>> A started(LoggerContext context, String name, A appender, Level threshold) {
    appender.setContext(context);
    appender.setName(name);
    ThresholdFilter level = new ThresholdFilter();
    level.setLevel(threshold.toString());
    appender.addFilter(started(context, level));
    appender.addFilter(started(context, new StopNoiseFilter()));
    appender.start();
    return appender;
  }

  private static Filter<ILoggingEvent> started(LoggerContext context, Filter<ILoggingEvent> filter) {
    filter.setContext(context);
    filter.start();
    return filter;
  }
}
