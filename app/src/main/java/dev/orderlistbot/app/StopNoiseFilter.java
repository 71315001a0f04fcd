package dev.orderlistbot.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the two lines TelegramBots' long-polling session logs when the bot itself stops it: at a
 * stop the Telegram adapter cancels the poll in flight (OkHttp's {@code IOException: Canceled},
 * logged at ERROR as if Telegram had failed) and interrupts the session's back-off sleep (an
 * {@code InterruptedException}, logged at WARN). Both happen only on the way out, and an operator
 * alerting on ERROR lines would be paged at every deploy. Any other failure of the session, a real
 * Telegram outage included, is still logged. Configured in {@code logback.xml} and on every
 * appender of {@link LogAppenders}.
 */
public final class StopNoiseFilter extends Filter<ILoggingEvent> {
  static final String SESSION_LOGGER = "org.telegram.telegrambots.longpolling.BotSession";

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (!SESSION_LOGGER.equals(event.getLoggerName())) {
      return FilterReply.NEUTRAL;
    }
    for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
      if (isOurCancel(cause) || cause.getClassName().equals(InterruptedException.class.getName())) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }

  private static boolean isOurCancel(IThrowableProxy cause) {
    return cause.getClassName().equals(java.io.IOException.class.getName())
        && cause.getMessage() != null
        && cause.getMessage().endsWith("Canceled");
  }
}
