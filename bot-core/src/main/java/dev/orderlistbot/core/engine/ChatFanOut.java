package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.OutboxEntry;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * How a drain sends the messages it claims: each chat's one after another, in the order they were
 * claimed, and different chats side by side, at most {@code chatsAtOnce} of them at a time, on the
 * executor. The drain returns when every send it started is done, so the next drain never
 * overtakes it. Side by side, an order card's chart is drawn on one core while another chat's
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
   * Claims batches of {@code batchSize} with {@code claim} until one comes back short, sends them
   * with {@code deliver} (true: delivered), and answers how many were delivered once every send has
   * ended. One at a time, each batch is sent in claim order before the next is claimed. Side by side
   * ({@link FanOutRun}), the next batch is claimed as soon as every chat of the last one has its
   * sender and one more could start. A message whose delivery throws (the database is down) ends its
   * chat's run and the claims; the other chats finish, and the first such failure is thrown once all
   * are done.
   */
  int drain(Supplier<List<OutboxEntry>> claim, int batchSize, Predicate<OutboxEntry> deliver) {
    if (chatsAtOnce == 1) {
      int delivered = 0;
      List<OutboxEntry> batch;
      do {
        batch = claim.get();
        delivered += inOrder(batch, deliver);
      } while (batch.size() == batchSize);
      return delivered;
    }
    FanOutRun run = new FanOutRun(executor, chatsAtOnce, deliver);
    try {
      List<OutboxEntry> batch;
      do {
        batch = claim.get();
        run.add(batch);
      } while (batch.size() == batchSize && run.awaitRoomForMore());
    } catch (RuntimeException | Error e) {
      // a claim failed: the sends started end before the drain does, so the next drain cannot overtake them
      run.awaitSenders();
      throw e;
    }
    return run.finish();
  }

  private static int inOrder(List<OutboxEntry> entries, Predicate<OutboxEntry> deliver) {
    int delivered = 0;
    for (OutboxEntry entry : entries) {
      delivered += deliver.test(entry) ? 1 : 0;
    }
    return delivered;
  }

  @Override
  public String toString() {
    return chatsAtOnce == 1 ? "one message at a time" : "up to " + chatsAtOnce + " chats side by side";
  }
}
