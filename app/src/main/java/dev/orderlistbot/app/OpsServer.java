package dev.orderlistbot.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP endpoint (JDK HttpServer, GET only): {@code /healthz} answers JSON with 200
 * when healthy and 503 otherwise; {@code /metrics} answers the Prometheus text format. Binds to
 * {@code BOT_HTTP_HOST:BOT_HTTP_PORT}; nothing else is served, and nothing secret is in either.
 */
final class OpsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

  private final HttpServer server;
  private final ExecutorService executor;

  private OpsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving, or returns empty when {@code BOT_HTTP_PORT} is 0. A port already in use is
   * logged and the bot runs on without the endpoint: chatting matters more than being watched, and
   * the container's HEALTHCHECK then reports the problem.
   */
  static Optional<OpsServer> start(ServiceSettings settings, Supplier<Health.Report> health, Supplier<String> metrics) {
    if (!settings.httpEnabled()) {
      return Optional.empty();
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.httpHost(), settings.httpPort()), 16);
    } catch (IOException e) {
      LOG.error(
          "{}: cannot listen on {}:{} ({}); running without health and metrics",
          ServiceSettings.HTTP_PORT, settings.httpHost(), settings.httpPort(), e.getMessage());
      return Optional.empty();
    }
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    server.setExecutor(executor);
    server.createContext("/healthz", exchange -> {
      Health.Report report = health.get();
      respond(exchange, report.healthy() ? 200 : 503, "application/json", report.json());
    });
    server.createContext("/metrics", exchange ->
        respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.start();
    LOG.info("Health and metrics on http://{}:{}/healthz and /metrics", settings.httpHost(), server.getAddress().getPort());
    return Optional.of(new OpsServer(server, executor));
  }

  private static void respond(HttpExchange exchange, int status, String type, String body) {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
      if (!exchange.getRequestMethod().equals("HEAD")) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
