package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image's training run: the real start path up to a healthy {@code /healthz}, then a clean stop. */
class WarmUpCommandTest {
  @TempDir Path dataDirTheCallerNamed;

  @Test
  void warmUpStartsOnPaperUntilHealthyAndLeavesNothingBehind() throws IOException {
    Set<Path> before = warmUpDirectories();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // the caller's settings are ignored: its data directory stays empty, and no token is used
    Map<String, String> env = Map.of(
        "BOT_DATA_DIR", dataDirTheCallerNamed.toString(), "TELEGRAM_BOT_TOKEN", "123:not-a-real-token", "BOT_HTTP_PORT", "1");

    int code = Main.execute(new String[] {"warm-up"}, env, new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), new SecureRandom());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("running on [], PAPER trading").contains("warm-up: /healthz answered 200");
    try (Stream<Path> left = Files.list(dataDirTheCallerNamed)) {
      assertThat(left).isEmpty();
    }
    assertThat(warmUpDirectories()).as("its temporary data directory is deleted").isEqualTo(before);
  }

  private static Set<Path> warmUpDirectories() throws IOException {
    try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return all.filter(path -> path.getFileName().toString().startsWith("orderlist-bot-warm-up")).collect(Collectors.toSet());
    }
  }
}
