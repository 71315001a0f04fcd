package dev.orderlistbot.core.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Generators of hostile input for the property tests: valid lines mutated by deleting, inserting,
 * swapping and duplicating characters and words, with Unicode, control characters, commas, signs
 * and huge numbers thrown in; and plain random strings.
 */
final class Mutations {
  static final List<String> VALID =
      List.of(
          "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900",
          "/oco BTCUSDT buy 100usdt sl 31000 tp 28000/28100",
          "/oco ethbtc s $100 tp +5% sl trail 1.5%",
          "/oto BTCUSDT buy 0.01 @ 30000 tp +4%",
          "/oto BTCUSDT sell 25% @maker 30000 sl 31000/31100",
          "/otoco BTCUSDT buy 100 usdt @ -1% tp +4% sl -2%/-2.1%",
          "/opo BTCUSDT buy 0.01 @ 30000 sl trail 2%",
          "/opoco@OrderListBot BTCUSDT b .5 @ maker 30000 tp 32000/31900 sl 29000",
          "/cancel 12345",
          "/cancel all",
          "/orders BTCUSDT",
          "/status 7",
          "/price BTCUSDT",
          "/balance USDT",
          "/alerts redacted",
          "/help oco",
          "/paper price BTCUSDT 30000.5",
          "/keygen",
          "/start");

  /** Characters that trip parsers: separators, signs, invisible and foreign characters. */
  private static final String[] NASTY = {
    ",", ".", "'", "_", "/", "@", "%", "$", "+", "-", "−", " ", "\t", "\n", "\u00A0", "\u200B",
    "\uFEFF", "\u0000", "\u202E", "é", "ß", "١", "３", "😀", "\uD800", "e", "E", "0", "9", "tp", "sl"
  };

  private static final String[] WORDS = {
    "tp", "sl", "@", "maker", "trail", "/", "0", "0.0", "1,000", "32,000", "0,01", "3e4", "-100%", "+5%",
    "5%", "150%", "$", "usdt", "9".repeat(40), "1" + "0".repeat(31), "٣٠٠٠٠", "/setkey", "buy", "sell", "all"
  };

  private Mutations() {}

  /** A valid line from {@code seeds} changed by 1 to 6 random edits. */
  static Gen<String> mutated(List<String> seeds) {
    return in -> {
      String line = seeds.get(pick(in, seeds.size()));
      int edits = 1 + pick(in, 6);
      for (int i = 0; i < edits; i++) {
        line = edit(in, line);
      }
      return line;
    };
  }

  /** Random text of up to 60 code points from the whole Unicode range, sometimes after a slash. */
  static Gen<String> random() {
    return in -> {
      StringBuilder text = new StringBuilder(pick(in, 3) == 0 ? "" : "/");
      int length = pick(in, 60);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint((int) in.next(Constraint.between(0, Character.MAX_CODE_POINT)));
      }
      return text.toString();
    };
  }

  private static String edit(RandomnessSource in, String line) {
    List<String> words = new ArrayList<>(Arrays.asList(line.split(" ")));
    if (words.isEmpty()) {
      words.add("");
    }
    int at = line.isEmpty() ? 0 : pick(in, line.length());
    int word = pick(in, words.size());
    return switch (pick(in, 8)) {
      case 0 -> line.isEmpty() ? line : line.substring(0, at) + line.substring(at + 1);
      case 1 -> line.substring(0, at) + NASTY[pick(in, NASTY.length)] + line.substring(at);
      case 2 -> at + 1 < line.length() ? line.substring(0, at) + line.charAt(at + 1) + line.charAt(at) + line.substring(at + 2) : line;
      case 3 -> {
        words.remove(word);
        yield String.join(" ", words);
      }
      case 4 -> {
        words.add(word, WORDS[pick(in, WORDS.length)]);
        yield String.join(" ", words);
      }
      case 5 -> {
        words.set(word, WORDS[pick(in, WORDS.length)]);
        yield String.join(" ", words);
      }
      case 6 -> {
        int other = pick(in, words.size());
        String moved = words.get(word);
        words.set(word, words.get(other));
        words.set(other, moved);
        yield String.join(" ", words);
      }
      default -> {
        words.add(word, words.get(word));
        yield String.join(" ", words);
      }
    };
  }

  /** A number in [0, bound). */
  static int pick(RandomnessSource in, int bound) {
    return (int) in.next(Constraint.between(0, Math.max(0, bound - 1)));
  }
}
