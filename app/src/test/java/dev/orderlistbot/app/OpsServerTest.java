package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @SuppressWarnings("try") // the server only has to run (and stop) around the requests
  void healthzAnswers200WhenEveryPartIsUpAnd503OtherwiseAndMetricsArePrometheusText() throws Exception {
    int port = freePort();
    AtomicReference<Health.Report> report =
        new AtomicReference<>(new Health.Report(Map.of("database", "up", "exchange", "paper"), List.of("telegram")));
    BotMetrics metrics = new BotMetrics();
    metrics.delivered(3);
    try (OpsServer server =
        OpsServer.start(new ServiceSettings("127.0.0.1", port, false), report::get, metrics::scrape).orElseThrow()) {
      HttpResponse<String> up = get(port, "/healthz");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body())
          .isEqualTo("{\"status\":\"up\",\"database\":\"up\",\"exchange\":\"paper\",\"platforms\":{\"telegram\":\"connected\"}}");

      report.set(new Health.Report(Map.of("database", "down", "exchange", "paper"), List.of()));
      HttpResponse<String> down = get(port, "/healthz");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).startsWith("{\"status\":\"down\",\"database\":\"down\"");

      HttpResponse<String> scraped = get(port, "/metrics");
      assertThat(scraped.statusCode()).isEqualTo(200);
      assertThat(scraped.body()).contains("orderlist_notifications_delivered_total 3.0").contains("jvm_memory_used_bytes");
    }
  }

  @Test
  void portZeroServesNothing() {
    assertThat(OpsServer.start(new ServiceSettings("127.0.0.1", 0, true), () -> null, () -> "")).isEmpty();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
