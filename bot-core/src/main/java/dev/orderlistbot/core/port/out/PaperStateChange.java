package dev.orderlistbot.core.port.out;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one {@link PaperStateStore#save} writes: the new text of the rest if it changed, the new text
 * of each account that changed or is new, and the keys of the accounts that are gone. What it does
 * not name stays as saved before, so a save after a change to one of a thousand accounts writes one
 * account, not a thousand.
 *
 * @param rest the new text of the rest, or empty if it did not change (required by a store's first
 *     save, which has no rest yet)
 * @param accounts the accounts written, new ones in the order they were opened
 * @param removed the keys of the accounts to forget; none is also in {@code accounts}
 */
public record PaperStateChange(Optional<String> rest, List<PaperState.Section> accounts, Set<String> removed) {

  public PaperStateChange {
    Objects.requireNonNull(rest, "rest");
    accounts = List.copyOf(accounts);
    removed = Set.copyOf(removed);
    Set<String> keys = new HashSet<>();
    for (PaperState.Section section : accounts) {
      if (!keys.add(section.key()) || removed.contains(section.key())) {
        throw new IllegalArgumentException("the account " + section.key() + " is named twice in a paper state change");
      }
    }
  }

  /** A change that writes the whole {@code state}: every account and the rest (as after a load from an older layout). */
  public static PaperStateChange whole(PaperState state) {
    return new PaperStateChange(Optional.of(state.rest()), state.accounts(), Set.of());
  }

  /** Whether this change writes nothing. */
  public boolean isEmpty() {
    return rest.isEmpty() && accounts.isEmpty() && removed.isEmpty();
  }
}
