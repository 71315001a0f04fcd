package dev.orderlistbot.core.command;

import java.util.Optional;

/**
 * "Did you mean /oco?": the known command closest to a mistyped one, by edit distance (with
 * swapped neighbours counting as one edit), or the only command that starts with what was typed.
 * Suggests nothing when no command is reasonably close.
 */
final class Suggestions {
  /** Longer words are not command names; comparing them would only cost time. */
  private static final int MAX_COMPARED = 24;

  private static final int MAX_EDITS = 2;
  private static final int MIN_PREFIX = 3;

  private Suggestions() {}

  /** The command {@code typed} (lower case, no slash) most likely meant. */
  static Optional<CommandSpec> closestCommand(String typed) {
    if (typed.isEmpty() || typed.length() > MAX_COMPARED) {
      return Optional.empty();
    }
    CommandSpec best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (CommandSpec spec : CommandSpec.values()) {
      int distance = distance(typed, spec.word());
      if (distance < bestDistance) {
        best = spec;
        bestDistance = distance;
      }
    }
    if (bestDistance <= MAX_EDITS && bestDistance < typed.length()) {
      return Optional.of(best);
    }
    return onlyCommandStartingWith(typed);
  }

  private static Optional<CommandSpec> onlyCommandStartingWith(String typed) {
    if (typed.length() < MIN_PREFIX) {
      return Optional.empty();
    }
    CommandSpec found = null;
    for (CommandSpec spec : CommandSpec.values()) {
      if (spec.word().startsWith(typed)) {
        if (found != null) {
          return Optional.empty();
        }
        found = spec;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        boolean swapped =
            i > 1
                && j > 1
                && a.charAt(i - 1) == b.charAt(j - 2)
                && a.charAt(i - 2) == b.charAt(j - 1);
        if (swapped) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
