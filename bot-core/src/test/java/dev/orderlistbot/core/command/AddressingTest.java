package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.PARSER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.ParseResult.NotForUs;
import dev.orderlistbot.core.command.ParseResult.Parsed;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which lines are for this bot at all, and what an unknown command hears back. */
class AddressingTest {
  private static final NotForUs NOT_A_COMMAND = new NotForUs(NotForUs.Reason.NOT_A_COMMAND, false);

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\t", "hello", "oco BTCUSDT sell 0.01", "buy at /oco", "\u200B", "@OrderListBot /oco"})
  void staysSilentOnTextThatIsNotACommand(String text) {
    assertThat(PARSER.parse(text)).isEqualTo(NOT_A_COMMAND);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/keys", "  /keys", "\n/keys\n", "\uFEFF/keys", "/keys@OrderListBot", "/KEYS@orderlistbot", "/keys@"})
  void acceptsCommandsForThisBot(String text) {
    assertThat(PARSER.parse(text)).isEqualTo(new Parsed(new Command.ListKeys()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/keys@OtherBot", "/oco@OtherBot BTCUSDT sell 0,01", "/occo@OtherBot", "/keys@OrderListBot2"})
  void staysSilentOnCommandsForAnotherBot(String text) {
    assertThat(PARSER.parse(text)).isEqualTo(new NotForUs(NotForUs.Reason.OTHER_BOT, false));
  }

  @Test
  void acceptsAnyBotNameWhenItsOwnIsNotConfigured() {
    for (Optional<String> name : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
      assertThat(new CommandParser(name).parse("/keys@AnyBot")).isEqualTo(new Parsed(new Command.ListKeys()));
    }
  }

  @Test
  void acceptsAConfiguredNameWrittenWithTheAtSign() {
    CommandParser parser = new CommandParser(Optional.of("@OrderListBot"));
    assertThat(parser.parse("/keys@orderlistbot")).isEqualTo(new Parsed(new Command.ListKeys()));
    assertThat(parser.parse("/keys@OtherBot")).isInstanceOf(NotForUs.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/occo BTCUSDT, /occo, /oco",
    "/ordres, /ordres, /orders",
    "/balanse usdt, /balanse, /balance",
    "/hlep, /hlep, /help",
    "/OTOOCO, /OTOOCO, /otoco",
    "/canc 12, /canc, /cancel",
    "/occo@OrderListBot, /occo, /oco"
  })
  void suggestsTheClosestCommand(String line, String typed, String suggestion) {
    ParseError error = Lines.anyRefusal(line);
    assertThat(error.message()).isEqualTo("Unknown command " + typed + ". Did you mean " + suggestion + "?");
    assertThat(error.token()).contains(typed);
    assertThat(error.example()).contains(CommandSpec.byWord(suggestion.substring(1)).orElseThrow().example());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/xyzzy", "/o", "/weather today", "/", "/ oco"})
  void pointsToHelpWhenNoCommandIsClose(String line) {
    ParseError error = Lines.anyRefusal(line);
    assertThat(error.message()).contains("/help").doesNotContain("Did you mean");
    assertThat(error.example()).contains("/help");
  }

  @Test
  void shortensAHugeUnknownCommandWord() {
    ParseError error = Lines.anyRefusal("/" + "x".repeat(100_000));
    assertThat(error.message()).hasSizeLessThan(100);
  }

  @Test
  void refusesAnOverlongLineWithoutReadingIt() {
    ParseError error = Lines.refused("/oco BTCUSDT sell 0.01 tp 32000 sl 29000 " + "x ".repeat(10_000));
    assertThat(error.message()).contains("too long");
  }
}
