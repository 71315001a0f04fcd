package dev.orderlistbot.core.command;

import java.util.List;
import java.util.Locale;

/** A cursor over the words after the command word. One instance per parse; not thread-safe. */
final class Args {
  private final List<String> words;
  private int next;

  Args(List<String> words) {
    this.words = List.copyOf(words);
  }

  boolean hasNext() {
    return next < words.size();
  }

  /** The next word without consuming it; only call when {@link #hasNext()}. */
  String peek() {
    return words.get(next);
  }

  String next() {
    return words.get(next++);
  }

  /** Whether the next word is {@code keyword}, ignoring case. */
  boolean nextIs(String keyword) {
    return hasNext() && peek().toLowerCase(Locale.ROOT).equals(keyword);
  }

  /** The words not read yet. */
  List<String> rest() {
    return words.subList(next, words.size());
  }
}
