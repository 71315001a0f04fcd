package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The commands that manage a placed list: {@code /movestop ID PRICE}, {@code /movestop ID be},
 * {@code /reduce ID QTY} (the new, smaller size in the base asset) and {@code /close ID}. Only the
 * words are read here; whether the list exists, is the trader's and allows the change is the
 * engine's business.
 */
final class ManageGrammars {
  private ManageGrammars() {}

  static Read<Command> moveStop(Args args) {
    if (args.hasNext() && isBreakeven(args.peek())) {
      return Read.fail(ParseMessages.idBeforeStop(args.peek()));
    }
    Read<Long> id = AccountGrammars.idWord(CommandSpec.MOVESTOP, args);
    if (id.failed()) {
      return id.failure();
    }
    if (!args.hasNext()) {
      return Read.fail(ParseMessages.missingNewStop(id.value()));
    }
    String word = args.next();
    Read<Optional<Price>> stop = isBreakeven(word) ? Read.ok(Optional.empty()) : newStop(word);
    if (stop.failed()) {
      return stop.failure();
    }
    return end(CommandSpec.MOVESTOP, args, new Command.MoveStop(id.value(), stop.value()));
  }

  static Read<Command> reduce(Args args) {
    Read<Long> id = AccountGrammars.idWord(CommandSpec.REDUCE, args);
    if (id.failed()) {
      return id.failure();
    }
    if (!args.hasNext()) {
      return Read.fail(ParseMessages.missingNewSize(id.value()));
    }
    String word = args.next();
    if (word.endsWith("%") || word.startsWith("$") || word.endsWith("$") || hasAsset(word)) {
      return Read.fail(ParseMessages.newSizeNotBase(word));
    }
    if (word.startsWith("-") || word.startsWith("+")) {
      return Read.fail(ParseMessages.newSizeSigned(word));
    }
    Read<BigDecimal> quantity = Numbers.positive(word, Noun.QUANTITY);
    if (quantity.failed()) {
      return quantity.failure();
    }
    if (args.hasNext() && Character.isLetter(args.peek().codePointAt(0))) {
      return Read.fail(ParseMessages.newSizeNotBase(word + " " + args.peek()));
    }
    return end(CommandSpec.REDUCE, args, new Command.ReduceSize(id.value(), quantity.value()));
  }

  static Read<Command> close(Args args) {
    Read<Long> id = AccountGrammars.idWord(CommandSpec.CLOSE, args);
    if (id.failed()) {
      return id.failure();
    }
    return end(CommandSpec.CLOSE, args, new Command.CloseAtMarket(id.value()));
  }

  /** {@code /panic}, {@code /panic close} or, for admins, {@code /panic all}. */
  static Read<Command> panic(Args args) {
    if (args.nextIs("all")) {
      args.next();
      if (args.nextIs("close")) {
        return Read.fail(ParseMessages.panicAllClose());
      }
      return end(CommandSpec.PANIC, args, new Command.PanicAll());
    }
    if (args.nextIs("close")) {
      args.next();
      return end(CommandSpec.PANIC, args, new Command.Panic(true));
    }
    return end(CommandSpec.PANIC, args, new Command.Panic(false));
  }

  private static Read<Optional<Price>> newStop(String word) {
    if (word.indexOf('/') >= 0) {
      return Read.fail(ParseMessages.newStopWithLimit(word));
    }
    if (word.startsWith("+") || word.startsWith("-") || word.endsWith("%")) {
      return Read.fail(ParseMessages.newStopRelative(word));
    }
    return Prices.absolute(word).map(Optional::of);
  }

  private static boolean isBreakeven(String word) {
    String lower = Words.lower(word);
    return lower.equals("be") || lower.equals("breakeven");
  }

  /** {@code 0.005btc}: a number with letters glued after it (an exponent aside). */
  private static boolean hasAsset(String word) {
    return Numbers.looksNumeric(word)
        && word.codePoints().anyMatch(Character::isLetter)
        && !NumberHints.isExponent(word);
  }

  private static Read<Command> end(CommandSpec spec, Args args, Command command) {
    if (args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), spec));
    }
    return Read.ok(command);
  }
}
