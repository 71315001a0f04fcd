package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.Lease;
import dev.orderlistbot.core.port.out.LeaseNames;
import dev.orderlistbot.core.port.out.LeaseStore.Acquired;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's leases (see {@link dev.orderlistbot.core.port.out.LeaseStore}): the app calls {@link
 * #tick()} every {@link #RENEW_EVERY}; it renews what this instance holds, notices what another took
 * over, and takes the wanted leases that are free or expired (a dead instance's work is taken over
 * within {@link #TTL} plus one tick). {@link #holds} answers from memory and is conservative: a lease
 * counts as held only until its last renewal's expiry, so an instance that loses the database stops
 * doing the work before another may take it.
 *
 * <p>Counts for {@code /metrics}: leases taken, taken over from a dead instance, and lost. Thread-safe.
 */
public final class InstanceLeases {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceLeases.class);

  /** How long a lease holds without renewal: another instance takes it over after this. */
  public static final Duration TTL = Duration.ofSeconds(20);

  /** How often {@link #tick()} should run: four renewals within a lease's time to live. */
  public static final Duration RENEW_EVERY = Duration.ofSeconds(5);

  /** The sweeps and timers (settling placements, breakeven plans, catch-ups, clean-up): one instance runs them. */
  public static final String SWEEPS = "sweeps";

  /** The paper exchange's state: one writer only. */
  public static final String PAPER = "paper";

  /** What a running close, reduction or panic's lease is named after: {@code action:CONFIRMATION}. */
  public static final String ACTION_PREFIX = "action:";

  /** What every instance's presence lease is named after: {@code instance:ID}, held while it runs. */
  public static final String PRESENCE_PREFIX = "instance:";

  private final Transactor transactor;
  private final Clock clock;
  private final String instanceId;
  private final Set<String> wanted;
  private final ConcurrentMap<String, Instant> held = new ConcurrentHashMap<>();
  /** Leases given up here whose row could not be released yet: the next tick releases them. */
  private final Set<String> unreleased = ConcurrentHashMap.newKeySet();
  /** Leases being given up now: a tick that misses them in its renewal has not lost them. */
  private final Set<String> releasing = ConcurrentHashMap.newKeySet();
  private final AtomicLong taken = new AtomicLong();
  private final AtomicLong takenOver = new AtomicLong();
  private final AtomicLong lost = new AtomicLong();

  /**
   * @param instanceId this instance's id, unique among the instances on the database
   * @param wanted the leases every tick tries to take when they are free or expired
   */
  public InstanceLeases(Transactor transactor, Clock clock, String instanceId, Set<String> wanted) {
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.instanceId = LeaseNames.requireHolder(instanceId);
    Set<String> all = new HashSet<>(wanted);
    all.add(PRESENCE_PREFIX + instanceId);
    this.wanted = Set.copyOf(all);
    this.wanted.forEach(LeaseNames::requireName);
  }

  public String instanceId() {
    return instanceId;
  }

  /** Takes (or renews) {@code name} now; answers what happened. */
  public Acquired acquire(String name) {
    Instant now = clock.instant();
    unreleased.remove(name);
    Acquired answer = transactor.inTransaction(stores -> stores.leases().acquire(name, instanceId, now, TTL));
    if (answer.held()) {
      boolean fresh = held.put(name, now.plus(TTL)) == null;
      // a running action's lease is taken and given up with every placement and close: not counted or logged as work taken
      boolean action = name.startsWith(ACTION_PREFIX);
      if (answer == Acquired.TAKEN_OVER) {
        takenOver.incrementAndGet();
        LOG.info("Lease {} taken over from an instance that stopped renewing it", name);
      } else if (fresh && !action) {
        LOG.info("Lease {} taken", name);
      }
      if (fresh && !action) {
        taken.incrementAndGet();
      }
    }
    return answer;
  }

  /**
   * Takes {@code name} now whoever holds it (see {@link dev.orderlistbot.core.port.out.LeaseStore#seize});
   * the former holder drops it at its next tick.
   */
  public void seize(String name) {
    Instant now = clock.instant();
    unreleased.remove(name);
    Optional<String> former = transactor.inTransaction(stores -> stores.leases().seize(name, instanceId, now, TTL));
    if (held.put(name, now.plus(TTL)) == null) {
      taken.incrementAndGet();
    }
    former.ifPresent(holder -> LOG.info("Lease {} moved here from {}", name, holder));
  }

  /**
   * Gives up {@code name} if this instance holds it, so another may take it at once. When the
   * database fails, it is no longer held here, and the next ticks give it up (never renewing it).
   */
  public void release(String name) {
    // the row first: a renewal in between would otherwise take the lease back here
    releasing.add(name);
    try {
      transactor.inTransaction(stores -> stores.leases().release(name, instanceId));
    } catch (RuntimeException e) {
      unreleased.add(name);
      throw e;
    } finally {
      held.remove(name);
      releasing.remove(name);
    }
  }

  /**
   * Renews what this instance holds, forgets what it lost, and tries the wanted leases it lacks.
   * A database failure is logged; the leases then lapse in memory at their last expiry.
   */
  public void tick() {
    Instant now = clock.instant();
    try {
      // what was held before the renewal read the table: a lease taken meanwhile (another thread's
      // acquire or seize) is not in the renewal's answer, and is not lost
      for (String name : Set.copyOf(unreleased)) {
        transactor.inTransaction(stores -> stores.leases().release(name, instanceId));
        unreleased.remove(name);
      }
      Map<String, Instant> before = Map.copyOf(held);
      Set<String> renewed = transactor.inTransaction(stores -> stores.leases().renewAll(instanceId, now, TTL));
      for (Map.Entry<String, Instant> lease : before.entrySet()) {
        String name = lease.getKey();
        if (renewed.contains(name)) {
          held.merge(name, now.plus(TTL), (old, fresh) -> old.isAfter(fresh) ? old : fresh);
        } else if (held.remove(name, lease.getValue()) && !releasing.contains(name)) {
          lost.incrementAndGet();
          LOG.warn("Lease {} was lost: another instance holds it now", name);
        }
      }
      // the table says this instance holds it, but it was forgotten here (a race, a failed release): taken back
      for (String name : renewed) {
        if (held.putIfAbsent(name, now.plus(TTL)) == null) {
          LOG.info("Lease {} taken back: this instance still held it", name);
        }
      }
      for (String name : wanted) {
        if (!held.containsKey(name)) {
          acquire(name);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not renew the leases; they lapse at their last expiry unless the next try works", e);
    }
  }

  /** Whether this instance holds {@code name} now (until its last renewal's expiry). */
  public boolean holds(String name) {
    Instant until = held.get(name);
    return until != null && until.isAfter(clock.instant());
  }

  /** What this instance holds now, by name, with each lease's expiry. */
  public Map<String, Instant> held() {
    Instant now = clock.instant();
    Map<String, Instant> live = new TreeMap<>();
    held.forEach((name, until) -> {
      if (until.isAfter(now)) {
        live.put(name, until);
      }
    });
    return live;
  }

  /** Every live lease of every instance, for {@code /healthz}. */
  public List<Lease> everyone() {
    Instant now = clock.instant();
    return transactor.inTransaction(stores -> stores.leases().live(now));
  }

  /** How many instances hold their presence lease in {@code everyone} (at least this one). */
  public static int liveInstances(List<Lease> everyone) {
    return (int) Math.max(1, everyone.stream().filter(l -> l.name().startsWith(PRESENCE_PREFIX)).count());
  }

  /**
   * Gives up every lease (a clean stop), so another instance takes the work at once; but for the
   * leases of actions still running here, which their work gives up when it ends (or which lapse),
   * lest another instance settle a close half-way while its market order is on its way.
   */
  public void releaseAll() {
    for (String name : Set.copyOf(held.keySet())) {
      if (name.startsWith(ACTION_PREFIX)) {
        continue;
      }
      try {
        transactor.inTransaction(stores -> stores.leases().release(name, instanceId));
      } catch (RuntimeException e) {
        LOG.warn("Could not give up the lease {}; it lapses in {}", name, TTL, e);
      }
      held.remove(name);
    }
  }

  public long takenCount() {
    return taken.get();
  }

  public long takenOverCount() {
    return takenOver.get();
  }

  public long lostCount() {
    return lost.get();
  }
}
