package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PlacementResult;
import feign.RetryableException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns whatever a Binance call threw into the core's typed outcomes, in one place. The rule that
 * protects real money: once a request that changes something may have reached Binance (timeout,
 * connection reset, HTTP 5xx, an answer that cannot be read, or one of the codes Binance gives when
 * it does not know the execution status itself: {@code -1000}, {@code -1001}, {@code -1006},
 * {@code -1007}, whatever their HTTP status), its outcome is <em>unknown</em>, never "failed". Only
 * what provably did not happen is a rejection: Binance's 4xx refusals, a connection that was never
 * opened, a request the back-off kept back.
 *
 * <p>Feign's exceptions carry the signed URL in their message, so none is ever chained, logged
 * with its message, or passed on; only its class name is logged.
 */
final class Failures {
  private static final Logger log = LoggerFactory.getLogger(Failures.class);
  private static final String LOST_PLACEMENT =
      "Binance's answer was lost, so it is not known whether the order list was placed; the bot checks before doing anything else.";

  private final Clock clock;

  Failures(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The outcome of a placement that threw; {@code resync} re-measures the clock after {@code -1021}. */
  PlacementResult placement(RuntimeException e, ClientListId id, Runnable resync) {
    if (e instanceof BinanceCallException call) {
      if (call.sent() && call.outcomeUnknown()) {
        return new PlacementResult.Unknown(id, call.code(), LOST_PLACEMENT);
      }
      if (call.sent() && BinanceError.kindOf(call.code()) == BinanceError.Kind.CLOCK) {
        resync.run();
      }
      return new PlacementResult.Rejected(error(call, false));
    }
    if (e instanceof RetryableException retryable && neverSent(retryable)) {
      return new PlacementResult.Rejected(new ExchangeError.Unavailable("Could not reach Binance; the order was not sent."));
    }
    if (e instanceof ExchangeException exchange && !(exchange.error() instanceof ExchangeError.OutcomeUnknown)) {
      return new PlacementResult.Rejected(exchange.error());
    }
    log.warn("placement {} outcome unknown: {}", id, e.getClass().getSimpleName());
    return new PlacementResult.Unknown(id, ExchangeError.NO_CODE, LOST_PLACEMENT);
  }

  /**
   * The failure of a trading call other than a placement (a cancel). Only Binance's "unknown order"
   * is {@link ExchangeError.NotFound}: the list is gone. Every other refusal leaves it as it was.
   */
  ExchangeException trading(RuntimeException e, Runnable resync) {
    if (e instanceof BinanceCallException call) {
      if (call.sent() && BinanceError.kindOf(call.code()) == BinanceError.Kind.CLOCK) {
        resync.run();
      }
      if (call.sent() && !call.outcomeUnknown() && BinanceError.unknownOrder(call.code(), call.binanceMessage())) {
        return new ExchangeException(
            new ExchangeError.NotFound(call.code(), BinanceError.explain(call.code(), call.binanceMessage())));
      }
      return new ExchangeException(error(call, true));
    }
    if (e instanceof ExchangeException exchange) {
      return exchange;
    }
    if (e instanceof RetryableException retryable && neverSent(retryable)) {
      return unavailable("Could not reach Binance; nothing was sent.");
    }
    log.warn("trading call outcome unknown: {}", e.getClass().getSimpleName());
    return new ExchangeException(
        new ExchangeError.OutcomeUnknown(
            ExchangeError.NO_CODE, "Binance's answer was lost, so it is not known whether the cancel went through."));
  }

  /** The failure of a call that changes nothing. */
  ExchangeException read(RuntimeException e) {
    if (e instanceof BinanceCallException call) {
      return new ExchangeException(error(call, false));
    }
    if (e instanceof ExchangeException exchange) {
      return exchange;
    }
    if (e instanceof RetryableException retryable) {
      return unavailable(
          neverSent(retryable) ? "Could not reach Binance." : "Binance did not answer in time; please try again.");
    }
    log.warn("Binance read failed: {}", e.getClass().getSimpleName());
    return unavailable("Binance sent an answer the bot could not read; please try again.");
  }

  /** The core error for a Binance error answer (or a back-off that kept the request back). */
  ExchangeError error(BinanceCallException call, boolean changesState) {
    int code = call.code();
    if (!call.sent()) {
      Instant until = call.retryAt().orElseGet(clock::instant);
      return new ExchangeError.RateLimited(code, until, rateLimited(code, until));
    }
    if (call.outcomeUnknown()) {
      return changesState
          ? new ExchangeError.OutcomeUnknown(code, "Binance failed while handling the request, so its outcome is unknown.")
          : new ExchangeError.Unavailable("Binance is having trouble (HTTP " + call.httpStatus() + "); please try again.");
    }
    if (code == BinanceCallException.NO_CODE) {
      return new ExchangeError.Refused(
          code,
          call.httpStatus() == 403
              ? "Binance's firewall blocked the request (HTTP 403)."
              : "Binance refused the request (HTTP " + call.httpStatus() + ").");
    }
    return switch (BinanceError.kindOf(code)) {
      case RATE_LIMITED -> {
        Instant until = call.retryAt().orElseGet(() -> clock.instant().plus(Duration.ofMinutes(1)));
        yield new ExchangeError.RateLimited(code, until, rateLimited(code, until));
      }
      case CREDENTIALS -> new ExchangeError.CredentialsRejected(code, BinanceError.explain(code, call.binanceMessage()));
      case REFUSED, CLOCK, OUTCOME_UNKNOWN -> new ExchangeError.Refused(code, BinanceError.explain(code, call.binanceMessage()));
    };
  }

  private static String rateLimited(int code, Instant until) {
    return BinanceError.explain(code, "") + " The bot sends again after " + until.truncatedTo(ChronoUnit.SECONDS) + ".";
  }

  private static ExchangeException unavailable(String reason) {
    return new ExchangeException(new ExchangeError.Unavailable(reason));
  }

  /** Whether the connection was never established, so the request cannot have reached Binance. */
  private static boolean neverSent(RetryableException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
