package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.PaperStateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What leaves the paper exchange after a state change: the state, to the {@link PaperStateStore},
 * and the events, to the {@link OrderUpdateHandler} of the user watching each account.
 *
 * <p>Protocol: under the exchange's lock, take a {@link #snapshot} of a changed book and {@link
 * #enqueue} its events (so snapshots are numbered and events queued in the order the changes
 * happened); then, with the lock released, {@link #persist} and {@link #deliver}. A snapshot older
 * than one already saved is skipped, and events are handed over one thread at a time in queue order,
 * so neither the store nor the handler sees anything out of order, and neither is ever called under
 * the exchange's lock. Thread-safe.
 */
final class Outflow {
  private static final Logger log = LoggerFactory.getLogger(Outflow.class);

  record Snapshot(long version, String text) {}

  private record Delivery(UserRef owner, OrderListUpdate update) {}

  private final PaperStateStore store;
  private final OrderUpdateHandler handler;
  private final Map<String, UserRef> watchers = new ConcurrentHashMap<>();
  private final Queue<Delivery> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock deliveryLock = new ReentrantLock();
  private final ReentrantLock saveLock = new ReentrantLock();
  private final AtomicBoolean saveFailed = new AtomicBoolean();
  private long snapshotVersion;
  private long savedVersion;

  Outflow(PaperStateStore store, OrderUpdateHandler handler) {
    this.store = store;
    this.handler = handler;
  }

  /** Events of account {@code apiKey} go to {@code user} from now on (and no longer to another key of theirs). */
  void watch(UserRef user, String apiKey) {
    watchers.values().removeIf(user::equals);
    watchers.put(apiKey, user);
  }

  void unwatch(UserRef user) {
    watchers.values().removeIf(user::equals);
  }

  /** Under the exchange's lock: the book as text if it changed since the last snapshot (or a save failed). */
  Optional<Snapshot> snapshot(Book book) {
    boolean changed = book.takeChanged();
    if (!saveFailed.getAndSet(false) && !changed) {
      return Optional.empty();
    }
    return Optional.of(new Snapshot(++snapshotVersion, StateCodec.encode(book)));
  }

  /** Under the exchange's lock: queues the events of watched accounts; the others are dropped. */
  void enqueue(List<Book.Emitted> events) {
    for (Book.Emitted event : events) {
      UserRef owner = watchers.get(event.apiKey());
      if (owner != null) {
        queue.add(new Delivery(owner, event.update()));
      }
    }
  }

  /** Saves a snapshot unless a newer one is saved already; a failure is logged and retried with the next change. */
  void persist(Optional<Snapshot> snapshot) {
    if (snapshot.isEmpty()) {
      return;
    }
    saveLock.lock();
    try {
      if (snapshot.get().version() > savedVersion) {
        store.save(snapshot.get().text());
        savedVersion = snapshot.get().version();
      }
    } catch (RuntimeException e) {
      saveFailed.set(true);
      log.warn("could not save the paper exchange's state; it is saved again with the next change", e);
    } finally {
      saveLock.unlock();
    }
  }

  /**
   * Hands every queued event to the handler, in order. A caller returns only once the events it
   * queued are delivered: by itself, or by the thread that held the delivery lock before it.
   */
  void deliver() {
    deliveryLock.lock();
    try {
      for (Delivery next = queue.poll(); next != null; next = queue.poll()) {
        try {
          handler.onUpdate(next.owner(), next.update());
        } catch (RuntimeException e) {
          log.warn("the order update handler failed on paper event {}", next.update().eventId(), e);
        }
      }
    } finally {
      deliveryLock.unlock();
    }
  }
}
