package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import dev.orderlistbot.core.port.out.PlacementResult;
import feign.RetryableException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
  private static final String LOST_MARKET_ORDER =
      "Binance's answer was lost, so it is not known whether the market order was placed; the bot checks before doing anything else.";

  private final Clock clock;

  Failures(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The outcome of a placement that threw; {@code resync} re-measures the clock after {@code -1021}. */
  PlacementResult placement(RuntimeException e, ClientListId id, Runnable resync) {
    Placing outcome = placing(e, resync, id.value());
    return outcome.refusal() != null
        ? new PlacementResult.Rejected(outcome.refusal())
        : new PlacementResult.Unknown(id, outcome.code(), LOST_PLACEMENT);
  }

  /** The outcome of a MARKET order that threw: the same rule as for a placement. */
  MarketOrderResult marketOrder(RuntimeException e, ClientOrderId id, Runnable resync) {
    Placing outcome = placing(e, resync, id.value());
    return outcome.refusal() != null
        ? new MarketOrderResult.Rejected(outcome.refusal())
        : new MarketOrderResult.Unknown(id, outcome.code(), LOST_MARKET_ORDER);
  }

  /** A failed placement: a refusal, or (refusal null) an unknown outcome with Binance's code. */
  private record Placing(ExchangeError refusal, int code) {}

  private Placing placing(RuntimeException e, Runnable resync, String id) {
    if (e instanceof BinanceCallException call) {
      if (call.sent() && call.outcomeUnknown()) {
        return new Placing(null, call.code());
      }
      if (call.sent() && BinanceError.kindOf(call.code()) == BinanceError.Kind.CLOCK) {
        resync.run();
      }
      return new Placing(error(call, false), call.code());
    }
    if (e instanceof RetryableException retryable && neverSent(retryable)) {
      return new Placing(new ExchangeError.Unavailable("Could not reach Binance; the order was not sent."), ExchangeError.NO_CODE);
    }
    if (e instanceof ExchangeException exchange && !(exchange.error() instanceof ExchangeError.OutcomeUnknown)) {
      return new Placing(exchange.error(), exchange.error().code());
    }
    log.warn("placement {} outcome unknown: {}", id, e.getClass().getSimpleName());
    return new Placing(null, ExchangeError.NO_CODE);
  }

  /**
   * The failure of a keep-priority amend. An order Binance does not know ({@code -2013}, or "Unknown
   * order sent." under any code) is {@link ExchangeError.NotFound}; a lost answer is {@link
   * ExchangeError.OutcomeUnknown}; every other refusal left the order as it was.
   */
  ExchangeException amend(RuntimeException e, Runnable resync) {
    if (e instanceof BinanceCallException call && call.sent() && !call.outcomeUnknown()) {
      if (BinanceError.kindOf(call.code()) == BinanceError.Kind.CLOCK) {
        resync.run();
      }
      boolean unknownOrder =
          call.code() == BinanceError.NO_SUCH_ORDER.code()
              || EngineMessage.of(call.binanceMessage() == null ? "" : call.binanceMessage())
                  .filter(m -> m == EngineMessage.UNKNOWN_ORDER)
                  .isPresent();
      if (unknownOrder) {
        return new ExchangeException(
            new ExchangeError.NotFound(call.code(), "That order is no longer open: it filled, expired or was cancelled."));
      }
      return new ExchangeException(error(call, true));
    }
    if (e instanceof BinanceCallException call) {
      return new ExchangeException(error(call, true));
    }
    if (e instanceof ExchangeException exchange) {
      return exchange;
    }
    if (e instanceof RetryableException retryable && neverSent(retryable)) {
      return unavailable("Could not reach Binance; nothing was sent.");
    }
    log.warn("amend outcome unknown: {}", e.getClass().getSimpleName());
    return new ExchangeException(
        new ExchangeError.OutcomeUnknown(
            ExchangeError.NO_CODE, "Binance's answer was lost, so it is not known whether the order's quantity changed."));
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

  /** "Unknown order" and "order does not exist" mean empty, not failure. */
  static <T> Optional<T> emptyIfUnknown(Supplier<T> call) {
    try {
      return Optional.of(call.get());
    } catch (ExchangeException e) {
      if (e.error() instanceof ExchangeError.Refused refused
          && (refused.code() == BinanceError.CANCEL_REJECTED.code() || refused.code() == BinanceError.NO_SUCH_ORDER.code())) {
        return Optional.empty();
      }
      throw e;
    }
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
