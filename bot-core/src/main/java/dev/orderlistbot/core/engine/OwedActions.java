package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The trader is owed the outcome of every confirmed close, reduction and panic, from the Confirm's claim to
 * the transaction that tells it: what a crash cuts short stays owed and is settled after the restart
 * ({@link ActionSettlement}). Also knows which actions run now ({@link RunningWork}), which the
 * settlement leaves alone. Thread-safe.
 */
final class OwedActions {
  private final Clock clock;
  private final RunningWork running;
  private final Transactor transactor;

  OwedActions(Clock clock, RunningWork running, Transactor transactor) {
    this.clock = clock;
    this.running = running;
    this.transactor = transactor;
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
   * Runs {@code work} (an action and the telling of its result) marked as running, here and among
   * instances ({@link RunningWork}), so no settlement reads the exchange half-way through it.
   */
  <T> T running(UUID confirmationId, Supplier<T> work) {
    return running.running(confirmationId, work);
  }

  /**
   * Whether a running action may still send its market order: it holds its lease (taken back if it
   * lapsed and nobody took it) and its outcome is still owed, so no other instance's settlement read
   * it half-way and answered for it (offering a Retry of its own). False when the database cannot say.
   */
  boolean maySend(UUID confirmationId) {
    if (!running.stillLeased(confirmationId)) {
      return false;
    }
    try {
      return transactor.inTransaction(stores -> stores.owedActions().isOwed(confirmationId));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Runs the settlement {@code work} of an action no process runs now; empty if one does. */
  <T> Optional<T> settling(UUID confirmationId, Supplier<T> work) {
    return running.settling(confirmationId, work);
  }
}
