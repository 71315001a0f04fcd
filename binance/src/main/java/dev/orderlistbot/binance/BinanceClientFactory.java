package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.domain.ApiCredentials;
import feign.Client;
import feign.DefaultRetryer;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.slf4j.Slf4jLogger;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Builds the Feign clients of one Binance environment over one shared JDK {@link HttpClient}
 * ({@code feign-java11}): the unsigned market client, and per credential set a {@link
 * BinanceSession} whose clients are signed by that user's key only.
 *
 * <p>Trading calls never retry ({@link Retryer#NEVER_RETRY}); reads retry once after an I/O error
 * (the signer re-signs the retried request). Signed clients log at {@code BASIC} through {@link
 * RedactingLogger}, which logs paths but never queries, bodies or headers.
 */
final class BinanceClientFactory {
  private final String baseUrl;
  private final Request.Options options;
  private final String recvWindow;
  private final ObjectMapper json;
  private final Clock clock;
  private final Client transport;
  private final RateLimitGate ipGate;
  private final UsageTracker usedWeight;
  private final WeightShares shares;

  BinanceClientFactory(
      BinanceConfig config,
      HttpClient http,
      ObjectMapper json,
      Clock clock,
      RateLimitGate ipGate,
      UsageTracker usedWeight,
      WeightShares shares) {
    this.baseUrl = config.effectiveRestBaseUrl();
    this.options =
        new Request.Options(
            config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS, config.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
    this.recvWindow = config.recvWindowParam();
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.transport = new Http2Client(Objects.requireNonNull(http, "http"));
    this.ipGate = Objects.requireNonNull(ipGate, "ipGate");
    this.usedWeight = Objects.requireNonNull(usedWeight, "usedWeight");
    this.shares = Objects.requireNonNull(shares, "shares");
  }

  /** The unsigned market-data client: shares the IP-wide gate and weight tracking. */
  BinanceMarketApi market() {
    return builder(ipGate, List.of(ipGate), List.of(usedWeight), shares.counted())
        .retryer(readRetryer())
        .logger(new Slf4jLogger("dev.orderlistbot.binance.http"))
        .target(BinanceMarketApi.class, baseUrl);
  }

  /**
   * A session for one credential set.
   *
   * @throws IllegalArgumentException if the secret is not a usable key of the stated type
   */
  BinanceSession session(ApiCredentials credentials, LongSupplier timestampMillis) {
    BinanceSigner signer =
        new BinanceSigner(credentials.apiKey(), PayloadSigner.of(credentials), timestampMillis, recvWindow);
    RateLimitGate accountGate = new RateLimitGate(clock);
    UsageTracker orderCount = new UsageTracker(UsageTracker.ORDER_COUNT);
    List<RateLimitGate> gates = List.of(ipGate, accountGate);
    List<UsageTracker> trackers = List.of(usedWeight, orderCount);
    // placements and cancels are never held back by the user's share; reads are (WeightShares)
    BinanceTradingApi trading =
        builder(accountGate, gates, trackers, shares.counted())
            .requestInterceptor(signer)
            .retryer(Retryer.NEVER_RETRY)
            .logger(new RedactingLogger())
            .target(BinanceTradingApi.class, baseUrl);
    BinanceAccountApi account =
        builder(accountGate, gates, trackers, shares.reads(new WeightWindow()))
            .requestInterceptor(signer)
            .retryer(readRetryer())
            .logger(new RedactingLogger())
            .target(BinanceAccountApi.class, baseUrl);
    return new BinanceSession(trading, account, accountGate, orderCount);
  }

  private Feign.Builder builder(
      RateLimitGate accountGate, List<RateLimitGate> gates, List<UsageTracker> trackers, WeightGuard weight) {
    return Feign.builder()
        .client(new GuardedClient(transport, gates, trackers, weight))
        .options(options)
        .decoder(new JacksonDecoder(json))
        .errorDecoder(new BinanceErrorDecoder(json, clock, ipGate, accountGate))
        .logLevel(Logger.Level.BASIC);
  }

  /** One more attempt after an I/O error, 100 ms later; reads only. */
  private static Retryer readRetryer() {
    return new DefaultRetryer(100, 100, 2);
  }
}
