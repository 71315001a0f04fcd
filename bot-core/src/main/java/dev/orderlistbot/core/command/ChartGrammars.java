package dev.orderlistbot.core.command;

import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Symbol;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code /chart SYMBOL [INTERVAL]} and {@code /settings [charts on|off]}. */
final class ChartGrammars {
  private ChartGrammars() {}

  /** The intervals a trader may ask for, as typed: {@code 15m, 1h, 4h, 1d}. */
  static final String INTERVALS =
      Arrays.stream(CandleInterval.values())
          .filter(i -> i != CandleInterval.ONE_MINUTE)
          .map(CandleInterval::code)
          .collect(Collectors.joining(", "));

  static Read<Command> chart(Args args) {
    Read<Symbol> symbol = Words.symbol(args, CommandSpec.CHART);
    if (symbol.failed()) {
      return symbol.failure();
    }
    if (!args.hasNext()) {
      return Read.ok(new Command.ShowChart(symbol.value(), CandleInterval.FIFTEEN_MINUTES));
    }
    String word = args.next();
    Optional<CandleInterval> interval = CandleInterval.ofCode(word).filter(i -> i != CandleInterval.ONE_MINUTE);
    if (interval.isEmpty()) {
      return Read.fail(Problem.about(word, Quote.quoted(word) + " is not a chart interval: write one of " + INTERVALS
          + ", e.g. /chart " + symbol.value().value() + " 1h"));
    }
    if (args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), CommandSpec.CHART));
    }
    return Read.ok(new Command.ShowChart(symbol.value(), interval.get()));
  }

  static Read<Command> settings(Args args) {
    if (!args.hasNext()) {
      return Read.ok(new Command.ShowSettings());
    }
    String name = args.next();
    if (!Words.lower(name).equals("charts")) {
      return Read.fail(Problem.about(name, Quote.quoted(name) + " is not a setting: the only one is charts,"
          + " written /settings charts on or /settings charts off"));
    }
    if (!args.hasNext()) {
      return Read.fail(Problem.of("Missing on or off after charts: write /settings charts on or /settings charts off"));
    }
    String value = args.next();
    Optional<Boolean> on = switch (Words.lower(value)) {
      case "on", "yes" -> Optional.of(true);
      case "off", "no" -> Optional.of(false);
      default -> Optional.empty();
    };
    if (on.isEmpty()) {
      return Read.fail(Problem.about(value, Quote.quoted(value) + " is not on or off: write /settings charts on or /settings charts off"));
    }
    if (args.hasNext()) {
      return Read.fail(ParseMessages.unexpected(args.next(), CommandSpec.SETTINGS));
    }
    return Read.ok(new Command.SetCharts(on.get()));
  }
}
