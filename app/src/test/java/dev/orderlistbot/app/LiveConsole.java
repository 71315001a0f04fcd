package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/** The bot's console command (the whole app, as {@code main} runs it) running on its own thread, typed into through a pipe. */
record LiveConsole(PipedWriter keyboard, StringWriter screen, FutureTask<Integer> exit) implements AutoCloseable {
  static LiveConsole start(Map<String, String> env) throws IOException {
    PipedWriter keyboard = new PipedWriter();
    BufferedReader in = new BufferedReader(new PipedReader(keyboard, 1 << 16));
    StringWriter screen = new StringWriter();
    PrintWriter out = new PrintWriter(screen, true);
    // its own thread, as `main` in production: a blocked common-pool worker would starve the JDK
    // HTTP client, which completes WebSocket handshakes there
    FutureTask<Integer> exit =
        new FutureTask<>(() -> Main.execute(new String[] {"console"}, env, in, out, out, Clock.systemUTC(), new SecureRandom()));
    Thread.ofPlatform().name("console-session").start(exit);
    return new LiveConsole(keyboard, screen, exit);
  }

  /** Waits for {@code condition}; on time-out, fails showing what the console showed. */
  void waitFor(int seconds, Callable<Boolean> condition) {
    try {
      await().atMost(Duration.ofSeconds(seconds)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not within " + seconds + " s; the console showed:\n" + output(), e);
    }
  }

  void type(String line) throws IOException {
    keyboard.write(line + "\n");
    keyboard.flush();
  }

  String output() {
    return screen.toString();
  }

  @Override
  public void close() throws IOException, ExecutionException, TimeoutException {
    keyboard.close();
    try {
      assertThat(exit.get(30, TimeUnit.SECONDS)).as("the console ends cleanly: %s", List.of(output())).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while the console ended", e);
    }
  }

  /** How many times {@code part} occurs in {@code text}. */
  static int occurrences(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
