package dev.orderlistbot.core.port.out;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The paper exchange's saved state as {@link PaperStateStore#load} answers it: the text of the rest
 * (id sequences, prices, candles: everything that belongs to no account) and one text per account,
 * in the order the accounts were first saved. Only the paper exchange reads the texts.
 *
 * <p>A store upgraded from the layout before issue 19 (the whole state as one text) answers that
 * text as {@code rest} with no accounts, until the paper exchange's first save replaces it.
 *
 * @param rest the text of everything that belongs to no account
 * @param accounts one section per account, each key once, oldest first
 */
public record PaperState(String rest, List<Section> accounts) {

  /** One account's text, under the account's key. */
  public record Section(String key, String text) {
    public Section {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(text, "text");
    }
  }

  public PaperState {
    Objects.requireNonNull(rest, "rest");
    accounts = List.copyOf(accounts);
    Set<String> keys = new HashSet<>();
    for (Section section : accounts) {
      if (!keys.add(section.key())) {
        throw new IllegalArgumentException("the account " + section.key() + " is twice in a paper state");
      }
    }
  }
}
