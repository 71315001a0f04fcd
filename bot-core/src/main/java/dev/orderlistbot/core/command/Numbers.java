package dev.orderlistbot.core.command;

import java.math.BigDecimal;

/**
 * Reads the only accepted number form: plain decimals with digits 0-9 and at most one point
 * ({@code 0.01}, {@code .5}, {@code 5.}, {@code 32000}), at most {@value #MAX_DIGITS} digits, no
 * sign, no exponent, no separators. Anything else is refused with a hint from {@link NumberHints}.
 * The value is exact: a {@link BigDecimal} built from the text, never from a double.
 */
final class Numbers {
  static final int MAX_DIGITS = 30;

  private Numbers() {}

  /** A plain decimal that is greater than zero. */
  static Read<BigDecimal> positive(NumberText text, Noun noun) {
    Read<BigDecimal> value = plain(text, noun);
    if (!value.failed() && value.value().signum() == 0) {
      return Read.fail(ParseMessages.zero(text.token(), noun));
    }
    return value;
  }

  static Read<BigDecimal> positive(String token, Noun noun) {
    return positive(NumberText.of(token), noun);
  }

  /** A plain decimal, zero allowed. */
  static Read<BigDecimal> plain(NumberText text, Noun noun) {
    String number = text.number();
    if (!isPlain(number)) {
      return Read.fail(NumberHints.explain(text, noun));
    }
    if (digits(number) > MAX_DIGITS) {
      return Read.fail(ParseMessages.tooManyDigits(text.token(), noun));
    }
    return Read.ok(new BigDecimal(number));
  }

  /** Digits 0-9 with at most one point, and at least one digit. */
  static boolean isPlain(String number) {
    int points = 0;
    for (int i = 0; i < number.length(); i++) {
      char c = number.charAt(i);
      if (c == '.') {
        points++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return points <= 1 && digits(number) > 0;
  }

  /** Whether the token starts like a number: a digit, or a point and a digit. */
  static boolean looksNumeric(String token) {
    if (token.isEmpty()) {
      return false;
    }
    boolean point = token.charAt(0) == '.' && token.length() > 1;
    return Character.isDigit(token.codePointAt(point ? 1 : 0));
  }

  private static int digits(String number) {
    return number.length() - (number.indexOf('.') >= 0 ? 1 : 0);
  }
}
