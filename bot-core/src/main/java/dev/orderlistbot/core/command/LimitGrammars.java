package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /limits} and {@code /resume}:
 *
 * <pre>
 * /limits                          show the limits in force and today's use
 * /limits list|day|loss USDT|off   your own notional per list or per day, or your daily loss (USDT)
 * /limits open N|off               your own most open lists
 * /limits watch SYMBOL...|off      only these pairs for you
 * /limits reset                    forget every limit of your own
 * /resume PLATFORM:USER            (admins) lift a trader's loss halt for today
 * </pre>
 *
 * An amount may be followed by {@code USDT}.
 */
final class LimitGrammars {
  private LimitGrammars() {}

  static Read<Command> limits(Args args) {
    if (!args.hasNext()) {
      return Read.ok(new Command.ShowLimits());
    }
    String word = args.next();
    String lower = Words.lower(word);
    if (lower.equals("reset")) {
      return end(args, new Command.ResetLimits());
    }
    if (lower.equals("watch")) {
      return watch(args);
    }
    for (LimitKind kind : LimitKind.values()) {
      if (kind.word().equals(lower)) {
        return amount(kind, args);
      }
    }
    return Read.fail(LimitParseMessages.unknownLimit(word));
  }

  static Read<Command> resume(Args args) {
    if (!args.hasNext()) {
      return Read.fail(LimitParseMessages.missingUser());
    }
    String word = args.next();
    int colon = word.indexOf(':');
    if (colon < 1) {
      return Read.fail(LimitParseMessages.notAUser(word));
    }
    UserRef user;
    try {
      user = new UserRef(word.substring(0, colon).toLowerCase(Locale.ROOT), word.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Read.fail(LimitParseMessages.notAUser(word));
    }
    if (args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), CommandSpec.RESUME));
    }
    return Read.ok(new Command.ResumeTrading(user));
  }

  private static Read<Command> amount(LimitKind kind, Args args) {
    if (!args.hasNext()) {
      return Read.fail(LimitParseMessages.missingAmount(kind));
    }
    String word = args.next();
    if (Words.lower(word).equals("off")) {
      return end(args, new Command.SetLimit(kind, Optional.empty()));
    }
    Read<BigDecimal> amount = Numbers.positive(word, kind.counts() ? Noun.QUANTITY : Noun.AMOUNT);
    if (amount.failed()) {
      return Read.fail(LimitParseMessages.notAnAmount(kind, word));
    }
    if (kind.counts() && amount.value().stripTrailingZeros().scale() > 0) {
      return Read.fail(LimitParseMessages.notWholeLists(word));
    }
    if (!kind.counts() && args.nextIs("usdt")) {
      args.next();
    }
    return end(args, new Command.SetLimit(kind, Optional.of(amount.value())));
  }

  private static Read<Command> watch(Args args) {
    if (!args.hasNext()) {
      return Read.fail(LimitParseMessages.missingWatchList());
    }
    if (args.nextIs("off")) {
      args.next();
      return end(args, new Command.SetWatchList(Set.of()));
    }
    Set<Symbol> symbols = new LinkedHashSet<>();
    while (args.hasNext()) {
      String word = args.next();
      if (Words.lower(word).equals("off")) {
        return Read.fail(LimitParseMessages.offAmongPairs());
      }
      if (!Symbol.isWellFormed(word) || word.codePoints().noneMatch(Character::isLetter)) {
        return Read.fail(LimitParseMessages.notAWatchedPair(word));
      }
      symbols.add(Symbol.of(word));
    }
    return Read.ok(new Command.SetWatchList(symbols));
  }

  private static Read<Command> end(Args args, Command command) {
    if (args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), CommandSpec.LIMITS));
    }
    return Read.ok(command);
  }
}
