package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.PARSER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.command.ParseResult.Invalid;
import dev.orderlistbot.core.command.ParseResult.NotForUs;
import dev.orderlistbot.core.command.ParseResult.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /setkey}: the API key and secret arrive intact (case, inner spaces and new lines of a
 * PEM), every {@code /setkey} line is flagged as carrying a secret, and no refusal repeats any of
 * it.
 */
class SetKeyTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String HMAC = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private static final String PEM =
      "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAbcDefGhiJklMNOpqrSTUvwxYZ0123456789+/xy\n-----END PRIVATE KEY-----";

  private static Command.SetKey setKey(String line) {
    ParseResult result = PARSER.parse(line);
    assertThat(result.carriesSecret()).isTrue();
    return (Command.SetKey) ((Parsed) result).command();
  }

  @Test
  void startsTheGuidedSetupWithoutArguments() {
    ParseResult result = PARSER.parse("/setkey");
    assertThat(result).isEqualTo(new Parsed(new Command.StartKeySetup()));
    assertThat(result.carriesSecret()).isTrue();
  }

  @Test
  void pairsAnApiKeyAloneWithTheGeneratedKey() {
    Command.SetKey command = setKey("/setkey " + API_KEY);
    assertThat(command.apiKey()).isEqualTo(API_KEY);
    assertThat(command.secret()).isEmpty();
  }

  @Test
  void keepsTheCaseOfTheApiKeyAndTheSecret() {
    Command.SetKey command = setKey("/SETKEY@orderlistbot " + API_KEY + " " + HMAC);
    assertThat(command.apiKey()).isEqualTo(API_KEY);
    assertThat(command.secret().orElseThrow().reveal()).isEqualTo(HMAC);
  }

  @Test
  void keepsAPastedPemPrivateKeyIntactAcrossLinesAndSpaces() {
    Command.SetKey command = setKey("/setkey\n" + API_KEY + "\n\n" + PEM + "\n \u00A0");
    assertThat(command.secret().orElseThrow().reveal()).isEqualTo(PEM);
    String spaced = "MC4C AQAw  BQYD\tK2Vw";
    assertThat(setKey("/setkey " + API_KEY + "  " + spaced + " ").secret().orElseThrow().reveal()).isEqualTo(spaced);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/setkey short " + HMAC,
        "/setkey -----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAbcDef\n-----END PRIVATE KEY-----",
        "/setkey " + API_KEY + "! " + HMAC,
        "/setky " + API_KEY + " " + HMAC,
        "/set key " + API_KEY + " " + HMAC,
        "/setkeyy " + API_KEY + " " + HMAC,
        "/setkey" + API_KEY + " " + HMAC,
        "/setkey" + API_KEY + HMAC
      })
  void refusesWithoutRepeatingTheKeyOrTheSecret(String line) {
    ParseResult result = PARSER.parse(line);
    assertThat(result).isInstanceOf(Invalid.class);
    assertThat(result.carriesSecret()).isTrue();
    ParseError error = ((Invalid) result).error();
    assertThat(error.token()).isEmpty();
    for (String secret : new String[] {API_KEY, HMAC, "MC4CAQAwBQYD", "short"}) {
      assertThat(error.message() + error.example().orElse("")).doesNotContain(secret.substring(0, 5));
    }
  }

  @Test
  void refusesAnOverlongLineWithoutRepeatingIt() {
    String line = "/setkey " + API_KEY + " " + HMAC.repeat(200);
    ParseResult result = PARSER.parse(line);
    assertThat(result.carriesSecret()).isTrue();
    assertThat(((Invalid) result).error().message()).contains("too long").doesNotContain(HMAC.substring(0, 5));
  }

  @Test
  void flagsASetkeyForAnotherBotAsCarryingASecret() {
    assertThat(PARSER.parse("/setkey@OtherBot " + API_KEY + " " + HMAC))
        .isEqualTo(new NotForUs(NotForUs.Reason.OTHER_BOT, true));
  }

  @Test
  void neverPrintsTheSecretOfAParsedCommand() {
    assertThat(PARSER.parse("/setkey " + API_KEY + " " + HMAC).toString()).doesNotContain(HMAC);
  }
}
