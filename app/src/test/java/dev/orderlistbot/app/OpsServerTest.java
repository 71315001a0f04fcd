package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.port.out.EngineTelemetry.PlacementOutcome;
import dev.orderlistbot.core.port.out.EngineTelemetry.RetryReason;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.OutboxBacklog;
import dev.orderlistbot.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class OpsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @SuppressWarnings("try") // the server only has to run (and stop) around the requests
  void healthzAnswers200WhenEveryPartIsUpAnd503OtherwiseAndMetricsArePrometheusText() throws Exception {
    int port = freePort();
    AtomicReference<Health.Report> report =
        new AtomicReference<>(new Health.Report(Map.of("database", "up", "exchange", "paper"), List.of("telegram"), "bot-a", List.of("sweeps"), 3));
    BotMetrics metrics = new BotMetrics();
    for (int i = 0; i < 3; i++) {
      metrics.notificationDelivered();
    }
    try (OpsServer server =
        OpsServer.start(new ServiceSettings("127.0.0.1", port, false), report::get, metrics::scrape).orElseThrow()) {
      HttpResponse<String> up = get(port, "/healthz");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body())
          .isEqualTo("{\"status\":\"up\",\"database\":\"up\",\"exchange\":\"paper\",\"platforms\":{\"telegram\":\"connected\"},"
              + "\"instance\":\"bot-a\",\"leases\":[\"sweeps\"],\"streams\":3}");

      report.set(new Health.Report(Map.of("database", "down", "exchange", "paper"), List.of(), "bot-a", List.of(), 0));
      HttpResponse<String> down = get(port, "/healthz");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).startsWith("{\"status\":\"down\",\"database\":\"down\"");

      HttpResponse<String> scraped = get(port, "/metrics");
      assertThat(scraped.statusCode()).isEqualTo(200);
      assertThat(scraped.body()).contains("orderlist_notifications_delivered_total 3.0").contains("jvm_memory_used_bytes");
    }
  }

  @Test
  @SuppressWarnings("try") // the server only has to run (and stop) around the requests
  void metricsShowPlacementsConfirmationLatencyRetriesOutboxBacklogAndUserStreamConnections() throws Exception {
    int port = freePort();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    AtomicInteger backlogReads = new AtomicInteger();
    BotMetrics metrics = new BotMetrics();
    metrics.watchOutbox(
        () -> {
          backlogReads.incrementAndGet();
          return new OutboxBacklog(4, Optional.of(clock.instant().minusSeconds(90)));
        },
        clock);
    metrics.watchUserStream(() -> 2, () -> 3L);
    metrics.placement(PlacementOutcome.PLACED, ExchangeError.NO_CODE);
    metrics.placement(PlacementOutcome.REFUSED, -2010);
    metrics.placement(PlacementOutcome.REFUSED, -2010);
    metrics.placement(PlacementOutcome.UNKNOWN, ExchangeError.NO_CODE);
    metrics.confirmationTook(Duration.ofMillis(750));
    metrics.notificationRetried(RetryReason.RETRY_AFTER);
    metrics.notificationRetried(RetryReason.RATE_LIMITED);
    try (OpsServer server = OpsServer.start(new ServiceSettings("127.0.0.1", port, false), () -> null, metrics::scrape).orElseThrow()) {
      HttpResponse<String> scraped = get(port, "/metrics");

      assertThat(scraped.statusCode()).isEqualTo(200);
      assertThat(scraped.body())
          .contains("orderlist_placements_total{code=\"none\",outcome=\"placed\"} 1.0")
          .contains("orderlist_placements_total{code=\"-2010\",outcome=\"refused\"} 2.0")
          .contains("orderlist_placements_total{code=\"none\",outcome=\"unknown\"} 1.0")
          .contains("orderlist_placements_total{code=\"none\",outcome=\"pre_trade_refused\"} 0.0")
          .contains("orderlist_confirmation_seconds_count 1")
          .contains("orderlist_confirmation_seconds_sum 0.75")
          .contains("orderlist_confirmation_seconds_bucket{")
          .contains("orderlist_notification_retries_total{reason=\"retry_after\"} 1.0")
          .contains("orderlist_notification_retries_total{reason=\"rate_limited\"} 1.0")
          .contains("orderlist_notification_retries_total{reason=\"transient\"} 0.0")
          .contains("orderlist_notification_outbox_pending 4.0")
          .contains("orderlist_notification_outbox_oldest_age_seconds 90.0")
          .contains("binance_user_stream_connections 2.0")
          .contains("binance_user_stream_reconnects_total 3.0");
      assertThat(backlogReads).hasValue(1);
    }
  }

  @Test
  void aFailingOutboxReadShowsNaNAndTheRestOfTheMetrics() {
    BotMetrics metrics = new BotMetrics();
    metrics.watchOutbox(
        () -> {
          throw new IllegalStateException("database down");
        },
        Clock.systemUTC());

    String scraped = metrics.scrape();

    assertThat(scraped)
        .contains("orderlist_notification_outbox_pending NaN")
        .contains("orderlist_notification_outbox_oldest_age_seconds NaN")
        .contains("orderlist_placements_total");
  }

  @Test
  void onlyBinancesNegativeCodesBecomeTagsSoTheSeriesStayFew() {
    assertThat(BotMetrics.codeTag(ExchangeError.NO_CODE)).isEqualTo("none");
    assertThat(BotMetrics.codeTag(-2010)).isEqualTo("-2010");
    assertThat(BotMetrics.codeTag(401)).isEqualTo("other");
    assertThat(BotMetrics.codeTag(Integer.MIN_VALUE)).isEqualTo("other");
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
