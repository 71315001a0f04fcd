package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes every non-2xx Binance answer once, into a {@link BinanceCallException} keyed by Binance's
 * {@code code} (reference 6.1): {@code {"code":-2010,"msg":"..."}}. An answer without such a body (a
 * proxy's 502 page) keeps code 0 and its HTTP status.
 *
 * <p>On HTTP 429 and 418 it also closes the right {@link RateLimitGate} until {@code Retry-After}
 * (seconds): the account's for {@code -1015} (unfilled order count), the IP-wide one otherwise.
 * Without the header it backs off {@link #DEFAULT_429_BACKOFF} or {@link #DEFAULT_418_BACKOFF}.
 */
final class BinanceErrorDecoder implements ErrorDecoder {
  static final Duration DEFAULT_429_BACKOFF = Duration.ofSeconds(60);
  static final Duration DEFAULT_418_BACKOFF = Duration.ofMinutes(2);
  private static final int MAX_BODY = 64 * 1024;

  private final ObjectMapper json;
  private final Clock clock;
  private final RateLimitGate ipGate;
  private final RateLimitGate accountGate;

  BinanceErrorDecoder(ObjectMapper json, Clock clock, RateLimitGate ipGate, RateLimitGate accountGate) {
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ipGate = Objects.requireNonNull(ipGate, "ipGate");
    this.accountGate = Objects.requireNonNull(accountGate, "accountGate");
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    int status = response.status();
    JsonNode body = body(response);
    int code = body.path("code").isIntegralNumber() ? body.path("code").asInt() : BinanceCallException.NO_CODE;
    String msg = body.path("msg").isTextual() ? body.path("msg").asText() : "HTTP " + status;
    Optional<Instant> retryAt = Optional.empty();
    if (status == 429 || status == 418) {
      int limitCode = code == BinanceCallException.NO_CODE ? BinanceError.TOO_MANY_REQUESTS.code() : code;
      Duration wait = retryAfter(response).orElse(status == 418 ? DEFAULT_418_BACKOFF : DEFAULT_429_BACKOFF);
      Instant at = clock.instant().plus(wait);
      (limitCode == BinanceError.TOO_MANY_ORDERS.code() ? accountGate : ipGate).closeUntil(at, limitCode);
      retryAt = Optional.of(at);
      code = limitCode;
    }
    return BinanceCallException.answered(status, code, msg, retryAt);
  }

  /** {@code Retry-After}, which Binance sends in seconds. */
  private static Optional<Duration> retryAfter(Response response) {
    Collection<String> values = response.headers().getOrDefault("Retry-After", List.of());
    for (String value : values) {
      try {
        long seconds = Long.parseLong(value.trim());
        if (seconds >= 0) {
          return Optional.of(Duration.ofSeconds(seconds));
        }
      } catch (NumberFormatException e) {
        // an HTTP-date Retry-After is not what Binance sends; fall back to the default back-off
      }
    }
    return Optional.empty();
  }

  private JsonNode body(Response response) {
    if (response.body() == null) {
      return json.nullNode();
    }
    try (InputStream in = response.body().asInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY);
      return bytes.length == 0 ? json.nullNode() : json.readTree(bytes);
    } catch (IOException | RuntimeException e) {
      return json.nullNode();
    }
  }
}
