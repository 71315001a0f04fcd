package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Stores;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trader is owed the outcome of every confirmed close, reduction and panic, from the Confirm's claim to
 * the transaction that tells it: what a crash cuts short stays owed and is settled after the restart
 * ({@link ActionSettlement}). Also knows which actions run now, which the settlement leaves alone:
 * in this process, and, with several instances on one database, in any of them, each holding the
 * lease {@code action:ID} while it runs the action (renewed with its other leases, so it lapses
 * {@link InstanceLeases#TTL} after a crash). Thread-safe.
 */
final class OwedActions {
  private static final Logger LOG = LoggerFactory.getLogger(OwedActions.class);

  private final Clock clock;
  private final Optional<InstanceLeases> leases;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();

  /** @param leases this instance's leases, when instances share the database; empty for one process alone */
  OwedActions(Clock clock, Optional<InstanceLeases> leases) {
    this.clock = clock;
    this.leases = leases;
  }

  /** In the claim's transaction: a close, a reduction or a panic is owed from now on (other actions are told otherwise). */
  void recordClaim(Stores stores, PendingConfirmation confirmation) {
    switch (PendingActionCodec.decode(confirmation.payload())) {
      case PendingAction.CloseList close -> stores.owedActions().owe(confirmation.id(), clock.instant());
      case PendingAction.CloseHeld held -> stores.owedActions().owe(confirmation.id(), clock.instant());
      case PendingAction.ReduceList reduce -> stores.owedActions().owe(confirmation.id(), clock.instant());
      case PendingAction.Panic panic -> stores.owedActions().owe(confirmation.id(), clock.instant());
      case PendingAction.PanicAll panic -> stores.owedActions().owe(confirmation.id(), clock.instant());
      default -> {}
    }
  }

  /**
   * The result of {@code confirmation}'s action: told through the outbox, and no longer owed, in one
   * transaction; its change is made only while it was still owed, so a settlement that finds it told
   * meanwhile tells nothing ({@link PlacementResults#settle}).
   */
  static PlacementResults.Result told(PendingConfirmation confirmation, String text) {
    return new PlacementResults.Result("action:" + confirmation.id(), stores -> stores.owedActions().paid(confirmation.id()), text)
        .audited(AuditAction.TRADE_ACTION_SETTLED, "confirmation:" + confirmation.id() + " " + text);
  }

  /**
   * Runs {@code work} (an action and the telling of its result) marked as running here, and holding
   * its lease among instances, so no settlement elsewhere reads the exchange half-way through it.
   */
  <T> T running(UUID confirmationId, Supplier<T> work) {
    running.add(confirmationId);
    boolean leased = take(confirmationId);
    try {
      return work.get();
    } finally {
      if (leased) {
        give(confirmationId);
      }
      running.remove(confirmationId);
    }
  }

  /**
   * Runs the settlement {@code work} of an action no process runs now (answers empty if one does):
   * it holds the action's lease meanwhile, so two instances never settle one action at once.
   */
  <T> Optional<T> settling(UUID confirmationId, Supplier<T> work) {
    if (running.contains(confirmationId)) {
      return Optional.empty();
    }
    if (leases.isPresent() && !leases.get().acquire(lease(confirmationId)).held()) {
      LOG.info("the action of confirmation {} runs on another instance; not settled here", confirmationId);
      return Optional.empty();
    }
    try {
      return Optional.of(work.get());
    } finally {
      give(confirmationId);
    }
  }

  private boolean take(UUID confirmationId) {
    if (leases.isEmpty()) {
      return false;
    }
    try {
      if (!leases.get().acquire(lease(confirmationId)).held()) {
        // only a settlement takes another's action lease, two minutes after its claim: a clock far out of step
        LOG.warn("the action of confirmation {} is being settled by another instance while it runs here", confirmationId);
        return false;
      }
      return true;
    } catch (RuntimeException e) {
      // the action goes on: its Confirm was claimed and it is owed; a settlement waits two minutes anyway
      LOG.warn("could not take the lease of the action of confirmation {}: {}", confirmationId, e.toString());
      return false;
    }
  }

  private void give(UUID confirmationId) {
    leases.ifPresent(l -> {
      try {
        l.release(lease(confirmationId));
      } catch (RuntimeException e) {
        LOG.warn("could not give up the lease of the action of confirmation {}; it lapses in {}: {}",
            confirmationId, InstanceLeases.TTL, e.toString());
      }
    });
  }

  private static String lease(UUID confirmationId) {
    return InstanceLeases.ACTION_PREFIX + confirmationId;
  }
}
