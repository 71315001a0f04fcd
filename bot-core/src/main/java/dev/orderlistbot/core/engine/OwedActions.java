package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Stores;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The trader is owed the outcome of every confirmed close, reduction and panic, from the Confirm's claim to
 * the transaction that tells it: what a crash cuts short stays owed and is settled after the restart
 * ({@link ActionSettlement}). Also knows which actions this process is running now, which the
 * settlement leaves alone. Thread-safe.
 */
final class OwedActions {
  private final Clock clock;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();

  OwedActions(Clock clock) {
    this.clock = clock;
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

  /** The result of {@code confirmation}'s action: told through the outbox, and no longer owed, in one transaction. */
  static PlacementResults.Result told(PendingConfirmation confirmation, String text) {
    return new PlacementResults.Result(
        "action:" + confirmation.id(),
        stores -> {
          stores.owedActions().paid(confirmation.id());
          return true;
        },
        text)
        .audited(AuditAction.TRADE_ACTION_SETTLED, "confirmation:" + confirmation.id() + " " + text);
  }

  /** Runs {@code work} (an action and the telling of its result) marked as running in this process. */
  <T> T running(UUID confirmationId, Supplier<T> work) {
    running.add(confirmationId);
    try {
      return work.get();
    } finally {
      running.remove(confirmationId);
    }
  }

  boolean isRunning(UUID confirmationId) {
    return running.contains(confirmationId);
  }
}
