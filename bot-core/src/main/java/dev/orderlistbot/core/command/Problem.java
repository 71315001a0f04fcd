package dev.orderlistbot.core.command;

import java.util.Objects;
import java.util.Optional;

/**
 * A mistake found while reading part of a line, before the parser adds the command's example:
 * the sentence for the trader and the offending token as shown in that sentence.
 */
record Problem(String message, Optional<String> token) {
  Problem {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(token, "token");
  }

  /** A problem that quotes no token (something is missing, or the token may be secret). */
  static Problem of(String message) {
    return new Problem(message, Optional.empty());
  }

  /** A problem about {@code raw}; the message already quotes it with {@link Quote#quoted}. */
  static Problem about(String raw, String message) {
    return new Problem(message, Optional.of(Quote.shown(raw)));
  }
}
