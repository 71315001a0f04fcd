package dev.orderlistbot.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.ParseResult.Invalid;
import dev.orderlistbot.core.command.ParseResult.Parsed;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses test lines and checks the promises every refusal keeps: one message, the offending token
 * quoted in it, and an example that is a correct line of the same command.
 */
final class Lines {
  static final String BOT = "OrderListBot";
  static final CommandParser PARSER = new CommandParser(Optional.of(BOT));

  private Lines() {}

  static Command parsed(String line) {
    ParseResult result = PARSER.parse(line);
    assertThat(result).as(line).isInstanceOf(Parsed.class);
    return ((Parsed) result).command();
  }

  /** A refusal of a known command: its example must be a valid line of that same command. */
  static ParseError refused(String line) {
    ParseError error = anyRefusal(line);
    assertThat(error.example()).as("example for %s", line).isPresent();
    String example = error.example().orElseThrow();
    assertThat(PARSER.parse(example)).as("example %s", example).isInstanceOf(Parsed.class);
    assertThat(commandWord(example)).as("example %s for %s", example, line).isEqualTo(commandWord(line));
    return error;
  }

  /** A refusal that names {@code token}, quoted, in its message. */
  static ParseError refusedNaming(String line, String token) {
    ParseError error = refused(line);
    assertThat(error.token()).as(line).contains(token);
    assertThat(error.message()).as(line).contains("'" + token + "'");
    return error;
  }

  /** A refusal that names nothing the trader typed (something is missing). */
  static ParseError refusedMissing(String line) {
    ParseError error = refused(line);
    assertThat(error.token()).as(line).isEmpty();
    assertThat(error.message()).as(line).startsWith("Missing");
    return error;
  }

  static ParseError anyRefusal(String line) {
    ParseResult result = PARSER.parse(line);
    assertThat(result).as(line).isInstanceOf(Invalid.class);
    ParseError error = ((Invalid) result).error();
    assertThat(error.message()).as(line).isNotBlank();
    return error;
  }

  private static String commandWord(String line) {
    String word = line.strip().split("\\s+", -1)[0].toLowerCase(Locale.ROOT);
    int at = word.indexOf('@');
    return at < 0 ? word : word.substring(0, at);
  }
}
