package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Reads prices: absolute ({@code 32000.5}) or relative with an explicit sign ({@code +5%}, {@code
 * -2.5%}), and stop/limit pairs ({@code 29000/28900}). Whether a relative price is relative to
 * the last price or to the entry is the caller's {@link Base}.
 */
final class Prices {
  private static final BigDecimal MINUS_HUNDRED = BigDecimal.valueOf(-100);

  private Prices() {}

  /** What a relative price is relative to. */
  enum Base {
    LAST,
    ENTRY
  }

  /** A stop price and, after {@code /}, an optional limit price. */
  record Pair(PriceSpec first, Optional<PriceSpec> limit) {}

  static Read<Pair> pair(String text, Base base) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return price(text, base).map(price -> new Pair(price, Optional.empty()));
    }
    if (text.indexOf('/', slash + 1) >= 0) {
      return Read.fail(ParseMessages.tooManySlashes(text));
    }
    String stop = text.substring(0, slash);
    String limit = text.substring(slash + 1);
    if (stop.isEmpty()) {
      return Read.fail(ParseMessages.missingStopBeforeSlash(text));
    }
    if (limit.isEmpty()) {
      return Read.fail(ParseMessages.missingLimitAfterSlash(text));
    }
    Read<PriceSpec> first = price(stop, base);
    if (first.failed()) {
      return first.failure();
    }
    return price(limit, base).map(second -> new Pair(first.value(), Optional.of(second)));
  }

  static Read<PriceSpec> price(String text, Base base) {
    char first = text.charAt(0);
    if (first == '+' || first == '-') {
      return relative(text, first == '-', base);
    }
    if (first == '−' || first == '–' || first == '—') {
      return Read.fail(ParseMessages.typographicMinus(text, "-" + text.substring(1)));
    }
    if (text.endsWith("%")) {
      return Read.fail(ParseMessages.percentWithoutSign(text));
    }
    return absolute(text).map(PriceSpec.Absolute::new);
  }

  /** An absolute price only (no relative form), as in {@code /paper price}. */
  static Read<Price> absolute(String text) {
    return Numbers.positive(text, Noun.PRICE).map(Price::new);
  }

  private static Read<PriceSpec> relative(String text, boolean below, Base base) {
    if (!text.endsWith("%")) {
      return Read.fail(ParseMessages.signWithoutPercent(text));
    }
    String digits = text.substring(1, text.length() - 1);
    NumberText number = new NumberText(text.substring(0, 1), digits, "%");
    Read<BigDecimal> read = Numbers.plain(number, Noun.PERCENT);
    if (read.failed()) {
      return read.failure();
    }
    BigDecimal percent = below ? read.value().negate() : read.value();
    if (percent.compareTo(MINUS_HUNDRED) <= 0) {
      return Read.fail(ParseMessages.relativeAtOrBelowMinusHundred(text));
    }
    return Read.ok(
        switch (base) {
          case LAST -> new PriceSpec.RelativeToLast(percent);
          case ENTRY -> new PriceSpec.RelativeToEntry(percent);
        });
  }
}
