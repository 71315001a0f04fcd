package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes order events off the source's own sequence (the user data stream's one serial thread) and
 * routes them on several lanes, so the transactions of different accounts run side by side and a
 * burst of events is committed in batches rather than one transaction each.
 *
 * <p><b>Order.</b> Each owner's events always go to the same lane (by the owner's hash), and a lane
 * routes its events one batch at a time, in the order they arrived: an owner's events are routed in
 * the order the source delivered them, as before; only different owners' events may overtake each
 * other.
 *
 * <p><b>Batches.</b> A lane hands what has queued up, at most {@link Settings#maxBatch()} events,
 * to {@link NotificationRouter#routeAll} in one transaction: each event is still marked processed
 * in the transaction that records its effects, so a crash repeats or loses none of what was
 * committed, and what was still queued is what the source would have lost in flight (the REST
 * catch-up after the reconnect re-learns it, as for any event in flight).
 *
 * <p><b>Back-pressure.</b> At most {@link Settings#capacity()} events wait in all lanes; past that
 * {@link #onUpdate} waits for room, so the source slows down rather than the heap growing without
 * bound.
 *
 * <p>Thread-safe. The lanes run on the injected executor (one task per busy lane at a time).
 */
public final class RoutingLanes implements OrderUpdateHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RoutingLanes.class);

  /** Routes a batch of events in order; never throws (see {@link NotificationRouter#routeAll}). */
  @FunctionalInterface
  public interface BatchRouter {
    void routeAll(List<OwnerUpdate> batch);
  }

  /**
   * How the lanes are sized.
   *
   * @param lanes how many lanes route side by side
   * @param maxBatch the most events one transaction routes
   * @param capacity the most events waiting in all lanes before the source waits
   */
  public record Settings(int lanes, int maxBatch, int capacity) {
    public Settings {
      if (lanes < 1 || maxBatch < 1 || capacity < 1) {
        throw new IllegalArgumentException("lanes, batch and capacity must be at least 1");
      }
    }

    /** Four lanes, batches of up to 64, 20,000 events waiting at most (a few MB). */
    public static Settings defaults() {
      return new Settings(4, 64, 20_000);
    }
  }

  private final BatchRouter router;
  private final Executor executor;
  private final int maxBatch;
  private final int capacity;
  private final Lane[] lanes;
  private final Semaphore room;
  private final AtomicBoolean behindLogged = new AtomicBoolean();

  public RoutingLanes(BatchRouter router, Executor executor, Settings settings) {
    this.router = Objects.requireNonNull(router, "router");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.maxBatch = settings.maxBatch();
    this.capacity = settings.capacity();
    this.room = new Semaphore(settings.capacity());
    this.lanes = new Lane[settings.lanes()];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane();
    }
  }

  @Override
  public void onUpdate(UserRef owner, OrderListUpdate update) {
    OwnerUpdate event = new OwnerUpdate(owner, update);
    if (room.tryAcquire()) {
      if (room.availablePermits() > capacity / 2 && behindLogged.compareAndSet(true, false)) {
        LOG.info("the routing lanes caught up");
      }
    } else {
      if (behindLogged.compareAndSet(false, true)) {
        LOG.warn("order events arrive faster than they are routed; the stream waits for the lanes");
      }
      room.acquireUninterruptibly();
    }
    lanes[Math.floorMod(owner.hashCode(), lanes.length)].add(event);
  }

  /** How many events wait in the lanes, not yet routed. */
  public int waiting() {
    return capacity - room.availablePermits();
  }

  /** One lane: its events in arrival order, routed by at most one task at a time. */
  private final class Lane {
    private final Queue<OwnerUpdate> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    void add(OwnerUpdate event) {
      queue.add(event);
      schedule();
    }

    private void schedule() {
      if (running.compareAndSet(false, true)) {
        try {
          executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
          running.set(false);
          int dropped = 0;
          while (queue.poll() != null) {
            dropped++;
          }
          room.release(dropped);
          LOG.info("the routing lanes are shut down; {} order event(s) left to the catch-up", dropped);
        }
      }
    }

    private void drain() {
      try {
        List<OwnerUpdate> batch = new ArrayList<>(maxBatch);
        while (true) {
          OwnerUpdate next;
          while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
          }
          if (batch.isEmpty()) {
            return;
          }
          try {
            router.routeAll(List.copyOf(batch));
          } catch (RuntimeException e) {
            LOG.error("routing {} order event(s) failed", batch.size(), e);
          } finally {
            room.release(batch.size());
            batch.clear();
          }
        }
      } finally {
        running.set(false);
        if (!queue.isEmpty()) {
          schedule();
        }
      }
    }
  }
}
