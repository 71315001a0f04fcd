package dev.orderlistbot.binance;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The HTTP client of one credential set (or of the unsigned market calls): refuses to send while a
 * {@link RateLimitGate} is closed or its {@link WeightGuard} holds the request back, and records
 * the usage headers of every answer. The actual
 * transport is the shared JDK {@code HttpClient} behind {@code feign-java11}.
 */
final class GuardedClient implements Client {
  private final Client transport;
  private final List<RateLimitGate> gates;
  private final List<UsageTracker> trackers;
  private final WeightGuard weight;

  GuardedClient(Client transport, List<RateLimitGate> gates, List<UsageTracker> trackers, WeightGuard weight) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.gates = List.copyOf(gates);
    this.trackers = List.copyOf(trackers);
    this.weight = Objects.requireNonNull(weight, "weight");
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    for (RateLimitGate gate : gates) {
      gate.checkOpen();
    }
    weight.beforeSending(request);
    Response response = transport.execute(request, options);
    weight.answered(response);
    for (UsageTracker tracker : trackers) {
      tracker.record(response.headers());
    }
    return response;
  }
}
