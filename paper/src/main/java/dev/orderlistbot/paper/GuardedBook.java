package dev.orderlistbot.paper;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The paper exchange's one lock around its {@link Book}: every change runs under it, and what the
 * change emitted is saved and delivered after it is released (the store and the handler are never
 * called under the lock). Thread-safe.
 */
final class GuardedBook {
  private final Book book;
  private final Outflow outflow;
  private final ReentrantLock lock = new ReentrantLock();

  GuardedBook(Book book, Outflow outflow) {
    this.book = book;
    this.outflow = outflow;
  }

  /** Runs a state change under the lock, then saves and delivers its events outside it. */
  <T> T change(Supplier<T> work) {
    T result;
    Optional<Long> version;
    lock.lock();
    try {
      result = work.get();
      version = outflow.changed(book);
      outflow.enqueue(book.drainEvents());
    } finally {
      lock.unlock();
    }
    persist(version);
    outflow.deliver();
    return result;
  }

  <T> T read(Supplier<T> query) {
    lock.lock();
    try {
      return query.get();
    } finally {
      lock.unlock();
    }
  }

  void saveIfChanged() {
    persist(read(() -> outflow.changed(book)));
  }

  /**
   * One step of the price walk: {@code step} moves the prices under the lock; the book is saved when
   * the step emitted events or {@code saveDue}. Answers whether it was saved.
   */
  boolean walk(Runnable step, boolean saveDue) {
    Optional<Long> version = Optional.empty();
    lock.lock();
    try {
      step.run();
      List<Book.Emitted> events = book.drainEvents();
      if (!events.isEmpty() || saveDue) {
        version = outflow.changed(book);
      }
      outflow.enqueue(events);
    } finally {
      lock.unlock();
    }
    boolean saved = version.isPresent();
    persist(version);
    outflow.deliver();
    return saved;
  }

  /** Saves the newest state (see {@link Outflow#persist}); never under the lock, which the save takes after its own. */
  private void persist(Optional<Long> version) {
    if (lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("the paper book is saved only outside its lock");
    }
    outflow.persist(version, () -> read(() -> outflow.encode(book)));
  }
}
