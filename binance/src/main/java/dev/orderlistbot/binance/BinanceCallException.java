package dev.orderlistbot.binance;

import java.time.Instant;
import java.util.Optional;

/**
 * Inside this package only: a Binance call that did not succeed, decoded once, by code. Either
 * Binance answered with an error ({@link #sent()} true: HTTP status, {@code code}, {@code msg}), or
 * the bot refused to send it because a rate-limit back-off is in force ({@link #sent()} false).
 *
 * <p>Its message holds the code and Binance's message, never the URL. The client turns it into a
 * core {@code ExchangeError} and never lets it escape.
 */
final class BinanceCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The code used when an answer had no Binance error body (e.g. an HTML 502 page). */
  static final int NO_CODE = 0;

  private final int httpStatus;
  private final int code;
  private final String binanceMessage;
  private final transient Optional<Instant> retryAt;
  private final boolean sent;

  private BinanceCallException(int httpStatus, int code, String binanceMessage, Optional<Instant> retryAt, boolean sent) {
    super("HTTP " + httpStatus + ", code " + code + ": " + binanceMessage, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.binanceMessage = binanceMessage;
    this.retryAt = retryAt;
    this.sent = sent;
  }

  /** Binance answered with an error. */
  static BinanceCallException answered(int httpStatus, int code, String message, Optional<Instant> retryAt) {
    return new BinanceCallException(httpStatus, code, message, retryAt, true);
  }

  /** The bot did not send the request: it is backing off until {@code until}. */
  static BinanceCallException blocked(int code, Instant until) {
    return new BinanceCallException(429, code, "backing off", Optional.of(until), false);
  }

  int httpStatus() {
    return httpStatus;
  }

  int code() {
    return code;
  }

  String binanceMessage() {
    return binanceMessage;
  }

  Optional<Instant> retryAt() {
    return retryAt;
  }

  boolean sent() {
    return sent;
  }

  /**
   * HTTP 5xx, or a code with which Binance says it does not know the execution status ({@code
   * -1000}, {@code -1001}, {@code -1006}, {@code -1007}) whatever the status: the request may have
   * been executed.
   */
  boolean outcomeUnknown() {
    return httpStatus >= 500 || BinanceError.kindOf(code) == BinanceError.Kind.OUTCOME_UNKNOWN;
  }
}
