package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.parsed;
import static dev.orderlistbot.core.command.Lines.refusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strict plain decimals, and the hint for every near miss: decimal commas, thousands separators,
 * exponents, signs, foreign digits, invisible characters and absurd lengths.
 */
class NumberFormsTest {

  private static Command paperPrice(String price) {
    return parsed("/paper price BTCUSDT " + price);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"32000, 32000", "32000.5, 32000.5", ".5, 0.5", "5., 5", "007.10, 7.1", "0.00000001, 0.00000001"})
  void readsPlainDecimalsExactly(String typed, String value) {
    assertThat(paperPrice(typed))
        .isEqualTo(new Command.SetPaperPrice(Symbol.of("BTCUSDT"), Price.of(value)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          0,01          | uses a decimal comma: write 0.01
          29000,5       | write 29000.5
          0,100         | write 0.100
          32'000        | has thousands separators: write 32000
          32_000        | write 32000
          32’000        | write 32000
          1,000,000     | write 1000000
          32,000.5      | write 32000.5
          1.000,5       | write 1000.5
          1.000.000     | write 1000000
          3e4           | uses an exponent: write 30000
          1.5E-3        | write 0.0015
          1e999         | write the number in full
          -32000        | has a sign
          .             | is not a price
          1.2.3         | is not a price
          32k           | is not a price
          ١٢٣           | digits other than 0-9
          ３２０００       | digits other than 0-9
          """)
  void refusesNearMissesWithTheAcceptedForm(String typed, String message) {
    assertThat(refusedNaming("/paper price BTCUSDT " + typed, typed).message()).contains(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'32,000', 32000, 32.000", "'1,000', 1000, 1.000"})
  void offersBothReadingsOfASingleCommaBeforeThreeDigits(String typed, String thousands, String decimal) {
    ParseError error = refusedNaming("/paper price BTCUSDT " + typed, typed);
    assertThat(error.message()).contains("write " + thousands).contains(decimal).contains("ambiguous");
  }

  @Test
  void showsAnInvisibleCharacterInsideANumber() {
    ParseError error = Lines.refused("/paper price BTCUSDT 300\u200B00");
    assertThat(error.message()).contains("'300<U+200B>00'").contains("invisible");
    assertThat(Lines.refused("/paper price BTCUSDT 30000\u0007").message()).contains("<U+0007>");
  }

  @Test
  void capsAbsurdLengthsWithAClearMessage() {
    String thirtyOne = "1".repeat(31);
    assertThat(refusedNaming("/paper price BTCUSDT " + thirtyOne, thirtyOne.substring(0, 24) + "…").message())
        .contains("at most 30 digits");
    assertThat(parsed("/paper price BTCUSDT " + "1".repeat(30))).isNotNull();
    String huge = "9".repeat(5000);
    assertThat(Lines.refused("/paper price BTCUSDT " + huge).message()).contains("at most 30 digits").hasSizeLessThan(120);
  }
}
