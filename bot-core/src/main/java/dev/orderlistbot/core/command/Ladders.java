package dev.orderlistbot.core.command;

import dev.orderlistbot.core.command.Exits.Typed;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a take-profit ladder: more targets after {@code tp} ({@code tp 32000 33000 34000} or
 * {@code tp 32000,33000,34000}) and the shares after {@code split} ({@code split 50/30/20}).
 */
final class Ladders {
  private Ladders() {}

  /**
   * The words of a {@code tp} clause: the first (already known to be there) and every following word
   * that reads as one more price, commas splitting a list of targets.
   */
  static List<String> targetWords(Args args) {
    List<String> words = new ArrayList<>(splitCommas(args.next()));
    while (args.hasNext() && !Words.isKeyword(args.peek()) && looksLikePrice(args.peek())) {
      words.addAll(splitCommas(args.next()));
    }
    return words;
  }

  /**
   * {@code 32000,33000} is a list of targets; a comma that more likely belongs to one number keeps
   * that meaning (and the number rules answer it): followed by exactly three digits ({@code 32,000},
   * a thousands separator), after a lone zero ({@code 0,5}) or inside a percentage ({@code +0,5%}),
   * a decimal comma.
   */
  private static List<String> splitCommas(String word) {
    if (word.indexOf(',') < 0) {
      return List.of(word);
    }
    String[] parts = word.split(",", -1);
    if (parts[0].replaceFirst("^[+-]", "").equals("0")) {
      return List.of(word);
    }
    for (int i = 0; i < parts.length; i++) {
      boolean thousands = i > 0 && parts[i].matches("[0-9]{3}([./%].*)?");
      boolean percent = word.indexOf('%') >= 0 && !parts[i].endsWith("%");
      if (parts[i].isEmpty() || thousands || percent) {
        return List.of(word);
      }
    }
    return List.of(parts);
  }

  private static boolean looksLikePrice(String word) {
    return Numbers.looksNumeric(word) || word.startsWith("+") || word.startsWith("-");
  }

  /** The shares of {@code split 50/30/20}: whole percentages adding up to 100. */
  static Read<Typed<List<Integer>>> split(Args args) {
    if (!args.hasNext() || Words.isKeyword(args.peek())) {
      return Read.fail(ParseMessages.missingSplit());
    }
    String text = args.next();
    List<Integer> shares = new ArrayList<>();
    int total = 0;
    for (String part : text.split("/", -1)) {
      String digits = part.endsWith("%") ? part.substring(0, part.length() - 1) : part;
      if (!digits.matches("[0-9]{1,3}") || Integer.parseInt(digits) == 0) {
        return Read.fail(ParseMessages.notASplit(text));
      }
      shares.add(Integer.parseInt(digits));
      total += Integer.parseInt(digits);
    }
    if (total != 100) {
      return Read.fail(ParseMessages.splitNotHundred(text, total));
    }
    return Read.ok(new Typed<>(List.copyOf(shares), text));
  }
}
