package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class StopNoiseFilterTest {
  private final LoggerContext context = new LoggerContext();
  private final StopNoiseFilter filter = new StopNoiseFilter();

  @Test
  void thePollTheBotCancelsWhenStoppingIsNotLoggedAsAnError() {
    Exception cancelled = new RuntimeException("-1: poll failed", new IOException("IOException: Canceled"));

    assertThat(filter.decide(event(StopNoiseFilter.SESSION_LOGGER, Level.ERROR, cancelled))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void theInterruptedBackOffSleepAtAStopIsNotLogged() {
    assertThat(filter.decide(event(StopNoiseFilter.SESSION_LOGGER, Level.WARN, new InterruptedException("sleep interrupted"))))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void aRealTelegramOutageIsStillLogged() {
    Exception outage = new RuntimeException("-1: poll failed", new ConnectException("Connection refused"));

    assertThat(filter.decide(event(StopNoiseFilter.SESSION_LOGGER, Level.ERROR, outage))).isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event(StopNoiseFilter.SESSION_LOGGER, Level.ERROR, null))).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void aCancelLoggedByAnyOtherLoggerIsStillLogged() {
    Exception cancelled = new IOException("IOException: Canceled");

    assertThat(filter.decide(event("dev.orderlistbot.telegram.TelegramChatPlatform", Level.ERROR, cancelled)))
        .isEqualTo(FilterReply.NEUTRAL);
  }

  private LoggingEvent event(String loggerName, Level level, Throwable thrown) {
    Logger logger = context.getLogger(loggerName);
    return new LoggingEvent(Logger.class.getName(), logger, level, "Error received from Telegram GetUpdates Request", thrown, null);
  }
}
