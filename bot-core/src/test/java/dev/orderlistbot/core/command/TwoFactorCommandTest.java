package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.PARSER;
import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refused;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /2fa}: its four forms, and refusals that never quote a PIN or code typed on the line. */
class TwoFactorCommandTest {

  @ParameterizedTest
  @CsvSource({
    "/2fa, STATUS",
    "/2fa pin, PIN",
    "/2FA PIN, PIN",
    "/2fa totp, TOTP",
    "/2fa app, TOTP",
    "/2fa off, OFF",
    "/2fa@OrderListBot off, OFF"
  })
  void readsEveryForm(String line, Command.TwoFactorMode mode) {
    assertThat(parsed(line)).isEqualTo(new Command.TwoFactor(mode));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/2fa pin 480315", "/2fa 480315", "/2fa off 480315", "/2fa totp 123 456"})
  void aCodeOnTheLineIsRefusedUnquotedAndTheLineIsDeleted(String line) {
    ParseError error = refused(line);

    assertThat(error.token()).isEmpty();
    assertThat(error.message()).doesNotContain("480315").doesNotContain("123").contains("/2fa pin");
    assertThat(PARSER.parse(line).carriesSecret()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/2fa sms", "/2fa on"})
  void anUnknownChoiceSaysWhichOnesThereAre(String line) {
    String word = line.substring("/2fa ".length());

    ParseError error = refusedNaming(line, word);

    assertThat(error.message()).contains("/2fa pin, /2fa totp or /2fa off");
    assertThat(error.example()).contains("/2fa totp");
  }
}
