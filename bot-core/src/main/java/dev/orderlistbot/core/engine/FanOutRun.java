package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.OutboxEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One drain's sends, chats side by side ({@link ChatFanOut#sideBySide}): the drain {@link #add}s
 * each batch it claims, and may claim the next one as soon as every chat of its batches has a
 * sender and a sender is free ({@link #awaitRoomForMore}), while the slowest chats are still
 * sending (an order card's chart drawn and uploaded). Waiting for the whole batch instead left the
 * platform's pace unused at every batch's end.
 *
 * <p>A chat has one sender at a time: a message of a chat that is still sending, from an earlier
 * batch, joins that chat's line behind the messages before it, so a chat's messages go in claim
 * order whichever batch brought them. A sender that throws (the database is down) ends its chat
 * for this run: the chat's later messages are not sent here (they stay claimed until their lease
 * ends, then go in order), and the drain claims no more. {@link #finish} waits for every sender and
 * throws the first failure. Thread-safe.
 */
final class FanOutRun {
  private final Executor executor;
  private final int chatsAtOnce;
  private final Predicate<OutboxEntry> deliver;
  /** Each chat's messages not yet started, for the chats that have a sender or wait for one. */
  private final Map<ChatRef, ArrayDeque<OutboxEntry>> lines = new HashMap<>();
  /** The chats whose messages wait for a sender, in the order they came. */
  private final ArrayDeque<ChatRef> waiting = new ArrayDeque<>();
  private final Set<ChatRef> sending = new HashSet<>();
  /** The chats whose sender failed: their later messages are not sent in this run. */
  private final Set<ChatRef> failed = new HashSet<>();
  private int delivered;
  private Throwable failure;

  FanOutRun(Executor executor, int chatsAtOnce, Predicate<OutboxEntry> deliver) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.chatsAtOnce = chatsAtOnce;
    this.deliver = Objects.requireNonNull(deliver, "deliver");
  }

  /** Puts a claimed batch in its chats' lines and starts senders for as many chats as allowed. */
  void add(List<OutboxEntry> batch) {
    synchronized (this) {
      for (OutboxEntry entry : batch) {
        ChatRef chat = entry.message().target();
        if (failed.contains(chat)) {
          // behind a message that failed: left claimed, to go in order once the lease ends
          continue;
        }
        ArrayDeque<OutboxEntry> line = lines.get(chat);
        if (line == null) {
          line = new ArrayDeque<>();
          lines.put(chat, line);
          if (!sending.contains(chat)) {
            waiting.addLast(chat);
          }
        }
        line.addLast(entry);
      }
    }
    startSenders();
  }

  /**
   * Waits until every chat added has a sender and one more chat could start: true, time to claim
   * more; false when a sender failed (claim no more).
   */
  synchronized boolean awaitRoomForMore() {
    waitWhile(() -> failure == null && (!waiting.isEmpty() || sending.size() >= chatsAtOnce));
    return failure == null;
  }

  /**
   * Waits for every sender, even if the calling thread is interrupted meanwhile, and answers how many
   * messages were delivered; throws the first sender's failure.
   */
  synchronized int finish() {
    awaitSenders();
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return delivered;
  }

  /** Waits for every sender started, even if the calling thread is interrupted meanwhile. */
  synchronized void awaitSenders() {
    waitWhile(() -> !sending.isEmpty());
  }

  /**
   * Waits on this run while {@code waiting} holds, asked again at every change; an interrupt
   * meanwhile does not end the wait, and is kept for the caller.
   */
  private synchronized void waitWhile(BooleanSupplier waiting) {
    boolean interrupted = false;
    while (waiting.getAsBoolean()) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void startSenders() {
    List<ChatRef> starting = new ArrayList<>();
    synchronized (this) {
      while (sending.size() < chatsAtOnce && !waiting.isEmpty()) {
        ChatRef chat = waiting.removeFirst();
        sending.add(chat);
        starting.add(chat);
      }
      if (!starting.isEmpty()) {
        notifyAll(); // a wait for room sees the chats that left the queue
      }
    }
    for (ChatRef chat : starting) {
      try {
        executor.execute(() -> send(chat));
      } catch (RejectedExecutionException e) {
        // shutting down: this thread sends it
        send(chat);
      }
    }
  }

  /** Sends the chat's line until it is empty, then lets another chat start. */
  private void send(ChatRef chat) {
    try {
      OutboxEntry next;
      while ((next = nextOf(chat)) != null) {
        boolean sent = deliver.test(next);
        synchronized (this) {
          delivered += sent ? 1 : 0;
        }
      }
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        if (failure == null) {
          failure = e;
        }
        failed.add(chat);
        lines.remove(chat);
        sending.remove(chat);
        notifyAll();
      }
    }
    startSenders();
  }

  /**
   * The chat's next message; null when its line is done, and then the chat's sender is done too, in
   * the same step, so a message added for the chat afterwards gets a sender of its own.
   */
  private synchronized OutboxEntry nextOf(ChatRef chat) {
    ArrayDeque<OutboxEntry> line = lines.get(chat);
    if (line == null) {
      sending.remove(chat);
      notifyAll();
      return null;
    }
    OutboxEntry next = line.removeFirst();
    if (line.isEmpty()) {
      lines.remove(chat);
    }
    return next;
  }
}
