package dev.orderlistbot.core.port.out;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the paper exchange keeps its whole state between runs (accounts, balances, open and
 * finished order lists, prices, id sequences) as one text snapshot that only the paper exchange
 * writes and reads. Implemented by the db module (one row in table {@code paper_state}) and, for
 * tests and database-less runs, by {@link #inMemory()}.
 *
 * <p><b>Contract.</b> {@link #load} answers exactly the text last given to {@link #save} (every
 * character, line breaks included), or empty if nothing was ever saved. {@link #save} replaces the
 * previous snapshot atomically: a later {@code load}, even after a crash, sees the old text or the
 * new one, never a mix. The store does not interpret the text; snapshots are UTF-8 text of a few
 * kilobytes up to a few megabytes.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe. The paper exchange never saves an older
 * snapshot after a newer one, so the store needs no ordering of its own.
 *
 * <p><b>Failures.</b> {@link StorageException} when the storage cannot be read or written; the paper
 * exchange logs a failed save and saves again on its next change.
 *
 * <p>Example: {@code store.save("orderlist-bot paper-state 1\nids ...\n")}, then after a restart
 * {@code store.load()} answers that same text.
 */
public interface PaperStateStore {

  /** The last saved snapshot, or empty if none was ever saved. */
  Optional<String> load();

  /** Replaces the saved snapshot with {@code snapshot}. */
  void save(String snapshot);

  /**
   * A store that keeps the snapshot in memory only: it survives a new paper exchange built over the
   * same store object, not the end of the process. Thread-safe.
   */
  static PaperStateStore inMemory() {
    AtomicReference<String> saved = new AtomicReference<>();
    return new PaperStateStore() {
      @Override
      public Optional<String> load() {
        return Optional.ofNullable(saved.get());
      }

      @Override
      public void save(String snapshot) {
        saved.set(Objects.requireNonNull(snapshot, "snapshot"));
      }

      @Override
      public String toString() {
        return "PaperStateStore.inMemory";
      }
    };
  }
}
