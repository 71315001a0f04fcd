package dev.orderlistbot.core.command;

import dev.orderlistbot.core.command.Exits.Typed;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code /oco}, {@code /oto}, {@code /otoco}, {@code /opo}, {@code /opoco}: {@code SYMBOL SIDE
 * QTY}, then the entry ({@code @ PRICE}, not for an OCO) and the exits ({@code tp}, {@code sl}) in
 * any order. Each part may appear once; the kind decides which parts are required. Exit prices
 * relative in percent mean the entry price when there is an entry, else the last price. With both
 * exits, several targets make a ladder ({@link PlaceLadder}), with {@code split} and {@code be}.
 */
final class OrderListGrammar {
  private final CommandSpec spec;
  private final ListKind kind;
  private final Prices.Base exitBase;
  private Optional<Typed<EntrySpec>> entry = Optional.empty();
  private Optional<Typed<TakeProfitSpec>> takeProfit = Optional.empty();
  private Optional<Typed<StopLossSpec>> stopLoss = Optional.empty();
  private final List<Typed<TakeProfitSpec>> targets = new ArrayList<>();
  private Optional<Typed<List<Integer>>> split = Optional.empty();
  private Optional<String> breakeven = Optional.empty();

  private OrderListGrammar(CommandSpec spec, ListKind kind) {
    this.spec = spec;
    this.kind = kind;
    this.exitBase = kind.hasEntry() ? Prices.Base.ENTRY : Prices.Base.LAST;
  }

  static Read<Command> read(CommandSpec spec, ListKind kind, Args args) {
    return new OrderListGrammar(spec, kind).read(args);
  }

  private Read<Command> read(Args head) {
    if (head.hasNext() && Words.side(head.peek()).isPresent()) {
      return Read.fail(ParseMessages.sideBeforeSymbol(head.peek(), spec));
    }
    Read<Symbol> symbol = Words.symbol(head, spec);
    if (symbol.failed()) {
      return symbol.failure();
    }
    String sideWord = head.hasNext() ? head.peek() : "";
    Read<Side> side = Words.side(head, spec);
    if (side.failed()) {
      return side.failure();
    }
    if (kind.paysFromFill() && side.value() != Side.BUY) {
      return Read.fail(ParseMessages.payingListSells(sideWord, spec, sellingKind()));
    }
    Args args = new Args(ClauseWords.normalise(head.rest()));
    Read<QuantitySpec> quantity = Quantities.read(args, symbol.value());
    if (quantity.failed()) {
      return quantity.failure();
    }
    Optional<Problem> problem = readParts(args).or(this::missingPart).or(this::ladderMistake);
    if (problem.isEmpty() && quantity.value().sizesByRisk() && stopLoss.isEmpty()) {
      problem = Optional.of(ParseMessages.riskWithoutStop(spec));
    }
    if (problem.isEmpty() && targets.isEmpty()) {
      problem = ExitOrdering.check(kind, side.value(), entry, Optional.empty(), stopLoss);
    }
    for (int i = 0; problem.isEmpty() && i < targets.size(); i++) {
      problem = ExitOrdering.check(kind, side.value(), entry, Optional.of(targets.get(i)), stopLoss);
    }
    if (problem.isEmpty()) {
      problem = ExitOrdering.targetOrder(kind.hasEntry() ? side.value().opposite() : side.value(), targets);
    }
    if (problem.isPresent()) {
      return Read.fail(problem.get());
    }
    PlaceOrderList first = build(symbol.value(), side.value(), quantity.value());
    if (targets.size() < 2) {
      return Read.ok(first);
    }
    return Read.ok(
        new PlaceLadder(
            first,
            targets.stream().map(Typed::value).toList(),
            split.map(Typed::value),
            breakeven.isPresent()));
  }

  /** A split or {@code be} that does not fit the targets and the stop. */
  private Optional<Problem> ladderMistake() {
    if (split.isPresent() && targets.size() < 2) {
      return Optional.of(ParseMessages.splitWithoutLadder(split.get().text()));
    }
    if (split.isPresent() && split.get().value().size() != targets.size()) {
      return Optional.of(
          ParseMessages.splitCountMismatch(split.get().text(), split.get().value().size(), targets.size()));
    }
    if (breakeven.isPresent() && stopLoss.isEmpty()) {
      return Optional.of(ParseMessages.breakevenWithoutStop(breakeven.get()));
    }
    if (breakeven.isPresent() && targets.size() < 2) {
      return Optional.of(ParseMessages.breakevenWithOneTarget(breakeven.get()));
    }
    if (breakeven.isPresent() && !kind.hasEntry()) {
      // breakeven is the entry's average fill; an OCO protects a position whose cost the bot never saw
      return Optional.of(ParseMessages.breakevenWithoutEntry(breakeven.get()));
    }
    return Optional.empty();
  }

  /** The entry and exits, in any order; the first mistake stops the reading. */
  private Optional<Problem> readParts(Args args) {
    String previous = "";
    while (args.hasNext()) {
      String word = args.next();
      Optional<Problem> problem =
          switch (Words.lower(word)) {
            case "@" -> readEntry(args);
            case "tp" -> readTakeProfit(word, args);
            case "sl" -> readStopLoss(word, args);
            case "split" -> readSplit(word, args);
            case "be" -> readBreakeven(word);
            default ->
                Optional.of(
                    ParseMessages.unexpectedInOrderList(
                        word, previous, kind.hasEntry() && entry.isEmpty(), spec));
          };
      if (problem.isPresent()) {
        return problem;
      }
      previous = word;
    }
    return Optional.empty();
  }

  private Optional<Problem> readEntry(Args args) {
    if (!kind.hasEntry()) {
      return Optional.of(ParseMessages.ocoHasNoEntry());
    }
    if (entry.isPresent()) {
      return Optional.of(ParseMessages.duplicate("@", "entry price"));
    }
    Read<Typed<EntrySpec>> read = Exits.entry(args);
    return store(read, value -> entry = Optional.of(value));
  }

  private Optional<Problem> readTakeProfit(String word, Args args) {
    if (takeProfit.isPresent()) {
      return Optional.of(ParseMessages.duplicate(word, "take-profit"));
    }
    if (stopLoss.isPresent() && !kind.exitIsPair()) {
      return Optional.of(ParseMessages.oneExitOnly(word, spec, bothExits()));
    }
    if (args.nextIs("trail") || !args.hasNext() || Words.isKeyword(args.peek())) {
      return store(Exits.takeProfit(args, exitBase), value -> takeProfit = Optional.of(value));
    }
    List<String> words = Ladders.targetWords(args);
    if (words.size() > 1 && !kind.exitIsPair()) {
      return Optional.of(ParseMessages.ladderNeedsBothExits(words.get(1), spec, bothExits()));
    }
    for (String target : words) {
      Optional<Problem> problem =
          store(Exits.takeProfit(new Args(List.of(target)), exitBase), targets::add);
      if (problem.isPresent()) {
        return problem;
      }
    }
    takeProfit = Optional.of(targets.get(0));
    return Optional.empty();
  }

  private Optional<Problem> readSplit(String word, Args args) {
    if (split.isPresent()) {
      return Optional.of(ParseMessages.duplicateWord(word));
    }
    return store(Ladders.split(args), value -> split = Optional.of(value));
  }

  private Optional<Problem> readBreakeven(String word) {
    if (breakeven.isPresent()) {
      return Optional.of(ParseMessages.duplicateWord(word));
    }
    breakeven = Optional.of(word);
    return Optional.empty();
  }

  private Optional<Problem> readStopLoss(String word, Args args) {
    if (stopLoss.isPresent()) {
      return Optional.of(ParseMessages.duplicate(word, "stop-loss"));
    }
    if (takeProfit.isPresent() && !kind.exitIsPair()) {
      return Optional.of(ParseMessages.oneExitOnly(word, spec, bothExits()));
    }
    return store(Exits.stopLoss(args, exitBase), value -> stopLoss = Optional.of(value));
  }

  private static <T> Optional<Problem> store(Read<T> read, Consumer<T> sink) {
    return switch (read) {
      case Read.Ok<T>(T value) -> {
        sink.accept(value);
        yield Optional.empty();
      }
      case Read.Failed<T>(Problem problem) -> Optional.of(problem);
    };
  }

  private Optional<Problem> missingPart() {
    if (kind.hasEntry() && entry.isEmpty()) {
      return Optional.of(ParseMessages.missingEntry());
    }
    if (!kind.exitIsPair() && takeProfit.isEmpty() && stopLoss.isEmpty()) {
      return Optional.of(ParseMessages.missingExit());
    }
    if (kind.exitIsPair() && takeProfit.isEmpty()) {
      return Optional.of(ParseMessages.missingTakeProfit());
    }
    if (kind.exitIsPair() && stopLoss.isEmpty()) {
      return Optional.of(ParseMessages.missingStopLoss());
    }
    return Optional.empty();
  }

  /** The command that places both exits: /otoco for /oto, /opoco for /opo. */
  private CommandSpec bothExits() {
    return kind == ListKind.OPO ? CommandSpec.OPOCO : CommandSpec.OTOCO;
  }

  /** The command to use instead when a paying list is asked to sell. */
  private CommandSpec sellingKind() {
    return kind == ListKind.OPOCO ? CommandSpec.OTOCO : CommandSpec.OTO;
  }

  private PlaceOrderList build(Symbol symbol, Side side, QuantitySpec quantity) {
    return new PlaceOrderList(
        kind,
        symbol,
        side,
        quantity,
        entry.map(Typed::value),
        takeProfit.map(Typed::value),
        stopLoss.map(Typed::value));
  }
}
