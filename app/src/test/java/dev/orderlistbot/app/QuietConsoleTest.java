package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The quiet console: the terminal shows the conversation only, the log goes to {@code
 * ${BOT_DATA_DIR}/logs/bot.log}, a warning shows as one short line pointing at it; {@code run}
 * keeps logging to standard error. Whole sessions through {@code Main}, in-process.
 */
class QuietConsoleTest {
  private static final Logger LOG = LoggerFactory.getLogger(QuietConsoleTest.class);
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
  /** What the console itself prints: its greeting, the bot's messages (continued indented) and its notes. */
  private static final Pattern CONVERSATION =
      Pattern.compile("orderlist-bot console, .*|press a button .*|bot #\\d+( \\(edited\\))?> .*| +.*|\\(.*\\)");
  private static final String OCO = "/help\n/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900\n1\n";
  private static final String NEVER_ON_THE_TERMINAL = "price feed hiccup 7Qx";

  @TempDir Path dir;

  private record Session(int code, String out, String err) {}

  @Test
  void aConsoleSessionPrintsTheConversationOnlyWhileTheLogGoesToTheFile() throws IOException {
    Session session = console(keyOutsideTheDataDir(), new BufferedReader(new StringReader(OCO)));

    assertThat(session.code()).as(session.err()).isZero();
    assertThat(session.out()).contains("/oco").contains("[1] Confirm  [2] Cancel").contains("(edited)").contains("Placed on PAPER");
    assertThat(session.out().lines()).allMatch(line -> CONVERSATION.matcher(line).matches());
    assertThat(session.err()).isEmpty();
    assertThat(session.out() + session.err())
        .doesNotContainPattern(TIMESTAMP)
        .doesNotContain("INFO")
        .doesNotContain("dev.orderlistbot")
        .doesNotContain("d.o.")
        .doesNotContain("Bot ready");
    String log = Files.readString(logFile());
    assertThat(log.lines()).isNotEmpty().allMatch(line -> TIMESTAMP.matcher(line).lookingAt());
    assertThat(log).contains(" INFO ").contains("Database ready").contains("Bot ready").contains("placed ").contains("Bot stopped");
  }

  @Test
  void aWarningDuringTheSessionShowsAsOneShortLinePointingAtTheLog() throws IOException {
    Session session = console(keyOutsideTheDataDir(), warningAt("/help", 1));

    assertThat(session.code()).isZero();
    assertThat(session.err().lines()).containsExactly("(a warning was logged: see " + logFile() + ")");
    assertThat(session.out() + session.err()).doesNotContain(NEVER_ON_THE_TERMINAL).doesNotContainPattern(TIMESTAMP);
    assertThat(session.out()).contains("Placed on PAPER");
    assertThat(Files.readString(logFile())).containsPattern(" WARN .* - " + NEVER_ON_THE_TERMINAL + " 1");
  }

  @Test
  void fiftyWarningsInARowShowAsTwoLinesNotFifty() throws IOException {
    Session session = console(keyOutsideTheDataDir(), warningAt("/help", 50));

    assertThat(session.err().lines())
        .containsExactly("(a warning was logged: see " + logFile() + ")", "(49 warnings were logged: see " + logFile() + ")");
    assertThat(Files.readString(logFile()).lines().filter(line -> line.contains(NEVER_ON_THE_TERMINAL))).hasSize(50);
  }

  @Test
  void botLogLevelWarnKeepsInfoOutOfTheFile() throws IOException {
    // no key configured: the one generated into the data directory is warned about
    Map<String, String> env = env("BOT_LOG_LEVEL", "warn");

    Session session = console(env, new BufferedReader(new StringReader(OCO)));

    assertThat(session.code()).isZero();
    String log = Files.readString(logFile());
    assertThat(log).contains(" WARN ").contains("master key file").doesNotContain(" INFO ").doesNotContain("Bot ready");
    assertThat(session.err().lines()).containsExactly("(a warning was logged: see " + logFile() + ")");
  }

  @Test
  void anInvalidBotLogLevelIsRefusedWithTheOtherProblemsNamingTheAllowedValues() {
    Session session = console(env("BOT_LOG_LEVEL", "loud", "BOT_HTTP_PORT", "many"), new BufferedReader(new StringReader(OCO)));

    assertThat(session.code()).isEqualTo(1);
    assertThat(session.err().lines()).containsExactlyInAnyOrder(
        "error: BOT_LOG_LEVEL: must be one of trace, debug, info, warn, error, was 'loud'",
        "error: BOT_HTTP_PORT: not a whole number: 'many'");
    assertThat(session.out()).isEmpty();
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void runKeepsLoggingToStandardErrorOneLinePerEventAndWritesNoLogFile() {
    Session session = run(env("BOT_CONSOLE", "off"));

    assertThat(session.code()).isZero();
    assertThat(session.out()).startsWith("orderlist-bot running on []");
    assertThat(session.err()).contains(" INFO ").contains("Bot ready").contains(" WARN ").contains("running headless").contains("Bot stopped");
    assertThat(session.err().lines()).allMatch(line -> TIMESTAMP.matcher(line).lookingAt());
    assertThat(logFile().getParent()).doesNotExist();
  }

  @Test
  void botLogLevelAlsoSetsTheLevelOfRun() {
    Session session = run(env("BOT_CONSOLE", "off", "BOT_LOG_LEVEL", "WARN"));

    assertThat(session.code()).isZero();
    assertThat(session.err()).contains(" WARN ").contains("running headless").doesNotContain(" INFO ").doesNotContain("Bot ready");
  }

  private Path logFile() {
    return dir.resolve("data").resolve("logs").resolve("bot.log");
  }

  private Map<String, String> env(String... pairs) {
    Map<String, String> env =
        new HashMap<>(Map.of("BOT_DATA_DIR", dir.resolve("data").toString(), "BOT_PAPER_WALK_SECONDS", "0", "BOT_HTTP_PORT", "0"));
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  /** A key given outright, so nothing warns about a key file in the data directory. */
  private Map<String, String> keyOutsideTheDataDir() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return env("BOT_MASTER_KEY", Base64.getEncoder().encodeToString(key));
  }

  /** The session's input; when {@code line} is read, {@code count} warnings are logged, as a component of the bot would. */
  private static BufferedReader warningAt(String line, int count) {
    return new BufferedReader(new StringReader(OCO)) {
      @Override
      public String readLine() throws IOException {
        String read = super.readLine();
        if (line.equals(read)) {
          for (int i = 1; i <= count; i++) {
            LOG.warn("{} {}", NEVER_ON_THE_TERMINAL, i);
          }
        }
        return read;
      }
    };
  }

  private Session console(Map<String, String> env, BufferedReader in) {
    return execute(new String[] {"console"}, env, in);
  }

  private Session run(Map<String, String> env) {
    return execute(new String[] {"run"}, env, new BufferedReader(new StringReader("")));
  }

  private static Session execute(String[] args, Map<String, String> env, BufferedReader in) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, env, in, new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), new SecureRandom());
    return new Session(code, out.toString(), err.toString());
  }
}
