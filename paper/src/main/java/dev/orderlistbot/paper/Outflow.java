package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateChange;
import dev.orderlistbot.core.port.out.PaperStateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What leaves the paper exchange after a state change: the state, to the {@link PaperStateStore},
 * and the events, to the {@link OrderUpdateHandler} of the user watching each account.
 *
 * <p>Protocol: under the exchange's lock, note whether a book {@link #changed} (changes are numbered
 * in the order they happened) and {@link #enqueue} its events; then, with the lock released, {@link
 * #persist} and {@link #deliver}. Persisting works out what differs from what the store holds (under
 * the exchange's lock again, taken inside the save lock: the only order in which the two are ever
 * held) and saves that, unless a save since the change already held it. So changes that pile up
 * behind a slow save are saved together, once, and a save writes only the accounts that changed
 * (see {@link StateText}). Events are handed
 * over one thread at a time in queue order, so neither the store nor the handler sees anything out
 * of order, and neither is ever called under the exchange's lock. Thread-safe.
 */
final class Outflow {
  private static final Logger log = LoggerFactory.getLogger(Outflow.class);

  record Snapshot(long version, PaperStateChange change) {}

  private record Delivery(UserRef owner, OrderListUpdate update) {}

  private final PaperStateStore store;
  private final OrderUpdateHandler handler;
  private final Map<String, UserRef> watchers = new ConcurrentHashMap<>();
  private final Queue<Delivery> queue = new ConcurrentLinkedQueue<>();
  private final ReentrantLock deliveryLock = new ReentrantLock();
  private final ReentrantLock saveLock = new ReentrantLock();
  private final AtomicBoolean saveFailed = new AtomicBoolean();
  private final StateText text = new StateText(); // under saveLock (and the exchange's lock to read the book)
  private long changeVersion; // under the exchange's lock
  private long savedVersion; // under saveLock

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

  /** Under the exchange's lock: the number of this change if the book changed since the last call (or a save failed). */
  Optional<Long> changed(Book book) {
    boolean changed = book.takeChanged();
    if (!saveFailed.getAndSet(false) && !changed) {
      return Optional.empty();
    }
    return Optional.of(++changeVersion);
  }

  /**
   * Before any change: the store holds {@code state}, from which {@code book} was read. A state of
   * the layout before issue 19 (one text, no account of its own) counts as a change, so that it is
   * rewritten one account a row at once.
   */
  void loaded(PaperState state, Book book) {
    text.loaded(state);
    if (state.accounts().size() != book.accounts.size()) {
      book.markChanged();
    }
  }

  /** Under the exchange's lock and the save lock: what the store must write to hold the book, numbered with the last change it holds. */
  Snapshot encode(Book book) {
    return new Snapshot(changeVersion, text.change(book));
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

  /**
   * Saves the newest state unless a save since change {@code version} already held it; {@code
   * newest} encodes it under the exchange's lock. The caller must not hold that lock. A failure is
   * logged and retried with the next change.
   */
  void persist(Optional<Long> version, Supplier<Snapshot> newest) {
    if (version.isEmpty()) {
      return;
    }
    saveLock.lock();
    try {
      if (version.get() > savedVersion) {
        Snapshot snapshot = newest.get();
        if (!snapshot.change().isEmpty()) {
          store.save(snapshot.change());
          text.saved(snapshot.change());
        }
        savedVersion = snapshot.version();
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
