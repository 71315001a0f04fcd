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
 * @param weightBudget how much of the IP's per-minute request weight one user's reads may use, and
 *     how much no read may use (kept for placing and cancelling)
 */
public record BinanceConfig(
    Environment environment,
    Optional<URI> restBaseUrl,
    Duration recvWindow,
    Duration connectTimeout,
    Duration readTimeout,
    Duration exchangeInfoTtl,
    Duration clockResyncInterval,
    Optional<URI> wsApiUrl,
    WeightBudget weightBudget) {

  private static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);

  /**
   * The per-user share of Binance's request weight (issue 14, defect 13). The weight is per IP
   * (6,000 a minute, or what {@code exchangeInfo}'s {@code rateLimits} say), so every user of the
   * bot shares it and one user's loop of reads could put everyone behind a 429.
   *
   * @param userPercent the most of the per-minute limit one user's signed reads (balances, open
   *     lists, order look-ups) may use in any 60 s; 25 lets four users read flat out together
   * @param tradingReservePercent the part of the limit no read may use, whoever asks, so that the
   *     IP never reaches a 429 through reads and placements and cancels (which cost 0 weight when
   *     they succeed, 1 when refused) always find room; placements and cancels are never held back
   */
  public record WeightBudget(int userPercent, int tradingReservePercent) {
    public static final WeightBudget DEFAULT = new WeightBudget(25, 10);

    public WeightBudget {
      if (userPercent < 1 || userPercent > 100) {
        throw new IllegalArgumentException("userPercent must be 1 to 100, was " + userPercent);
      }
      if (tradingReservePercent < 0 || tradingReservePercent > 50) {
        throw new IllegalArgumentException("tradingReservePercent must be 0 to 50, was " + tradingReservePercent);
      }
    }
  }

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
    Objects.requireNonNull(weightBudget, "weightBudget");
  }

  /** The settings without a WebSocket API override, with the default weight budget. */
  public BinanceConfig(
      Environment environment,
      Optional<URI> restBaseUrl,
      Duration recvWindow,
      Duration connectTimeout,
      Duration readTimeout,
      Duration exchangeInfoTtl,
      Duration clockResyncInterval) {
    this(
        environment,
        restBaseUrl,
        recvWindow,
        connectTimeout,
        readTimeout,
        exchangeInfoTtl,
        clockResyncInterval,
        Optional.empty(),
        WeightBudget.DEFAULT);
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
        environment, Optional.of(url), recvWindow, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, wsApiUrl, weightBudget);
  }

  /** The same settings with another recvWindow. */
  public BinanceConfig withRecvWindow(Duration window) {
    return new BinanceConfig(
        environment, restBaseUrl, window, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, wsApiUrl, weightBudget);
  }

  /** The same settings with other timeouts. */
  public BinanceConfig withTimeouts(Duration connect, Duration read) {
    return new BinanceConfig(
        environment, restBaseUrl, recvWindow, connect, read, exchangeInfoTtl, clockResyncInterval, wsApiUrl, weightBudget);
  }

  /**
   * The same settings against another WebSocket API URL (e.g. {@code ws://127.0.0.1:PORT}); the
   * app maps {@code BINANCE_WS_API_URL} onto it.
   */
  public BinanceConfig withWsApiUrl(URI url) {
    return new BinanceConfig(
        environment, restBaseUrl, recvWindow, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, Optional.of(url), weightBudget);
  }

  /** The same settings with another per-user weight budget; the app maps its variables onto it. */
  public BinanceConfig withWeightBudget(WeightBudget budget) {
    return new BinanceConfig(
        environment, restBaseUrl, recvWindow, connectTimeout, readTimeout, exchangeInfoTtl, clockResyncInterval, wsApiUrl, budget);
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
