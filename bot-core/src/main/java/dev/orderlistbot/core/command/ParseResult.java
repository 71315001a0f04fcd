package dev.orderlistbot.core.command;

import java.util.Objects;

/**
 * What the parser made of a line: a command, one clear refusal, or a line that is not meant for
 * this bot at all. Switch over it exhaustively.
 *
 * <p>{@link #carriesSecret()} is true whenever the line may hold a secret (any {@code /setkey}
 * line, whether it parsed, was refused or was addressed to another bot), so the chat adapter
 * deletes the message in every case.
 */
public sealed interface ParseResult {

  /** Whether the chat message may hold a secret and should be deleted. */
  boolean carriesSecret();

  /** The line is a well-formed command. */
  record Parsed(Command command) implements ParseResult {
    public Parsed {
      Objects.requireNonNull(command, "command");
    }

    @Override
    public boolean carriesSecret() {
      return command.carriesSecret();
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

  /**
   * The line is not for this bot, so the bot stays silent (which matters in groups): ordinary
   * text, or a command addressed to another bot ({@code /oco@OtherBot}).
   */
  record NotForUs(Reason reason, boolean carriesSecret) implements ParseResult {
    public NotForUs {
      Objects.requireNonNull(reason, "reason");
    }

    /** Why the line is not for this bot. */
    public enum Reason {
      /** The text does not start with {@code /}. */
      NOT_A_COMMAND,
      /** The command names another bot after {@code @}. */
      OTHER_BOT
    }
  }
}
