package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.orderlistbot.core.domain.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.requests.RestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The real JDA login path against a local stand-in for Discord's REST API that refuses the token:
 * JDA's own log lines and the exception the app sees name no token.
 */
class JdaLoginTest {
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private HttpServer discord;

  @BeforeEach
  void refuseEveryToken() throws IOException {
    discord = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    discord.createContext(
        "/",
        exchange -> {
          authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          byte[] body = "{\"message\": \"401: Unauthorized\", \"code\": 0}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(401, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    discord.start();
  }

  @AfterEach
  void stop() {
    discord.stop(0);
  }

  @Test
  void aRefusedTokenIsNeitherLoggedNorInTheStartFailure() {
    String baseUrl = "http://127.0.0.1:" + discord.getAddress().getPort() + "/api/v10/";
    DiscordChatPlatform platform =
        new DiscordChatPlatform(
            new DiscordConfig(Secret.of(Harness.TOKEN)), List::of, Runnable::run,
            JdaConnector.live(new RestConfig().setBaseUrl(baseUrl)));

    Throwable failure;
    String logged;
    try (CapturedLogs logs = new CapturedLogs()) {
      failure = catchThrowable(() -> platform.start(event -> {}));
      LoggerFactory.getLogger("app").error("Discord did not start", failure);
      platform.close();
      logged = logs.all();
    }

    assertThat(authorizations).isNotEmpty().allSatisfy(header -> assertThat(header).isEqualTo("Bot " + Harness.TOKEN));
    assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("token");
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    assertThat(trace.toString()).doesNotContain(Harness.TOKEN);
    assertThat(logged).contains("Discord did not start").doesNotContain(Harness.TOKEN);
  }
}
