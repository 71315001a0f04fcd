package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Price;
import java.util.Optional;

/**
 * {@code /movestop ID PRICE|be}, {@code /reduce ID QTY}, {@code /close ID}: the commands that manage
 * a placed list. ISSUE-15-GRAMMAR: the engine lead's stand-in until the grammar helper's lands.
 */
final class TradeGrammars {
  private TradeGrammars() {}

  static Read<Command> moveStop(Args args) {
    Optional<Long> id = id(args);
    if (id.isEmpty() || !args.hasNext()) {
      return Read.fail(Problem.of("Write /movestop ID PRICE or /movestop ID be."));
    }
    String word = args.next();
    if (args.hasNext()) {
      return Read.fail(Problem.of("Write /movestop ID PRICE or /movestop ID be."));
    }
    if (word.equalsIgnoreCase("be")) {
      return Read.ok(new Command.MoveStop(id.get(), Optional.empty()));
    }
    return Prices.absolute(word).map(p -> new Command.MoveStop(id.get(), Optional.<Price>of(p)));
  }

  static Read<Command> reduce(Args args) {
    Optional<Long> id = id(args);
    if (id.isEmpty() || !args.hasNext()) {
      return Read.fail(Problem.of("Write /reduce ID QTY."));
    }
    String word = args.next();
    return Numbers.positive(word, Noun.QUANTITY).map(q -> new Command.ReduceSize(id.get(), q));
  }

  static Read<Command> close(Args args) {
    Optional<Long> id = id(args);
    if (id.isEmpty() || args.hasNext()) {
      return Read.fail(Problem.of("Write /close ID."));
    }
    return Read.ok(new Command.CloseAtMarket(id.get()));
  }

  private static Optional<Long> id(Args args) {
    if (!args.hasNext()) {
      return Optional.empty();
    }
    String word = args.next();
    return word.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(word)) : Optional.empty();
  }
}
