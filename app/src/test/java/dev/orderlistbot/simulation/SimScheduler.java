package dev.orderlistbot.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The deterministic scheduler: every piece of work of the simulated world and of the bot is a task
 * here, and one thread runs them, in an order the seed chooses among those due, moving the {@link
 * SimClock} to the next due task when none is due.
 *
 * <p>Concurrency is simulated at the points where real code would block (an exchange or chat call):
 * there {@link #yieldPoint} may run other due tasks nested, as if their threads ran meanwhile. A
 * task has a lane (a thread that runs one thing at a time, such as the catch-up worker, or none):
 * a task never runs nested inside a task of its own lane. Tasks belong to a generation: 0 is the
 * world, which survives everything; each start of the bot has its own, dropped when it crashes.
 */
final class SimScheduler {
  static final int WORLD = 0;
  /** How deep simulated threads may stack at a blocking call. */
  private static final int MAX_DEPTH = 3;

  record Task(Instant due, long seq, String lane, int generation, Runnable work) {}

  private final SimClock clock;
  private final Random random;
  private final List<Task> tasks = new ArrayList<>();
  private final Map<String, Integer> activeLanes = new HashMap<>();
  private long seq;
  private int depth;
  private long executed;

  SimScheduler(SimClock clock, Random random) {
    this.clock = clock;
    this.random = random;
  }

  SimClock clock() {
    return clock;
  }

  Random random() {
    return random;
  }

  /** How many tasks ran, nested or not. */
  long executed() {
    return executed;
  }

  /**
   * Queues {@code work} to run {@code delay} from now.
   *
   * @param lane the simulated thread; blank for work that may run beside anything
   */
  Task at(Duration delay, String lane, int generation, Runnable work) {
    Task task = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), seq++, lane, generation, work);
    tasks.add(task);
    return task;
  }

  boolean cancel(Task task) {
    return tasks.remove(task);
  }

  boolean isQueued(Task task) {
    return tasks.contains(task);
  }

  /** Drops every task of {@code generation} (its process died). */
  void drop(int generation) {
    tasks.removeIf(t -> t.generation() == generation);
  }

  /** Whether any task is queued besides those on {@code periodicLanes} (timers that run for ever). */
  boolean hasWorkBesides(List<String> periodicLanes) {
    return tasks.stream().anyMatch(t -> !periodicLanes.contains(t.lane()));
  }

  /**
   * Runs one task at the top level, moving the clock to it if nothing is due yet; false when nothing
   * is queued or the next task is after {@code until}.
   */
  boolean step(Instant until) {
    Optional<Task> next = pick(true);
    if (next.isEmpty()) {
      Optional<Instant> earliest = tasks.stream().map(Task::due).min(Instant::compareTo);
      if (earliest.isEmpty() || earliest.get().isAfter(until)) {
        return false;
      }
      clock.set(earliest.get());
      next = pick(true);
    }
    run(next.orElseThrow());
    return true;
  }

  /**
   * A blocking call in progress: other simulated threads may run meanwhile. Runs up to a few due
   * tasks nested, with probability {@code chance}.
   */
  void yieldPoint(double chance) {
    if (depth >= MAX_DEPTH || random.nextDouble() >= chance) {
      return;
    }
    int runs = 1 + random.nextInt(3);
    for (int i = 0; i < runs; i++) {
      Optional<Task> next = pick(false);
      if (next.isEmpty()) {
        return;
      }
      run(next.get());
    }
  }

  /** A call that takes {@code duration}: time passes, and other threads may run meanwhile. */
  void sleep(Duration duration, double chance) {
    clock.set(clock.instant().plus(duration));
    yieldPoint(chance);
  }

  private Optional<Task> pick(boolean topLevel) {
    Instant now = clock.instant();
    List<Task> due = new ArrayList<>();
    for (Task task : tasks) {
      if (!task.due().isAfter(now) && (topLevel || !isActive(task.lane()))) {
        due.add(task);
      }
    }
    return due.isEmpty() ? Optional.empty() : Optional.of(due.get(random.nextInt(due.size())));
  }

  private boolean isActive(String lane) {
    return !lane.isBlank() && activeLanes.getOrDefault(lane, 0) > 0;
  }

  private void run(Task task) {
    tasks.remove(task);
    executed++;
    depth++;
    activeLanes.merge(task.lane(), 1, Integer::sum);
    try {
      task.work().run();
    } finally {
      activeLanes.merge(task.lane(), -1, Integer::sum);
      depth--;
    }
  }
}
