package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs catch-ups (the {@link OrderListReconciler}'s) that a live event source asks for (after a
 * reconnect, after a start), one user at a time on one worker, so a reconnect of many users does
 * not burst the exchange's request weight. A user already waiting is not queued twice.
 *
 * <p>A catch-up the exchange could not answer is tried again after each of the {@code retryDelays}
 * (a rate limit's own wait when longer); when the last try fails too, {@code giveUp} is called,
 * which tells the trader honestly ({@link StreamNotices#connectionGap}) that a fill during the gap
 * may not have been announced. Nothing is ever announced twice: each try hands over the same event
 * identities.
 *
 * <p>Thread-safe; {@link #request} never blocks.
 */
public final class CatchUpQueue {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUpQueue.class);

  /** 5 s, 30 s, 2 min and 10 min. */
  public static final List<Duration> DEFAULT_RETRY_DELAYS =
      List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

  /** One catch-up of one user; throws when the exchange could not answer. */
  @FunctionalInterface
  public interface Work {
    void catchUp(UserRef user, ApiCredentials credentials);
  }

  private final Work work;
  private final Executor worker;
  private final ScheduledExecutorService timer;
  private final Consumer<UserRef> giveUp;
  private final Clock clock;
  private final List<Duration> retryDelays;
  private final Set<UserRef> waiting = new HashSet<>();

  /**
   * @param work a catch-up, e.g. {@code reconciler::reconcile}
   * @param worker runs the catch-ups; give it a single thread, so they run one at a time
   * @param timer schedules the retries (it only hands them to {@code worker})
   * @param giveUp called with the user whose catch-up failed after every retry, e.g. {@code
   *     notices::connectionGap}
   */
  public CatchUpQueue(
      Work work,
      Executor worker,
      ScheduledExecutorService timer,
      Consumer<UserRef> giveUp,
      Clock clock,
      List<Duration> retryDelays) {
    this.work = Objects.requireNonNull(work, "work");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.giveUp = Objects.requireNonNull(giveUp, "giveUp");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retryDelays = List.copyOf(retryDelays);
  }

  /** Catches {@code user}'s lists up soon, unless a catch-up of theirs is already waiting. */
  public void request(UserRef user, ApiCredentials credentials) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(credentials, "credentials");
    synchronized (waiting) {
      if (!waiting.add(user)) {
        return;
      }
    }
    submit(new Attempt(user, credentials, 0));
  }

  private record Attempt(UserRef user, ApiCredentials credentials, int failures) {}

  private void submit(Attempt attempt) {
    try {
      worker.execute(() -> run(attempt));
    } catch (RejectedExecutionException e) {
      LOG.debug("shutting down; catch-up of {} dropped", attempt.user());
      done(attempt.user());
    }
  }

  private void run(Attempt attempt) {
    // a request arriving while this one runs is queued anew: it may have seen events this missed
    done(attempt.user());
    try {
      work.catchUp(attempt.user(), attempt.credentials());
    } catch (RuntimeException e) {
      failed(attempt, e);
    }
  }

  private void failed(Attempt attempt, RuntimeException e) {
    String why = e instanceof ExchangeException exchange ? exchange.error().reason() : e.getClass().getSimpleName();
    if (attempt.failures() >= retryDelays.size()) {
      LOG.warn("catching up {} failed {} times ({}); telling them a fill may be missing", attempt.user(), attempt.failures() + 1, why);
      giveUp.accept(attempt.user());
      return;
    }
    Duration delay = retryDelays.get(attempt.failures());
    Optional<Instant> until = e instanceof ExchangeException exchange ? waitAskedFor(exchange.error()) : Optional.empty();
    if (until.isPresent()) {
      Duration wait = Duration.between(clock.instant(), until.get());
      delay = wait.compareTo(delay) > 0 ? wait : delay;
    }
    LOG.info("catching up {} failed ({}); trying again in {} s", attempt.user(), why, delay.toSeconds());
    Attempt next = new Attempt(attempt.user(), attempt.credentials(), attempt.failures() + 1);
    try {
      var unused = timer.schedule(() -> submit(next), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutdown) {
      LOG.debug("shutting down; retry of {}'s catch-up dropped", attempt.user());
    }
  }

  /** Binance's back-off, or the bot's own hold on a user's reads: no retry before it ends. */
  private static Optional<Instant> waitAskedFor(ExchangeError error) {
    if (error instanceof ExchangeError.RateLimited limited) {
      return Optional.of(limited.until());
    }
    if (error instanceof ExchangeError.HeldBack heldBack) {
      return Optional.of(heldBack.until());
    }
    return Optional.empty();
  }

  private void done(UserRef user) {
    synchronized (waiting) {
      waiting.remove(user);
    }
  }
}
