package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the plain words of the language: keywords, symbols and sides. */
final class Words {
  /** Words that start a part of an order-list command, so they are never assets or prices. */
  static final Set<String> KEYWORDS = Set.of("tp", "sl", "@", "maker", "trail", "risk", "split", "be");

  private Words() {}

  static String lower(String word) {
    return word.toLowerCase(Locale.ROOT);
  }

  static boolean isKeyword(String word) {
    return KEYWORDS.contains(lower(word));
  }

  /** A symbol such as {@code btcusdt} (upper-cased); it must contain a letter. */
  static Read<Symbol> symbol(Args args, CommandSpec spec) {
    if (!args.hasNext()) {
      return Read.fail(ParseMessages.missingSymbol(spec));
    }
    String word = args.next();
    if (!Symbol.isWellFormed(word) || word.codePoints().noneMatch(Character::isLetter)) {
      return Read.fail(ParseMessages.notASymbol(word, joined(word)));
    }
    return Read.ok(Symbol.of(word));
  }

  /** {@code buy}, {@code sell}, {@code b} or {@code s}, in any case. */
  static Read<Side> side(Args args, CommandSpec spec) {
    if (!args.hasNext()) {
      return Read.fail(ParseMessages.missingSide(spec));
    }
    String word = args.next();
    return side(word)
        .<Read<Side>>map(Read::ok)
        .orElseGet(() -> Read.fail(ParseMessages.notASide(word)));
  }

  static Optional<Side> side(String word) {
    return switch (lower(word)) {
      case "buy", "b" -> Optional.of(Side.BUY);
      case "sell", "s" -> Optional.of(Side.SELL);
      default -> Optional.empty();
    };
  }

  /** {@code BTC/USDT}, {@code btc-usdt}, {@code BTC_USDT} written as one symbol, if that is one. */
  private static Optional<String> joined(String word) {
    String without = word.replaceAll("[/\\-_.:]", "");
    return !without.equals(word) && Symbol.isWellFormed(without)
        ? Optional.of(without.toUpperCase(Locale.ROOT))
        : Optional.empty();
  }
}
