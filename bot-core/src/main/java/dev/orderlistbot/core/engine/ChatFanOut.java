package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.OutboxEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * How a drain sends the messages it claimed in one batch: each chat's one after another, in the
 * order they were claimed, and different chats side by side, at most {@code chatsAtOnce} of them at
 * a time, on the executor. The drain returns when every chat of the batch is done, so the next batch
 * never overtakes it. Side by side, an order card's chart is drawn on one core while another chat's
 * notice waits for its turn at the platform's pace or for its answer: one at a time, a fill's card
 * redraws and its notice went in series, and the drain sent half as many notices as the platform
 * allows.
 *
 * <p>{@link #oneAtATime()} sends the batch in claim order on the drain's own thread: the tests' and
 * the engine simulation's form, where the drain is one step of a seeded schedule. Thread-safe.
 */
public final class ChatFanOut {
  private final Executor executor;
  private final int chatsAtOnce;

  private ChatFanOut(Executor executor, int chatsAtOnce) {
    this.executor = Objects.requireNonNull(executor, "executor");
    if (chatsAtOnce < 1) {
      throw new IllegalArgumentException("at least one chat at a time, not " + chatsAtOnce);
    }
    this.chatsAtOnce = chatsAtOnce;
  }

  /** Every message in claim order on the drain's thread. */
  public static ChatFanOut oneAtATime() {
    return new ChatFanOut(Runnable::run, 1);
  }

  /**
   * Chats side by side on {@code executor} (a thread per task: virtual threads in the app), at most
   * {@code chatsAtOnce} at a time: that bounds the charts drawn at once, and so the memory they take.
   */
  public static ChatFanOut sideBySide(Executor executor, int chatsAtOnce) {
    return new ChatFanOut(executor, chatsAtOnce);
  }

  /**
   * Sends {@code batch} with {@code deliver} (true: delivered) and answers how many were delivered.
   * A message whose delivery throws (the database is down) ends its chat's run; the others finish,
   * and the first such failure is thrown once all are done.
   */
  int deliver(List<OutboxEntry> batch, Predicate<OutboxEntry> deliver) {
    Map<ChatRef, List<OutboxEntry>> byChat = new LinkedHashMap<>();
    for (OutboxEntry entry : batch) {
      byChat.computeIfAbsent(entry.message().target(), chat -> new ArrayList<>()).add(entry);
    }
    if (chatsAtOnce == 1 || byChat.size() <= 1) {
      return inOrder(batch, deliver);
    }
    AtomicInteger delivered = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Semaphore room = new Semaphore(chatsAtOnce);
    CountDownLatch done = new CountDownLatch(byChat.size());
    for (List<OutboxEntry> chat : byChat.values()) {
      room.acquireUninterruptibly();
      Runnable send = () -> {
        try {
          delivered.addAndGet(inOrder(chat, deliver));
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          room.release();
          done.countDown();
        }
      };
      try {
        executor.execute(send);
      } catch (RejectedExecutionException e) {
        // shutting down: the drain's own thread sends it
        send.run();
      }
    }
    awaitUninterruptibly(done);
    Throwable first = failure.get();
    if (first instanceof RuntimeException e) {
      throw e;
    }
    if (first instanceof Error e) {
      throw e;
    }
    return delivered.get();
  }

  private static int inOrder(List<OutboxEntry> entries, Predicate<OutboxEntry> deliver) {
    int delivered = 0;
    for (OutboxEntry entry : entries) {
      delivered += deliver.test(entry) ? 1 : 0;
    }
    return delivered;
  }

  /** The sends started are finished before the drain returns, even if its thread is interrupted. */
  private static void awaitUninterruptibly(CountDownLatch done) {
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return chatsAtOnce == 1 ? "one message at a time" : "up to " + chatsAtOnce + " chats side by side";
  }
}
