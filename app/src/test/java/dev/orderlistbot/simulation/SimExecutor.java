package dev.orderlistbot.simulation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The executor interfaces the engine takes, as a view of the {@link SimScheduler}: work goes into
 * the scheduler under one lane and generation, and runs when the seed says. After {@link #shutdown}
 * (the process died) nothing more is taken.
 */
final class SimExecutor extends AbstractExecutorService implements ScheduledExecutorService {
  private final SimScheduler scheduler;
  private final String lane;
  private final int generation;
  private boolean shutdown;

  /**
   * @param lane the simulated thread behind this executor; blank for one thread per task
   */
  SimExecutor(SimScheduler scheduler, String lane, int generation) {
    this.scheduler = scheduler;
    this.lane = lane;
    this.generation = generation;
  }

  @Override
  public void execute(Runnable command) {
    var unused = submitAfter(Duration.ZERO, command);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return submitAfter(Duration.ofNanos(unit.toNanos(delay)), command);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the engine schedules Runnables only");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
    return scheduleWithFixedDelay(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
    Duration every = Duration.ofNanos(unit.toNanos(delay));
    Periodic periodic = new Periodic(command, every);
    periodic.next = submitAfter(Duration.ofNanos(unit.toNanos(initialDelay)), periodic);
    return periodic;
  }

  private SimFuture submitAfter(Duration delay, Runnable command) {
    if (shutdown) {
      throw new RejectedExecutionException("the simulated process is gone");
    }
    return new SimFuture(scheduler.at(delay, lane, generation, command));
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutdown;
  }

  /** A task the scheduler holds. */
  private class SimFuture implements ScheduledFuture<Object> {
    final SimScheduler.Task task;
    private boolean cancelled;

    SimFuture(SimScheduler.Task task) {
      this.task = task;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(scheduler.clock().instant(), task.due()));
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = scheduler.cancel(task);
      return cancelled;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled || !scheduler.isQueued(task);
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException("nothing in the simulation waits for a result");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("nothing in the simulation waits for a result");
    }
  }

  /** Runs {@code command}, then queues itself again {@code every} later, until cancelled. */
  private final class Periodic implements Runnable, ScheduledFuture<Object> {
    private final Runnable command;
    private final Duration every;
    private SimFuture next;
    private boolean cancelled;

    Periodic(Runnable command, Duration every) {
      this.command = command;
      this.every = every;
    }

    @Override
    public void run() {
      try {
        command.run();
      } finally {
        if (!cancelled && !shutdown) {
          next = submitAfter(every, this);
        }
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return next.getDelay(unit);
    }

    @Override
    public int compareTo(Delayed other) {
      return next.compareTo(other);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      cancelled = true;
      return next.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException("nothing in the simulation waits for a result");
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException("nothing in the simulation waits for a result");
    }
  }
}
