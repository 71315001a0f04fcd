package dev.orderlistbot.core.command;

/**
 * A number as typed inside a token: {@code +2,5%} is prefix {@code +}, number {@code 2,5}, suffix
 * {@code %}. Errors quote the whole token and show the fix in place ({@code write +2.5%}).
 */
record NumberText(String prefix, String number, String suffix) {

  static NumberText of(String token) {
    return new NumberText("", token, "");
  }

  /** The whole token as typed. */
  String token() {
    return prefix + number + suffix;
  }

  /** The token with its number replaced by {@code fixed}. */
  String with(String fixed) {
    return prefix + fixed + suffix;
  }
}
