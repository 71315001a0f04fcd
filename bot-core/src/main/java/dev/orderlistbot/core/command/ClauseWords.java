package dev.orderlistbot.core.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Normalises the words after the side of an order-list command so that forgiving spellings read
 * like the canonical ones. Each rule is unambiguous because {@code @} and {@code /} mean nothing
 * else there, and a keyword glued to a number cannot be an asset:
 *
 * <ul>
 *   <li>{@code @30000}, {@code 0.01@30000}, {@code @maker} → {@code @ 30000}, {@code @ maker};
 *   <li>{@code tp32000}, {@code sl29000/28900}, {@code trail1%}, {@code maker30000}, {@code
 *       tp:32000} → keyword and value apart;
 *   <li>{@code 29000 / 28900}, {@code 29000/ 28900}, {@code 29000 /28900} → {@code 29000/28900}.
 * </ul>
 */
final class ClauseWords {
  private static final List<String> GLUABLE = List.of("trail", "maker", "tp", "sl");

  private ClauseWords() {}

  static List<String> normalise(List<String> words) {
    List<String> split = new ArrayList<>();
    for (String word : words) {
      splitAtSigns(word, split);
    }
    return joinSlashes(split);
  }

  private static void splitAtSigns(String word, List<String> out) {
    int from = 0;
    int at;
    while ((at = word.indexOf('@', from)) >= 0) {
      splitKeyword(word.substring(from, at), out);
      out.add("@");
      from = at + 1;
    }
    splitKeyword(word.substring(from), out);
  }

  private static void splitKeyword(String word, List<String> out) {
    if (word.isEmpty()) {
      return;
    }
    String lower = Words.lower(word);
    for (String keyword : GLUABLE) {
      if (lower.startsWith(keyword) && lower.length() > keyword.length()) {
        int rest = keyword.length();
        char next = word.charAt(rest);
        if (next == ':' || next == '=') {
          out.add(word.substring(0, rest));
          if (word.length() > rest + 1) {
            out.add(word.substring(rest + 1));
          }
          return;
        }
        if (startsValue(next)) {
          out.add(word.substring(0, rest));
          out.add(word.substring(rest));
          return;
        }
      }
    }
    out.add(word);
  }

  private static boolean startsValue(char c) {
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }

  private static List<String> joinSlashes(List<String> words) {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      int last = out.size() - 1;
      if (last >= 0
          && !Words.isKeyword(word)
          && !Words.isKeyword(out.get(last))
          && (out.get(last).endsWith("/") || word.startsWith("/"))) {
        out.set(last, out.get(last) + word);
      } else {
        out.add(word);
      }
    }
    return out;
  }
}
