package dev.orderlistbot.core.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a line was refused, for the trader: {@code message} names what is wrong (quoting the
 * offending token, unless it may be secret), and {@code example} is a correct line of the same
 * command. Example: message {@code "'0,01' uses a decimal comma: write 0.01"}, example {@code
 * "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900"}.
 */
public record ParseError(String message, Optional<String> token, Optional<String> example) {
  public ParseError {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(example, "example");
    if (message.isBlank()) {
      throw new IllegalArgumentException("a parse error needs a message");
    }
  }
}
