package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without a server the PostgreSQL tests skip locally, saying why, and fail where CI requires them. */
class PostgresProbeTest {

  @Test
  void skipsWithTheReasonWhenNoServerAnswersAndNoneIsRequired() throws IOException {
    Map<String, String> env = Map.of("BOT_TEST_POSTGRES_URL", closedPortUrl());

    assertThatThrownBy(() -> PostgresProbe.reachableOrSkip(env))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("SKIPPED: no PostgreSQL server at 127.0.0.1:")
        .hasMessageContaining("set BOT_TEST_POSTGRES_URL");
  }

  @Test
  void failsWhenNoServerAnswersButCiRequiresOne() throws IOException {
    Map<String, String> env =
        Map.of("BOT_TEST_POSTGRES_URL", closedPortUrl(), "BOT_TEST_POSTGRES_REQUIRED", "true");

    assertThatThrownBy(() -> PostgresProbe.reachableOrSkip(env))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("BOT_TEST_POSTGRES_REQUIRED=true but no PostgreSQL server at 127.0.0.1:");
  }

  /** A loopback port nobody listens on: bound to learn a free one, then closed again. */
  private static String closedPortUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    return "jdbc:postgresql://127.0.0.1:" + port + "/orderlistbot_test";
  }
}
