package dev.orderlistbot.core.port.out;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the paper exchange keeps its whole state between runs (accounts, balances, open and
 * finished order lists, prices, id sequences): the text of each account and the text of the rest,
 * which only the paper exchange writes and reads. Implemented by the db module (table {@code
 * paper_state} for the rest, one row of {@code paper_account} per account) and, for tests and
 * database-less runs, by {@link #inMemory()}.
 *
 * <p><b>Contract.</b> {@link #load} answers the state the saves so far add up to: the rest last
 * given, every account given and not removed since with its last text (every character, line breaks
 * included), accounts in the order they were first given; or empty if nothing was ever saved. A
 * {@link #save} writes only what its {@link PaperStateChange} names, all of it or nothing: a later
 * {@code load}, even after a crash, sees the state before the save or after it, never a mix. The
 * store does not interpret the texts; an account's text is a few hundred bytes to some kilobytes,
 * the rest up to some tens of kilobytes. (Before issue 19 the state was one text, written whole on
 * every change: about 2 MB with 1,000 accounts. A store holding such a text answers it as the rest
 * with no accounts, see {@link PaperState}.)
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe. The paper exchange never saves an older
 * change after a newer one, so the store needs no ordering of its own.
 *
 * <p><b>Failures.</b> {@link StorageException} when the storage cannot be read or written, with
 * nothing of the failed save kept; the paper exchange logs a failed save and writes what it held
 * again with its next change. {@link IllegalStateException} when a store's first save carries no
 * rest.
 *
 * <p>Example: {@code store.save(new PaperStateChange(Optional.of("orderlist-bot paper-state 1\nids
 * ...\n"), List.of(new Section("paper-telegram-42", "account key=paper-telegram-42\n...")),
 * Set.of()))}, then after a restart {@code store.load()} answers that rest and that one account.
 */
public interface PaperStateStore {

  /** The state the saves so far add up to, or empty if none was ever saved. */
  Optional<PaperState> load();

  /** Writes what {@code change} names, atomically. */
  void save(PaperStateChange change);

  /**
   * A store that keeps the state in memory only: it survives a new paper exchange built over the
   * same store object, not the end of the process. Thread-safe.
   */
  static PaperStateStore inMemory() {
    return new PaperStateStore() {
      private String rest; // guarded by this
      private final Map<String, String> accounts = new LinkedHashMap<>(); // guarded by this

      @Override
      public synchronized Optional<PaperState> load() {
        if (rest == null) {
          return Optional.empty();
        }
        List<PaperState.Section> sections = new ArrayList<>(accounts.size());
        accounts.forEach((key, text) -> sections.add(new PaperState.Section(key, text)));
        return Optional.of(new PaperState(rest, sections));
      }

      @Override
      public synchronized void save(PaperStateChange change) {
        Objects.requireNonNull(change, "change");
        if (rest == null && change.rest().isEmpty()) {
          throw new IllegalStateException("the first save of the paper state must carry its rest");
        }
        change.rest().ifPresent(text -> rest = text);
        change.accounts().forEach(section -> accounts.put(section.key(), section.text()));
        change.removed().forEach(accounts::remove);
      }

      @Override
      public String toString() {
        return "PaperStateStore.inMemory";
      }
    };
  }
}
