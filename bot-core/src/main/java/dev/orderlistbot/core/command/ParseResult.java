package dev.orderlistbot.core.command;

import java.util.Objects;

/** What the parser made of a line: a command, or one clear refusal. */
public sealed interface ParseResult {

  record Parsed(Command command) implements ParseResult {
    public Parsed {
      Objects.requireNonNull(command, "command");
    }
  }

  /**
   * A refusal. {@code carriesSecret} is true when the line may hold a secret (any {@code /setkey}
   * line), so the chat adapter deletes it even though it did not parse.
   */
  record Invalid(ParseError error, boolean carriesSecret) implements ParseResult {
    public Invalid {
      Objects.requireNonNull(error, "error");
    }
  }
}
