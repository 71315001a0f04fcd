package dev.orderlistbot.paper;

import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a save must write for the store to hold the book: the texts {@link StateCodec} writes, for
 * the rest and for each account, that differ from what the store holds. Only the accounts the book
 * {@linkplain Book#takeTouched touched} since the last call are encoded again (and written if their
 * text changed), so a save costs the touched accounts, not the book (issue 19: with 1,000 accounts
 * the whole state was about 2 MB, built and written to the database on every change). What the
 * saves add up to always equals {@link StateCodec#encode} of the book; {@code StateTextTest} checks
 * it after every kind of change.
 *
 * <p>A change is {@linkplain #saved confirmed} only once the store took it; until then its texts
 * stay due and go with the next change, so a failed save loses nothing.
 *
 * <p>Not thread-safe: {@link #change} runs under the exchange's lock (it reads the book), and it and
 * {@link #saved} under the {@link Outflow}'s save lock, one at a time.
 */
final class StateText {
  /** The texts the store holds, by account key. */
  private final Map<String, String> held = new HashMap<>();
  /** Texts encoded for a change the store has not confirmed yet, by account key. */
  private final Map<String, String> due = new HashMap<>();
  private String heldRest = "";
  private long accountsEncoded;

  /** Starts from what the store answered at load. */
  void loaded(PaperState state) {
    heldRest = state.rest();
    state.accounts().forEach(section -> held.put(section.key(), section.text()));
  }

  /** What the store must write to hold {@code book}: every account touched since the last call whose text changed, any change not yet confirmed, the rest if it changed, and the accounts gone. */
  PaperStateChange change(Book book) {
    Set<String> touched = book.takeTouched();
    List<PaperState.Section> accounts = new ArrayList<>();
    int stillThere = 0;
    for (Account account : book.accounts.values()) {
      String key = account.apiKey;
      String before = held.get(key);
      if (before != null) {
        stillThere++;
      }
      if (touched.contains(key) || (before == null && !due.containsKey(key))) {
        StringBuilder one = new StringBuilder(before == null ? 256 : before.length() + 128);
        StateCodec.account(one, account);
        accountsEncoded++;
        due.put(key, one.toString());
      }
      String text = due.get(key);
      if (text != null && text.equals(before)) {
        due.remove(key);
      } else if (text != null) {
        accounts.add(new PaperState.Section(key, text));
      }
    }
    StringBuilder rest = new StringBuilder(heldRest.length() + 256);
    StateCodec.head(rest, book);
    String restText = rest.toString();
    return new PaperStateChange(
        restText.equals(heldRest) ? Optional.empty() : Optional.of(restText), accounts, gone(book, stillThere));
  }

  /** The store took {@code change}: it holds those texts now. */
  void saved(PaperStateChange change) {
    change.rest().ifPresent(text -> heldRest = text);
    change.accounts().forEach(section -> held.put(section.key(), section.text()));
    change.removed().forEach(held::remove);
    due.clear();
  }

  /** How many account records were encoded so far, over all calls. */
  long accountsEncoded() {
    return accountsEncoded;
  }

  private Set<String> gone(Book book, int stillThere) {
    if (stillThere == held.size()) {
      return Set.of();
    }
    Set<String> gone = new HashSet<>(held.keySet());
    gone.removeAll(book.accounts.keySet());
    due.keySet().removeAll(gone);
    return gone;
  }
}
