package dev.orderlistbot.paper;

import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a save must write for the store to hold the book: the texts {@link StateCodec} writes, for
 * the rest and for each account, that differ from what the store holds. Only the accounts the book
 * {@linkplain Book#takeTouched touched} since the last call are encoded again (and written if their
 * text changed), so a save costs the touched accounts, not the book (issue 19: with 1,000 accounts
 * the whole state was about 2 MB, built and written to the database on every change); the accounts
 * the store does not hold yet are found from the newest end of the book. What the
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
  /** Texts encoded for a change the store has not confirmed yet, by account key; new accounts in the book's order. */
  private final Map<String, String> due = new LinkedHashMap<>();
  private String heldRest = "";
  private long accountsEncoded;

  /** Starts from what the store answered at load. */
  void loaded(PaperState state) {
    heldRest = state.rest();
    state.accounts().forEach(section -> held.put(section.key(), section.text()));
  }

  /**
   * What the store must write to hold {@code book}: every account touched since the last call whose
   * text changed, every account the store does not hold yet (in the book's order), any change not
   * confirmed yet, the rest if it changed, and the accounts gone. Costs the touched and the new
   * accounts, not the book.
   */
  PaperStateChange change(Book book) {
    for (String key : book.takeTouched()) {
      Account account = book.accounts.get(key);
      if (account != null && (held.containsKey(key) || due.containsKey(key))) {
        due.put(key, encode(account, held.get(key)));
      }
    }
    for (Account account : unknown(book)) {
      due.put(account.apiKey, encode(account, null));
    }
    List<PaperState.Section> accounts = new ArrayList<>();
    int dueNew = 0;
    for (var it = due.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, String> entry = it.next();
      String before = held.get(entry.getKey());
      if (entry.getValue().equals(before)) {
        it.remove();
        continue;
      }
      if (before == null) {
        dueNew++;
      }
      accounts.add(new PaperState.Section(entry.getKey(), entry.getValue()));
    }
    StringBuilder rest = new StringBuilder(heldRest.length() + 256);
    StateCodec.head(rest, book);
    String restText = rest.toString();
    Set<String> gone = book.accounts.size() == held.size() + dueNew ? Set.of() : gone(book, accounts);
    return new PaperStateChange(restText.equals(heldRest) ? Optional.empty() : Optional.of(restText), accounts, gone);
  }

  /**
   * The accounts neither held nor due, oldest first. The book only ever appends accounts, and every
   * change covers all of them up to the newest, so they are the newest ones: found from the end. (All
   * of them after a load of the layout before issue 19, which holds no account of its own.)
   */
  private List<Account> unknown(Book book) {
    List<Account> unknown = new ArrayList<>();
    for (Account account : book.accounts.sequencedValues().reversed()) {
      if (held.containsKey(account.apiKey) || due.containsKey(account.apiKey)) {
        break;
      }
      unknown.add(account);
    }
    return unknown.reversed();
  }

  private String encode(Account account, String before) {
    StringBuilder one = new StringBuilder(before == null ? 256 : before.length() + 128);
    StateCodec.account(one, account);
    accountsEncoded++;
    return one.toString();
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

  /** The held accounts no longer in the book (a rare case: the book removes none today); drops them from what is due too. */
  private Set<String> gone(Book book, List<PaperState.Section> accounts) {
    Set<String> gone = new HashSet<>(held.keySet());
    gone.removeAll(book.accounts.keySet());
    accounts.removeIf(section -> gone.contains(section.key()));
    due.keySet().removeAll(gone);
    return gone;
  }
}
