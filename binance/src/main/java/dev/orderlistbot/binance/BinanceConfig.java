package dev.orderlistbot.binance;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the Binance Spot adapter. The app builds it from its configuration; this package
 * reads no environment variables.
 *
 * @param environment which Binance to talk to: real money ({@code LIVE}), Spot Testnet or Demo Mode
 * @param restBaseUrl overrides the environment's REST base URL (another {@code api1..4} host, or a
 *     local stub in tests); empty uses {@link Environment#restBaseUrl()}
 * @param recvWindow how long after its timestamp Binance may still execute a signed request:
 *     positive, at most 60 s, at most microsecond precision (Binance accepts 3 decimals of ms)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; a placement without an answer in time is
 *     reported as outcome unknown, so keep it above Binance's own 10 s backend timeout
 * @param exchangeInfoTtl how long a symbol's exchange rules are cached before being fetched again
 * @param clockResyncInterval how often the offset to Binance's clock is measured again (it is also
 *     measured again after every {@code -1021})
 * @param wsApiUrl overrides the environment's WebSocket API URL (the user data stream; a local stub
 *     in tests); empty uses {@link Environment#wsApiUrl()}
 */
public record BinanceConfig(
    Environment environment,
    Optional<URI> restBaseUrl,
    Duration recvWindow,
    Duration connectTimeout,
    Duration readTimeout,
    Duration exchangeInfoTtl,
    Duration clockResyncInterval,
    Optional<URI> wsApiUrl) {

  private static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);

  /** Which Binance Spot service the bot trades on (reference section 7). */
  public enum Environment {
    /** Production: real money. */
    LIVE("https://api.binance.com", "wss://ws-api.binance.com:443/ws-api/v3"),
    /** Spot Testnet: virtual funds, keys from testnet.binance.vision, data reset about monthly. */
    TESTNET("https://testnet.binance.vision", "wss://ws-api.testnet.binance.vision/ws-api/v3"),
    /** Demo Mode (since 2026-01-29): virtual funds on production-like markets. */
    DEMO("https://demo-api.binance.com", "wss://demo-ws-api.binance.com/ws-api/v3");

    private final URI restBaseUrl;
    private final URI wsApiUrl;

    Environment(String restBaseUrl, String wsApiUrl) {
      this.restBaseUrl = URI.create(restBaseUrl);
      this.wsApiUrl = URI.create(wsApiUrl);
    }

    public URI restBaseUrl() {
      return restBaseUrl;
    }

    /** The WebSocket API URL (reference section 7), which carries the user data stream. */
    public URI wsApiUrl() {
      return wsApiUrl;
    }
  }

  public BinanceConfig {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(restBaseUrl, "restBaseUrl");
    requirePositive(recvWindow, "recvWindow");
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(readTimeout, "readTimeout");
    requirePositive(exchangeInfoTtl, "exchangeInfoTtl");
    requirePositive(clockResyncInterval, "clockResyncInterval");
    if (recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
      throw new IllegalArgumentException("recvWindow must be at most 60 s, was " + recvWindow);
    }
    if (recvWindow.toNanos() % 1_000 != 0) {
      throw new IllegalArgumentException("recvWindow has at most microsecond precision, was " + recvWindow);
    }
    restBaseUrl.ifPresent(BinanceConfig::requireHttpUrl);
    Objects.requireNonNull(wsApiUrl, "wsApiUrl");
    wsApiUrl.ifPresent(BinanceConfig::requireWsUrl);
  }

  /** The settings without a WebSocket API override. */
  public BinanceConfig(
      Environment environment,
      Optional<URI> restBaseUrl,
      Duration recvWindow,
      Duration connectTimeout,
      Duration readTimeout,
      Duration exchangeInfoTtl,
      Duration clockResyncInterval) {
    this(environment, restBaseUrl, recvWindow, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, Optional.empty());
  }

  /**
   * Binance's recommended settings for an environment: recvWindow 5 s, connect 5 s, read 15 s
   * (Binance's backend gives up after 10 s with {@code -1007}), exchange rules cached 10 min, clock
   * offset measured again every 10 min.
   */
  public static BinanceConfig defaults(Environment environment) {
    return new BinanceConfig(
        environment,
        Optional.empty(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofMinutes(10),
        Duration.ofMinutes(10));
  }

  /** The same settings against another REST base URL (e.g. {@code http://127.0.0.1:PORT}). */
  public BinanceConfig withRestBaseUrl(URI url) {
    return new BinanceConfig(
        environment, Optional.of(url), recvWindow, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, wsApiUrl);
  }

  /** The same settings with another recvWindow. */
  public BinanceConfig withRecvWindow(Duration window) {
    return new BinanceConfig(
        environment, restBaseUrl, window, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, wsApiUrl);
  }

  /** The same settings with other timeouts. */
  public BinanceConfig withTimeouts(Duration connect, Duration read) {
    return new BinanceConfig(
        environment, restBaseUrl, recvWindow, connect, read, exchangeInfoTtl, clockResyncInterval, wsApiUrl);
  }

  /**
   * The same settings against another WebSocket API URL (e.g. {@code ws://127.0.0.1:PORT}); the
   * app maps {@code BINANCE_WS_API_URL} onto it.
   */
  public BinanceConfig withWsApiUrl(URI url) {
    return new BinanceConfig(
        environment, restBaseUrl, recvWindow, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, Optional.of(url));
  }

  /** The WebSocket API URL in use. */
  public URI effectiveWsApiUrl() {
    return wsApiUrl.orElse(environment.wsApiUrl());
  }

  /** The REST base URL in use, without a trailing slash. */
  public String effectiveRestBaseUrl() {
    String url = restBaseUrl.orElse(environment.restBaseUrl()).toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** recvWindow as Binance takes it: milliseconds, up to 3 decimals, e.g. {@code 5000} or {@code 6000.346}. */
  String recvWindowParam() {
    return BigDecimal.valueOf(recvWindow.toNanos() / 1_000, 3).stripTrailingZeros().toPlainString();
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void requireWsUrl(URI url) {
    String scheme = url.getScheme();
    if (!("wss".equals(scheme) || "ws".equals(scheme)) || url.getHost() == null) {
      throw new IllegalArgumentException("the WebSocket API URL must be a ws(s) URL, was " + url);
    }
  }

  private static void requireHttpUrl(URI url) {
    String scheme = url.getScheme();
    if (!("https".equals(scheme) || "http".equals(scheme)) || url.getHost() == null) {
      throw new IllegalArgumentException("the REST base URL must be an http(s) URL, was " + url);
    }
  }
}
