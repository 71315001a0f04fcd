package dev.orderlistbot.core.engine;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmed work running now (a placement, a stop move, a close, a reduction, a panic), by its
 * confirmation: in this process, and, with several instances on one database, in any of them, each
 * holding the lease {@code action:CONFIRMATION} while it runs (renewed with its other leases, so it
 * lapses {@link InstanceLeases#TTL} after a crash). The settlements leave running work alone: read
 * from the exchange half-way, a placement about to be sent looks never placed, and a close about to
 * sell looks like a position held with no order. Marks nest (a stop move places inside its own run).
 * Thread-safe.
 */
final class RunningWork {
  private static final Logger LOG = LoggerFactory.getLogger(RunningWork.class);

  private final Optional<InstanceLeases> leases;
  private final Map<UUID, Integer> here = new ConcurrentHashMap<>();

  /** @param leases this instance's leases, when instances share the database; empty for one process alone */
  RunningWork(Optional<InstanceLeases> leases) {
    this.leases = leases;
  }

  /** Runs {@code work} marked as running here, holding its lease among instances from the outermost mark. */
  <T> T running(UUID confirmationId, Supplier<T> work) {
    boolean outermost = here.merge(confirmationId, 1, Integer::sum) == 1;
    if (outermost) {
      take(confirmationId);
    }
    try {
      return work.get();
    } finally {
      // given up even when the take failed: a later check (stillLeased) may have taken it back, and a
      // release gives up only what this instance holds
      if (outermost) {
        give(confirmationId);
      }
      here.computeIfPresent(confirmationId, (id, marks) -> marks == 1 ? null : marks - 1);
    }
  }

  /**
   * Whether this instance holds (or takes back, if nobody took it meanwhile) the lease of the work of
   * {@code confirmationId}: false when another instance settles it now, or the database cannot say.
   */
  boolean stillLeased(UUID confirmationId) {
    if (leases.isEmpty()) {
      return true;
    }
    try {
      return leases.get().acquire(lease(confirmationId)).held();
    } catch (RuntimeException e) {
      LOG.warn("could not check the lease of the work of confirmation {}: {}", confirmationId, e.toString());
      return false;
    }
  }

  /** Whether this process runs the work of {@code confirmationId} now. */
  boolean runsHere(UUID confirmationId) {
    return here.containsKey(confirmationId);
  }

  /**
   * Runs the settlement {@code work} of a confirmation no process runs now (answers empty if one
   * does): it holds the lease meanwhile, so two instances never settle one confirmation at once.
   */
  <T> Optional<T> settling(UUID confirmationId, Supplier<T> work) {
    if (runsHere(confirmationId)) {
      return Optional.empty();
    }
    if (leases.isPresent() && !acquireToSettle(leases.get(), confirmationId)) {
      LOG.info("the work of confirmation {} runs on another instance; not settled here", confirmationId);
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      give(confirmationId);
    }
  }

  /** Takes the lease to settle; a take that failed may have been stored all the same: given up then, never renewed for ever. */
  private boolean acquireToSettle(InstanceLeases leases, UUID confirmationId) {
    try {
      return leases.acquire(lease(confirmationId)).held();
    } catch (RuntimeException e) {
      give(confirmationId);
      throw e;
    }
  }

  private void take(UUID confirmationId) {
    if (leases.isEmpty()) {
      return;
    }
    try {
      if (!leases.get().acquire(lease(confirmationId)).held()) {
        // only a settlement takes another's lease, two minutes after the claim: a clock far out of step
        LOG.warn("the work of confirmation {} is being settled by another instance while it runs here", confirmationId);
      }
    } catch (RuntimeException e) {
      // the work goes on: its Confirm was claimed and it is owed; a settlement waits two minutes anyway.
      // The take may have been stored all the same: it is given up when the work ends, never renewed for ever
      LOG.warn("could not take the lease of the work of confirmation {}: {}", confirmationId, e.toString());
    }
  }

  private void give(UUID confirmationId) {
    leases.ifPresent(l -> {
      try {
        l.release(lease(confirmationId));
      } catch (RuntimeException e) {
        LOG.warn("could not give up the lease of the work of confirmation {}; the next renewal gives it up: {}",
            confirmationId, e.toString());
      }
    });
  }

  private static String lease(UUID confirmationId) {
    return InstanceLeases.ACTION_PREFIX + confirmationId;
  }
}
