package dev.orderlistbot.app;

import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.core.port.out.Lease;
import dev.orderlistbot.core.port.out.Transactor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this instance does among those sharing the database: it always answers its chats; it runs
 * the sweeps (settling placements, breakeven plans, clean-up) only while it holds their lease, and
 * when it takes them it first follows again the cancels a stopped instance left on their way; on the
 * paper exchange it must be the only writer. The leases are renewed every 5 s on the workers and
 * given up at a clean stop. Thread-safe.
 */
final class InstanceRole implements LeaseTicks, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceRole.class);

  private final InstanceLeases leases;
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private final List<Runnable> afterTicks = new CopyOnWriteArrayList<>();
  private final List<Runnable> beforeRelease = new CopyOnWriteArrayList<>();
  private ScheduledFuture<?> ticking;

  private InstanceRole(InstanceLeases leases) {
    this.leases = leases;
  }

  /** This instance, named by {@code BOT_INSTANCE_ID} or by its host and a random suffix. */
  static InstanceRole of(Transactor transactor, Clock clock, ServiceSettings service, SecureRandom random) {
    String id = service.instanceId().orElseGet(() -> generatedId(random));
    LOG.info("Instance {}", id);
    return new InstanceRole(new InstanceLeases(transactor, clock, id, Set.of(InstanceLeases.SWEEPS)));
  }

  @Override
  public InstanceLeases leases() {
    return leases;
  }

  /**
   * The paper exchange keeps its market and accounts in this process and saves them to the
   * database: a second instance writing them too would lose orders. Takes its lease, or refuses to
   * start, naming the instance that holds it.
   */
  void requirePaperWriter() {
    if (!leases.acquire(InstanceLeases.PAPER).held()) {
      String holder = leases.everyone().stream()
          .filter(l -> l.name().equals(InstanceLeases.PAPER))
          .map(Lease::holder)
          .findFirst()
          .orElse("another instance");
      throw new AppException("BINANCE_ENV=paper runs one instance per database, and " + holder
          + " runs the paper exchange on this one. Stop it first (its claim lapses "
          + InstanceLeases.TTL.toSeconds() + " s after it stops), or give this instance its own BOT_DB_URL or BOT_DATA_DIR.");
    }
  }

  /**
   * Takes or renews the leases now (so a single instance runs its sweeps from the first minute) and
   * every {@link InstanceLeases#RENEW_EVERY} after, on {@code workers}; {@code onSweepsTaken} runs
   * each time this instance takes the sweeps' lease (now on the calling thread, later on a worker);
   * what {@link #afterEveryTick} registered runs after every renewal.
   */
  void start(ScheduledExecutorService scheduler, Executor workers, Runnable onSweepsTaken) {
    Runnable tick = () -> {
      tick(onSweepsTaken);
      for (Runnable work : afterTicks) {
        try {
          work.run();
        } catch (RuntimeException e) {
          LOG.warn("Work after a lease renewal failed; it runs again after the next", e);
        }
      }
    };
    tick.run();
    long every = InstanceLeases.RENEW_EVERY.toMillis();
    ticking = scheduler.scheduleWithFixedDelay(() -> workers.execute(tick), every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void afterEveryTick(Runnable work) {
    afterTicks.add(work);
  }

  @Override
  public void beforeRelease(Runnable work) {
    beforeRelease.add(work);
  }

  /** Whether this instance runs the sweeps now (it holds their lease). */
  boolean runsSweeps() {
    return leases.holds(InstanceLeases.SWEEPS);
  }

  /** {@code work}, run only while this instance holds the sweeps' lease. */
  Runnable sweeping(Runnable work) {
    return () -> {
      if (runsSweeps()) {
        work.run();
      }
    };
  }

  private void tick(Runnable onSweepsTaken) {
    leases.tick();
    boolean holds = leases.holds(InstanceLeases.SWEEPS);
    if (holds && sweeping.compareAndSet(false, true)) {
      LOG.info("Instance {} runs the sweeps", leases.instanceId());
      try {
        onSweepsTaken.run();
      } catch (RuntimeException e) {
        LOG.warn("Taking over the sweeps' first work failed; the sweeps run on", e);
      }
    } else if (!holds && sweeping.compareAndSet(true, false)) {
      LOG.warn("Instance {} no longer runs the sweeps", leases.instanceId());
    }
  }

  /** Stops renewing and gives every lease up, so another instance takes the work at once. */
  @Override
  public void close() {
    if (ticking != null) {
      ticking.cancel(false);
    }
    for (Runnable work : beforeRelease) {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.warn("Stopping work before giving up the leases failed", e);
      }
    }
    leases.releaseAll();
  }

  private static String generatedId(SecureRandom random) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "bot";
    }
    String clean = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    byte[] suffix = new byte[3];
    random.nextBytes(suffix);
    return (clean.length() > 32 ? clean.substring(0, 32) : clean) + "-" + HexFormat.of().formatHex(suffix);
  }
}
