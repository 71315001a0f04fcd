package dev.orderlistbot.telegram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks on an executor (virtual threads) so that tasks of one chat run one after another, in
 * the order they were submitted, while different chats run side by side. A user's guided
 * {@code /setkey} steps or a quick "/oco…" then "Confirm" thus reach core in the order they were
 * sent, and a slow exchange call in one chat never holds up another chat.
 *
 * <p>{@link #submit} never blocks. A task's failure does not stop the lane. Thread-safe.
 */
final class ChatLanes {
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Executor executor;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  ChatLanes(Executor executor) {
    this.executor = executor;
  }

  /** Queues {@code task} behind the tasks already queued for {@code lane}. */
  void submit(String lane, Runnable task) {
    CompletableFuture<Void> next =
        tails.compute(
            lane,
            (key, tail) -> (tail == null ? DONE : tail).exceptionally(e -> null).thenRunAsync(task, executor));
    // outside compute: the cleanup may run at once, and must not re-enter the map's lock
    var unused = next.whenComplete((ignored, failure) -> tails.remove(lane, next));
  }

  /** Waits until every queued task has run, at most {@code limit}; answers whether they all did. */
  boolean drain(Duration limit) {
    CompletableFuture<?>[] pending = tails.values().toArray(CompletableFuture<?>[]::new);
    try {
      CompletableFuture.allOf(pending).get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return true;
    } catch (TimeoutException e) {
      return false;
    }
  }
}
