package dev.orderlistbot.core.port.out;

import java.util.List;
import java.util.Optional;

/**
 * Take-profit ladders placed with {@code be} ({@link BreakevenPlan}), kept until their stops moved.
 *
 * <p>Contract: a plan is recorded once (recording the same plan id again changes nothing); a list
 * belongs to at most one plan; {@link #markDone} succeeds once. Thread-safe. Failure modes: {@link
 * StorageException}.
 */
public interface BreakevenPlanStore {
  /** Records a waiting plan; answers false when a plan with its id was already recorded. */
  boolean record(BreakevenPlan plan);

  /** The plan the list (by its client list id) belongs to, done or not. */
  Optional<BreakevenPlan> findByList(String listClientOrderId);

  /** Marks the plan done; answers true only for the call that moved it from waiting to done. */
  boolean markDone(String planId);

  /** Every plan still waiting for its first target, oldest first (to resume after a restart). */
  List<BreakevenPlan> listWaiting();
}
