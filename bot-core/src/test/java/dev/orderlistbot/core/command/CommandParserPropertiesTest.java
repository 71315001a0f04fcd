package dev.orderlistbot.core.command;

import static dev.orderlistbot.core.command.Lines.PARSER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.orderlistbot.core.command.ParseResult.Invalid;
import dev.orderlistbot.core.command.ParseResult.NotForUs;
import dev.orderlistbot.core.command.ParseResult.Parsed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;
import org.quicktheories.impl.Constraint;

/**
 * Properties over a great many random and mutated lines: the parser never throws, every refusal
 * has a message and a valid example, and no refusal of a {@code /setkey} line repeats its secret.
 */
class CommandParserPropertiesTest {
  /** QuickTheories skips a few repeated examples; asking for more guarantees 100,000 lines. */
  private static final int EXAMPLES = 110_000;

  private static final int AT_LEAST = 100_000;
  private static final int SECRET_EXAMPLES = 30_000;
  private static final String SECRET_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

  @Test
  void answersEveryRandomOrMutatedLineWithoutThrowing() {
    Gen<String> lines =
        Generate.frequency(
            Pair.of(4, Mutations.mutated(Mutations.VALID)), Pair.of(1, Mutations.random()));
    AtomicInteger checked = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(lines)
        .checkAssert(
            line -> {
              keepsItsPromises(line);
              checked.incrementAndGet();
            });
    assertThat(checked.get()).isGreaterThanOrEqualTo(AT_LEAST);
  }

  @Test
  void neverRepeatsASetkeySecretHoweverTheLineIsMangled() {
    Gen<String[]> keyAndSecret =
        in -> new String[] {token(in, 64, SECRET_ALPHABET.substring(0, 62)), secret(in)};
    Gen<String[]> cases =
        keyAndSecret.flatMap(
            pair ->
                Mutations.mutated(List.of(pair[0] + " " + pair[1]))
                    .map(tail -> new String[] {"/setkey " + tail, pair[0], pair[1]}));
    qt().withExamples(SECRET_EXAMPLES)
        .forAll(cases)
        .checkAssert(
            c -> {
              ParseResult result = keepsItsPromises(c[0]);
              assertThat(result.carriesSecret()).as(c[0]).isTrue();
              if (result instanceof Invalid(ParseError error, boolean secret)) {
                assertThat(error.token()).isEmpty();
                String said = error.message() + error.example().orElse("");
                for (int i = 0; i + 6 <= c[2].length(); i++) {
                  assertThat(said).doesNotContain(c[2].substring(i, i + 6));
                }
                for (int i = 0; i + 8 <= c[1].length(); i++) {
                  assertThat(said).doesNotContain(c[1].substring(i, i + 8));
                }
              }
            });
  }

  @Test
  void readsAnyPlainDecimalQuantityExactly() {
    Gen<String> decimals =
        in -> {
          String whole = token(in, 1 + Mutations.pick(in, 12), "0123456789");
          String fraction = token(in, Mutations.pick(in, 12), "0123456789");
          return whole + "." + fraction;
        };
    qt().withExamples(10_000)
        .forAll(decimals.assuming(d -> new BigDecimal(d).signum() > 0))
        .checkAssert(
            d -> {
              var list = (PlaceOrderList) Lines.parsed("/oco BTCUSDT sell " + d + " tp 32000 sl 29000");
              assertThat(list.quantity()).isEqualTo(new QuantitySpec.BaseAmount(new BigDecimal(d)));
            });
  }

  private static ParseResult keepsItsPromises(String line) {
    ParseResult result = PARSER.parse(line);
    boolean command = startsWithSlash(line);
    switch (result) {
      case Parsed parsed -> assertThat(command).as(line).isTrue();
      case NotForUs notForUs ->
          assertThat(notForUs.reason() == NotForUs.Reason.OTHER_BOT ? command : !command)
              .as(line)
              .isTrue();
      case Invalid(ParseError error, boolean secret) -> {
        assertThat(command).as(line).isTrue();
        assertThat(error.message()).as(line).isNotBlank().hasSizeLessThan(400);
        Optional<String> example = error.example();
        assertThat(example).as(line).isPresent();
        assertThat(PARSER.parse(example.get())).as(example.get()).isInstanceOf(Parsed.class);
        error.token().ifPresent(token -> assertThat(error.message()).as(line).contains(token));
      }
    }
    return result;
  }

  /** Whether the first visible character is a slash (white space and format characters skipped). */
  private static boolean startsWithSlash(String line) {
    return line.codePoints()
        .dropWhile(
            cp ->
                Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || Character.getType(cp) == Character.FORMAT)
        .findFirst()
        .orElse(' ')
        == '/';
  }

  private static String secret(RandomnessSource in) {
    String body = token(in, 20 + Mutations.pick(in, 60), SECRET_ALPHABET);
    return Mutations.pick(in, 2) == 0
        ? body
        : "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----";
  }

  private static String token(RandomnessSource in, int length, String alphabet) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt((int) in.next(Constraint.between(0, alphabet.length() - 1))));
    }
    return out.toString();
  }
}
