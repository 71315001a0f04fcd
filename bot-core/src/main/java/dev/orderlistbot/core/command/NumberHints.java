package dev.orderlistbot.core.command;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Why a token is not a plain decimal, and the plain form to write instead: a decimal comma
 * ({@code 0,01}), thousands separators ({@code 32,000}, {@code 32'000}, {@code 32_000}), an
 * exponent ({@code 3e4}), a sign, foreign digits or an invisible character.
 *
 * <p>A single comma followed by exactly three digits ({@code 1,000}) is ambiguous, so both
 * readings are offered; nothing is ever guessed silently.
 */
final class NumberHints {
  private static final int MAX_EXAMINED = 64;
  private static final Pattern THOUSANDS =
      Pattern.compile("[1-9]\\d{0,2}(?:([,'_’])\\d{3})(?:\\1\\d{3})*(?:\\.\\d+)?");
  private static final Pattern DOT_THOUSANDS_COMMA_DECIMAL =
      Pattern.compile("[1-9]\\d{0,2}(?:\\.\\d{3})+,\\d+");
  private static final Pattern DOT_THOUSANDS = Pattern.compile("[1-9]\\d{0,2}(?:\\.\\d{3}){2,}");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d*,\\d+|\\d+,");
  private static final Pattern EXPONENT = Pattern.compile("(?:\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");
  private static final int MAX_PLAIN_SHOWN = 32;

  private NumberHints() {}

  static Problem explain(NumberText text, Noun noun) {
    String number = text.number();
    String token = text.token();
    if (number.length() > MAX_EXAMINED) {
      return ParseMessages.tooManyDigits(token, noun);
    }
    Optional<Integer> odd = number.codePoints().filter(Quote::isInvisible).boxed().findFirst();
    if (odd.isPresent()) {
      return ParseMessages.invisibleCharacter(token, odd.get());
    }
    if (number.codePoints().anyMatch(cp -> Character.isDigit(cp) && (cp < '0' || cp > '9'))) {
      return ParseMessages.foreignDigits(token);
    }
    if (!number.isEmpty() && isSign(number.charAt(0)) && Numbers.isPlain(number.substring(1))) {
      return ParseMessages.signed(token, text.with(number.substring(1)), noun);
    }
    if (EXPONENT.matcher(number).matches()) {
      return ParseMessages.exponent(token, plainForm(number).map(text::with));
    }
    return separators(text).orElseGet(() -> ParseMessages.notANumber(token, noun));
  }

  private static Optional<Problem> separators(NumberText text) {
    String number = text.number();
    String token = text.token();
    var thousands = THOUSANDS.matcher(number);
    if (thousands.matches()) {
      String separator = thousands.group(1);
      String joined = text.with(number.replace(separator, ""));
      boolean oneComma = separator.equals(",") && number.indexOf(',') == number.lastIndexOf(',');
      if (oneComma && number.indexOf('.') < 0) {
        String decimal = text.with(number.replace(',', '.'));
        return Optional.of(ParseMessages.ambiguousComma(token, joined, decimal));
      }
      return Optional.of(ParseMessages.thousandsSeparator(token, joined));
    }
    if (DOT_THOUSANDS_COMMA_DECIMAL.matcher(number).matches()) {
      String fixed = number.replace(".", "").replace(',', '.');
      return Optional.of(ParseMessages.thousandsSeparator(token, text.with(fixed)));
    }
    if (DOT_THOUSANDS.matcher(number).matches()) {
      String fixed = text.with(number.replace(".", ""));
      return Optional.of(ParseMessages.thousandsSeparator(token, fixed));
    }
    if (DECIMAL_COMMA.matcher(number).matches()) {
      return Optional.of(ParseMessages.decimalComma(token, text.with(number.replace(',', '.'))));
    }
    return Optional.empty();
  }

  /** Whether {@code number} is written with an exponent, like {@code 3e4}. */
  static boolean isExponent(String number) {
    return number.length() <= MAX_EXAMINED && EXPONENT.matcher(number).matches();
  }

  private static boolean isSign(char c) {
    return c == '+' || c == '-' || c == '−';
  }

  /** The plain form of a small exponent number, if it is short enough to show. */
  private static Optional<String> plainForm(String number) {
    int e = Math.max(number.indexOf('e'), number.indexOf('E'));
    String exponent = number.substring(e + 1).replace("+", "").replace("-", "");
    if (exponent.length() > 2) {
      return Optional.empty();
    }
    String plain = new BigDecimal(number).toPlainString();
    return plain.length() <= MAX_PLAIN_SHOWN ? Optional.of(plain) : Optional.empty();
  }
}
