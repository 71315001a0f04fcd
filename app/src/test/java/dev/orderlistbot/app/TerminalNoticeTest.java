package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import dev.orderlistbot.testing.MutableClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TerminalNoticeTest {
  private static final String FILE = "data/logs/bot.log";

  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("dev.orderlistbot.core.engine.ChatOut");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final StringWriter terminal = new StringWriter();
  private final TerminalNotice notice = new TerminalNotice(new PrintWriter(terminal), FILE, clock);

  @BeforeEach
  void start() {
    notice.setContext(context);
    notice.start();
  }

  @Test
  void aWarningShowsAtOnceAsOneShortLinePointingAtTheLogWithoutItsMessage() {
    log(Level.WARN, "could not send to telegram:42: Bad Request 7Qx");

    assertThat(terminal.toString().lines()).containsExactly("(a warning was logged: see data/logs/bot.log)");
    assertThat(terminal.toString()).doesNotContain("7Qx").doesNotContain("telegram");
  }

  @Test
  void anErrorSaysError() {
    log(Level.ERROR, "boom");

    assertThat(terminal.toString().lines()).containsExactly("(an error was logged: see data/logs/bot.log)");
  }

  @Test
  void infoAndDebugShowNothing() {
    log(Level.INFO, "Bot ready");
    log(Level.DEBUG, "detail");
    notice.stop();

    assertThat(terminal.toString()).isEmpty();
  }

  @Test
  void fiftyWarningsInARowPrintOneLineAtOnceAndOneWithTheRestWhenTheConsoleEnds() {
    for (int i = 0; i < 50; i++) {
      log(Level.WARN, "retrying " + i);
    }

    assertThat(terminal.toString().lines()).containsExactly("(a warning was logged: see data/logs/bot.log)");

    notice.stop();

    assertThat(terminal.toString().lines())
        .containsExactly("(a warning was logged: see data/logs/bot.log)", "(49 warnings were logged: see data/logs/bot.log)");
  }

  @Test
  void whatTheQuietPeriodHeldBackPrintsWithTheNextOneAfterIt() {
    log(Level.WARN, "first");
    clock.advance(Duration.ofSeconds(10));
    log(Level.ERROR, "e1");
    log(Level.WARN, "w1");
    log(Level.ERROR, "e2");
    clock.advance(TerminalNotice.QUIET);
    log(Level.WARN, "w2");
    log(Level.WARN, "held back again");
    notice.stop();

    assertThat(terminal.toString().lines()).containsExactly(
        "(a warning was logged: see data/logs/bot.log)",
        "(2 errors and 2 warnings were logged: see data/logs/bot.log)",
        "(a warning was logged: see data/logs/bot.log)");
  }

  @Test
  void aLoneWarningLongAfterTheLastStillShowsAtOnce() {
    log(Level.WARN, "first");
    clock.advance(Duration.ofHours(1));
    log(Level.ERROR, "later");

    assertThat(terminal.toString().lines())
        .containsExactly("(a warning was logged: see data/logs/bot.log)", "(an error was logged: see data/logs/bot.log)");
  }

  private void log(Level level, String message) {
    notice.doAppend(new LoggingEvent(Logger.class.getName(), logger, level, message, null, null));
  }
}
