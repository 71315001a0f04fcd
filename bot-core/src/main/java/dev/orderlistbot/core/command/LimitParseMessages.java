package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.LimitKind;

/**
 * The parse errors of {@code /limits} and {@code /resume}: each says what is wrong and how to write
 * it right (the parser adds the command's example).
 */
final class LimitParseMessages {
  private LimitParseMessages() {}

  private static final String FORMS =
      "write /limits list 500, /limits day 2000, /limits open 3, /limits loss 100, /limits watch BTCUSDT ETHUSDT, "
          + "/limits watch off or /limits reset";

  static Problem unknownLimit(String word) {
    return Problem.about(word, Quote.quoted(word) + " is not a limit: " + FORMS);
  }

  static Problem missingAmount(LimitKind kind) {
    return Problem.of("Missing the figure of your " + kind.title() + ": " + form(kind) + ", or /limits " + kind.word() + " off");
  }

  static Problem notAnAmount(LimitKind kind, String word) {
    return Problem.about(word, Quote.quoted(word) + " is not " + (kind.counts() ? "a number of lists" : "an amount in USDT") + ": "
        + form(kind) + ", or /limits " + kind.word() + " off");
  }

  static Problem notWholeLists(String word) {
    return Problem.about(word, Quote.quoted(word) + " is not a whole number of lists: write /limits open 3");
  }

  static Problem missingWatchList() {
    return Problem.of("Missing the pairs of your watch-list: write /limits watch BTCUSDT ETHUSDT, or /limits watch off");
  }

  static Problem notAWatchedPair(String word) {
    return Problem.about(word, Quote.quoted(word) + " is not a pair: write /limits watch BTCUSDT ETHUSDT (pairs, spaces between)");
  }

  static Problem offAmongPairs() {
    return Problem.of("off turns the watch-list off on its own: write /limits watch off, or only pairs like /limits watch BTCUSDT");
  }

  static Problem missingUser() {
    return Problem.of("Missing whose halt to lift: write /resume PLATFORM:USER, e.g. /resume telegram:123456789");
  }

  static Problem notAUser(String word) {
    return Problem.about(word, Quote.quoted(word) + " is not PLATFORM:USER: write /resume telegram:123456789");
  }

  private static String form(LimitKind kind) {
    return switch (kind) {
      case PER_LIST -> "write /limits list 500 (USDT)";
      case PER_DAY -> "write /limits day 2000 (USDT)";
      case OPEN_LISTS -> "write /limits open 3";
      case DAILY_LOSS -> "write /limits loss 100 (USDT)";
    };
  }
}
