package dev.orderlistbot.core.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Why an exchange call did not do what was asked, in terms a trader understands. Switch over it
 * exhaustively; every variant carries a plain-language {@link #reason()} (never a secret, a signed
 * request or a stack trace) and the exchange's numeric {@link #code()} when there is one.
 *
 * <p>Example: Binance's {@code {"code":-2010,"msg":"Account has insufficient balance for requested
 * action."}} becomes {@code Refused(-2010, "Not enough balance: ...")}.
 */
public sealed interface ExchangeError {

  /** The code of errors the bot decided itself (nothing came from the exchange). */
  int NO_CODE = 0;

  /** The exchange's error code (Binance's are negative), or {@link #NO_CODE}. */
  int code();

  /** One or two sentences for the trader. */
  String reason();

  /**
   * The exchange received the request and refused it: a filter failed, a price is on the wrong
   * side, the balance is too low, the order does not exist, the clock was off... Nothing happened.
   */
  record Refused(int code, String reason) implements ExchangeError {
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The exchange does not know the order list (any more): it never existed, or it has ended
   * (filled, expired or cancelled), so there is nothing left to cancel. Only this answer to a cancel
   * means the list is no longer working; any other failure of a cancel leaves it as it was.
   */
  record NotFound(int code, String reason) implements ExchangeError {
    public NotFound {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Too many requests: the exchange asked the bot to back off until {@code until}, and the bot
   * sends nothing (for this account, or at all for an IP ban) before then. Nothing happened.
   */
  record RateLimited(int code, Instant until, String reason) implements ExchangeError {
    public RateLimited {
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The bot held a read back itself, before sending it (issue 14, defect 13): this user's reads
   * used their share of the exchange's request weight, or all users' reads reached the part of it
   * kept free for placing and cancelling orders. Nothing was sent; the read may be asked again after
   * {@code until}. Placements and cancels are never held back this way. {@code reason} says which
   * limit, with its figures, e.g. "You used your share of Binance's request weight: 1,500 a minute
   * for each user (a balance costs 20)."
   */
  record HeldBack(Instant until, String reason) implements ExchangeError {
    public HeldBack {
      Objects.requireNonNull(until, "until");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int code() {
      return NO_CODE;
    }
  }

  /**
   * The API key, its secret or private key, its IP whitelist or its permissions were refused (or
   * the stored key could not even be read). The user has to fix their key; nothing happened.
   */
  record CredentialsRejected(int code, String reason) implements ExchangeError {
    public CredentialsRejected {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The exchange could not be reached or failed to answer a request that changes nothing (a
   * query), or the bot did not send the request at all. Safe to try again later.
   */
  record Unavailable(String reason) implements ExchangeError {
    public Unavailable {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public int code() {
      return NO_CODE;
    }
  }

  /**
   * A request that changes something (a cancel) was sent, but its answer was lost (timeout, 5xx) or
   * the exchange said it does not know the execution status (Binance's {@code -1000}, {@code
   * -1001}, {@code -1006}, {@code -1007}): it may or may not have taken effect. Query the list
   * before telling the user.
   */
  record OutcomeUnknown(int code, String reason) implements ExchangeError {
    public OutcomeUnknown {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
