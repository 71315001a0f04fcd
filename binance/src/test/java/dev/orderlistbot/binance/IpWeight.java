package dev.orderlistbot.binance;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What Binance counts per IP for the loopback Binance: the request weight of each minute, told back
 * on every answer as {@code X-MBX-USED-WEIGHT-1M} (reference section 6.2), so that several bot
 * instances behind one IP see the weight they spend together. Weights are the bot's own table
 * ({@link RequestWeights}), whose figures {@code OpenOrdersAndBandCentreTest} and the wire tests
 * hold against the reference. Thread-safe.
 */
final class IpWeight implements ResponseTransformerV2 {
  static final String USED_WEIGHT_1M = "X-MBX-USED-WEIGHT-1M";

  private final Clock clock;
  private final TreeMap<Long, Integer> byMinute = new TreeMap<>();

  /** Counts by {@code clock}'s minutes (Binance's are the wall clock's). */
  IpWeight(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Response transform(Response response, ServeEvent event) {
    LoggedRequest request = event.getRequest();
    long minute = clock.millis() / 60_000;
    int used = spend(minute, RequestWeights.of(request.getMethod().getName(), request.getAbsoluteUrl()));
    if (response.getHeaders().getHeader(USED_WEIGHT_1M).isPresent()) {
      return response; // a test that states the weight itself is answered with it
    }
    return Response.Builder.like(response)
        .but()
        .headers(response.getHeaders().plus(new HttpHeader(USED_WEIGHT_1M, Integer.toString(used))))
        .build();
  }

  private synchronized int spend(long minute, int weight) {
    return byMinute.merge(minute, weight, Integer::sum);
  }

  /** The weight of each minute (minutes since the epoch), oldest first. */
  synchronized SortedMap<Long, Integer> byMinute() {
    return new TreeMap<>(byMinute);
  }

  @Override
  public String getName() {
    return "ip-weight";
  }
}
