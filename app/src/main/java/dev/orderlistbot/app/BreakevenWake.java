package dev.orderlistbot.app;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the engine's breakeven plans on a worker when woken (after an order event, and on a timer),
 * at most one run waiting at a time however often it is woken: a burst of order events costs one
 * sweep, not one each. Before {@link #start} it does nothing (the router is built before the
 * engine). Thread-safe.
 */
final class BreakevenWake {
  private final Executor workers;
  private final AtomicReference<Runnable> sweep = new AtomicReference<>();
  private final AtomicBoolean waiting = new AtomicBoolean();

  BreakevenWake(Executor workers) {
    this.workers = workers;
  }

  void start(Runnable engineSweep) {
    sweep.set(engineSweep);
  }

  void wake() {
    Runnable run = sweep.get();
    if (run == null || !waiting.compareAndSet(false, true)) {
      return;
    }
    try {
      workers.execute(
          () -> {
            waiting.set(false);
            run.run();
          });
    } catch (RejectedExecutionException e) {
      // shutting down: the plans are stored, and the next start carries them out
      waiting.set(false);
    }
  }
}
