package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Switching the log for one command and back, on logback's real context, as the commands do. */
class LoggingTest {
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final org.slf4j.Logger log = LoggerFactory.getLogger("dev.orderlistbot.app.LoggingTest");
  private final StringWriter terminal = new StringWriter();

  @TempDir Path dir;

  @Test
  void eachCommandPutsBackLogbacksConfigurationAndClosesTheLogFile() {
    List<Appender<ILoggingEvent>> before = rootAppenders();
    Level level = root.getLevel();
    Level botLevel = context.getLogger("dev.orderlistbot").getLevel();
    assertThat(before).anyMatch(ConsoleAppender.class::isInstance);
    Path file = dir.resolve("logs").resolve("bot.log");

    for (int run = 1; run <= 3; run++) {
      try (Logging logging = new Logging()) {
        logging.toFile(file, LogLevel.DEBUG, new PrintWriter(terminal), Clock.systemUTC());
        log.debug("run {}", run);
        assertThat(rootAppenders()).noneMatch(ConsoleAppender.class::isInstance);
        assertThat(context.getLogger("dev.orderlistbot").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(openFilesUnder(dir)).containsExactly(file.toRealPath().toString());
        assertThat(logging.where()).isEqualTo(file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertThat(rootAppenders()).isEqualTo(before);
      assertThat(root.getLevel()).isEqualTo(level);
      assertThat(context.getLogger("dev.orderlistbot").getLevel()).isEqualTo(botLevel);
      assertThat(openFilesUnder(dir)).as("the log file is closed").isEmpty();
    }
    assertThat(readString(file)).contains("DEBUG").contains("run 1").contains("run 2").contains("run 3");
    assertThat(terminal.toString()).isEmpty();
  }

  @Test
  void switchingAgainClosesTheFirstRouteAndClosingTwiceIsHarmless() throws IOException {
    List<Appender<ILoggingEvent>> before = rootAppenders();
    StringWriter err = new StringWriter();
    Path file = dir.resolve("bot.log");
    Logging logging = new Logging();
    try {
      logging.toFile(file, LogLevel.INFO, new PrintWriter(terminal), Clock.systemUTC());
      logging.toStream(LogLevel.INFO, new PrintWriter(err));
      log.info("to the stream");

      assertThat(openFilesUnder(dir)).isEmpty();
      assertThat(err.toString()).contains(" INFO ").contains("to the stream");
      assertThat(logging.where()).isEqualTo("the log above");
      logging.close();
      assertThat(rootAppenders()).isEqualTo(before);
    } finally {
      logging.close();
    }
    assertThat(rootAppenders()).isEqualTo(before);
    assertThat(readString(file)).doesNotContain("to the stream");
  }

  @Test
  void debugIsTheBotsDebugNotTheLibrariesAndNothingBelowTheLevelIsWritten() {
    StringWriter err = new StringWriter();
    try (Logging logging = new Logging()) {
      logging.toStream(LogLevel.DEBUG, new PrintWriter(err));
      log.debug("the bot's own detail");
      LoggerFactory.getLogger("org.eclipse.jetty.io.SomeLibrary").debug("a library's wire dump");
      logging.toStream(LogLevel.ERROR, new PrintWriter(err));
      log.warn("a warning below ERROR");
      LoggerFactory.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("a library's warning below ERROR");
      log.error("an error");
    }
    assertThat(err.toString())
        .contains("the bot's own detail")
        .doesNotContain("wire dump")
        .doesNotContain("below ERROR")
        .contains("an error");
  }

  @Test
  void anotherAppenderOnTheRootSuchAsATestsCaptureKeepsReceiving() {
    ListAppender<ILoggingEvent> capture = new ListAppender<>();
    capture.start();
    root.addAppender(capture);
    try (Logging logging = new Logging()) {
      logging.toFile(dir.resolve("bot.log"), LogLevel.INFO, new PrintWriter(terminal), Clock.systemUTC());
      log.info("captured too");
    } finally {
      root.detachAppender(capture);
    }
    assertThat(capture.list).extracting(ILoggingEvent::getFormattedMessage).contains("captured too");
  }

  @Test
  void aLogFileThatCannotBeWrittenIsAConfigurationErrorAndChangesNothing() throws IOException {
    List<Appender<ILoggingEvent>> before = rootAppenders();
    Path notADirectory = Files.writeString(dir.resolve("logs"), "a file where the directory should be");

    try (Logging logging = new Logging()) {
      assertThatThrownBy(() -> logging.toFile(notADirectory.resolve("bot.log"), LogLevel.INFO, new PrintWriter(terminal), Clock.systemUTC()))
          .isInstanceOf(AppException.class)
          .hasMessageStartingWith("BOT_DATA_DIR: cannot write the log file ");
      assertThat(rootAppenders()).isEqualTo(before);
    }
  }

  @Test
  void theLinesAreThoseOfLogbackXml() throws IOException {
    try (InputStream xml = LoggingTest.class.getResourceAsStream("/logback.xml")) {
      assertThat(xml).isNotNull();
      assertThat(new String(xml.readAllBytes(), StandardCharsets.UTF_8)).contains("<pattern>" + LogAppenders.PATTERN + "</pattern>");
    }
  }

  private List<Appender<ILoggingEvent>> rootAppenders() {
    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    root.iteratorForAppenders().forEachRemaining(appenders::add);
    return appenders;
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files under {@code directory} this JVM holds open (Linux: {@code /proc/self/fd}). */
  private static List<String> openFilesUnder(Path directory) {
    Path fds = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
    try (Stream<Path> links = Files.list(fds)) {
      String prefix = directory.toRealPath().toString();
      return links.map(LoggingTest::target).filter(target -> target.startsWith(prefix)).distinct().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException gone) {
      return "";
    }
  }
}
