package dev.orderlistbot.binance;

import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import feign.Request;
import feign.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IP's request weight, shared fairly between the bot's users (issue 14, defect 13). Binance
 * counts weight per IP (6,000 a minute unless {@code exchangeInfo} says otherwise), so without this
 * one user's loop of {@code /balance} (20 each) spends it for everyone and the next 429 stops every
 * user's cancels too.
 *
 * <ul>
 *   <li><b>Per user.</b> A user's signed reads (balances, open lists, look-ups) may spend at most
 *       {@link BinanceConfig.WeightBudget#userPercent()} of the limit in any 60 s ({@link
 *       WeightWindow}, one per credential set); a read over it is held back and fails with {@link
 *       ExchangeError.HeldBack} saying when it fits again.
 *   <li><b>Reserve for trading.</b> No read, whoever asks, is sent once the IP's weight this minute
 *       (the larger of the last {@code X-MBX-USED-WEIGHT-1M} and what the bot itself sent) would pass
 *       the limit less {@link BinanceConfig.WeightBudget#tradingReservePercent()}. Reads therefore
 *       never take the IP to a 429, and placements and cancels, which cost 0 when they succeed, find
 *       room.
 *   <li><b>Never held back:</b> placements and cancels (a cancel must always work), and the unsigned
 *       market calls (server time before a placement, prices and exchange rules, which are cached);
 *       the market calls count towards the IP's weight.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class WeightShares {
  private static final String USED_WEIGHT_1M = UsageTracker.USED_WEIGHT + "1M";

  private final Clock clock;
  private final BinanceConfig.WeightBudget budget;
  private volatile int limit = RequestWeights.DOCUMENTED_LIMIT_PER_MINUTE;
  private long minute;
  private long usedThisMinute;

  WeightShares(Clock clock, BinanceConfig.WeightBudget budget) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** Binance's request weight per minute, as {@code exchangeInfo}'s {@code rateLimits} state it. */
  void limitPerMinute(int perMinute) {
    if (perMinute > 0) {
      limit = perMinute;
    }
  }

  /** The most one user's reads may spend in any 60 s. */
  int userShare() {
    return Math.max(1, (int) ((long) limit * budget.userPercent() / 100));
  }

  /** The most the IP's weight may reach this minute with a read in it. */
  int readCeiling() {
    return (int) ((long) limit * (100 - budget.tradingReservePercent()) / 100);
  }

  /** The guard of one user's signed reads. */
  WeightGuard reads(WeightWindow user) {
    Objects.requireNonNull(user, "user");
    return new Guard() {
      @Override
      public void beforeSending(Request request) {
        admitRead(user, RequestWeights.of(request.httpMethod().name(), request.url()));
      }
    };
  }

  /** The guard of calls that are counted but never held back (market data, placements, cancels). */
  WeightGuard counted() {
    return new Guard() {
      @Override
      public void beforeSending(Request request) {
        spend(RequestWeights.of(request.httpMethod().name(), request.url()));
      }
    };
  }

  private synchronized void admitRead(WeightWindow user, int weight) {
    Instant now = clock.instant();
    int share = userShare();
    Optional<Instant> fits = user.trySpend(weight, share, now);
    if (fits.isPresent()) {
      throw heldBack(
          fits.get(),
          "You used your share of Binance's request weight: " + share + " a minute for each user of this bot"
              + " (a balance costs 20, a look-up 4).");
    }
    roll(now);
    if (usedThisMinute + weight > readCeiling()) {
      user.refund(weight, now);
      throw heldBack(
          nextMinute(now),
          "The bot's users together have used what Binance allows for reads this minute; the rest is kept"
              + " for placing and cancelling orders.");
    }
    usedThisMinute += weight;
  }

  private synchronized void spend(int weight) {
    roll(clock.instant());
    usedThisMinute += weight;
  }

  private synchronized void reported(long used) {
    roll(clock.instant());
    usedThisMinute = Math.max(usedThisMinute, used);
  }

  /** Binance's weight starts again at each minute. */
  private void roll(Instant now) {
    long current = now.getEpochSecond() / 60;
    if (current != minute) {
      minute = current;
      usedThisMinute = 0;
    }
  }

  /** The IP's weight this minute as far as the bot knows (for tests). */
  synchronized long usedThisMinute() {
    roll(clock.instant());
    return usedThisMinute;
  }

  private static Instant nextMinute(Instant now) {
    return now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
  }

  private static ExchangeException heldBack(Instant until, String reason) {
    return new ExchangeException(new ExchangeError.HeldBack(until, reason));
  }

  /** Reads {@code X-MBX-USED-WEIGHT-1M} off every answer. */
  private abstract class Guard implements WeightGuard {
    @Override
    public void answered(Response response) {
      for (Map.Entry<String, Collection<String>> header : response.headers().entrySet()) {
        if (header.getKey().toUpperCase(Locale.ROOT).equals(USED_WEIGHT_1M) && !header.getValue().isEmpty()) {
          try {
            reported(Long.parseLong(header.getValue().iterator().next().trim()));
          } catch (NumberFormatException e) {
            // a malformed usage header is not worth failing a call for
          }
        }
      }
    }
  }
}
