package dev.orderlistbot.core.command;

import dev.orderlistbot.core.domain.order.TrailingDelta;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads what follows {@code tp}, {@code sl} and {@code @}: the take-profit ({@code tp P} or
 * {@code tp S/P}), the stop-loss ({@code sl S}, {@code sl S/P} or {@code sl trail X%}) and the
 * entry ({@code @ PRICE} or {@code @ maker PRICE}, relative prices meaning the last price).
 */
final class Exits {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Exits() {}

  /** A value with the text it was read from, for refusals that quote it later. */
  record Typed<T>(T value, String text) {}

  static Read<Typed<TakeProfitSpec>> takeProfit(Args args, Prices.Base base) {
    if (args.nextIs("trail")) {
      return Read.fail(ParseMessages.trailingTakeProfit(args.next()));
    }
    if (!args.hasNext() || Words.isKeyword(args.peek())) {
      return Read.fail(ParseMessages.missingAfterTakeProfit());
    }
    String text = args.next();
    return Prices.pair(text, base).map(pair -> new Typed<>(takeProfit(pair), text));
  }

  static Read<Typed<StopLossSpec>> stopLoss(Args args, Prices.Base base) {
    if (args.nextIs("trail")) {
      args.next();
      return trailing(args);
    }
    if (!args.hasNext() || Words.isKeyword(args.peek())) {
      return Read.fail(ParseMessages.missingAfterStopLoss());
    }
    String text = args.next();
    return Prices.pair(text, base).map(pair -> new Typed<>(stopLoss(pair), text));
  }

  static Read<Typed<EntrySpec>> entry(Args args) {
    boolean maker = args.nextIs("maker");
    if (maker) {
      args.next();
    }
    if (!args.hasNext() || Words.isKeyword(args.peek())) {
      return Read.fail(ParseMessages.missingEntryPrice(maker));
    }
    String text = args.next();
    return Prices.price(text, Prices.Base.LAST)
        .map(price -> new Typed<>(new EntrySpec(price, maker), text));
  }

  private static TakeProfitSpec takeProfit(Prices.Pair pair) {
    return pair.limit().isPresent()
        ? new TakeProfitSpec.StopLimit(pair.first(), pair.limit().get())
        : new TakeProfitSpec.AtLimit(pair.first());
  }

  private static StopLossSpec stopLoss(Prices.Pair pair) {
    return pair.limit().isPresent()
        ? new StopLossSpec.StopLimit(pair.first(), pair.limit().get())
        : new StopLossSpec.AtStop(pair.first());
  }

  /** {@code trail X%}: X% in whole BIPS (0.01%), from 0.01% to 100%. */
  private static Read<Typed<StopLossSpec>> trailing(Args args) {
    if (!args.hasNext() || Words.isKeyword(args.peek())) {
      return Read.fail(ParseMessages.missingTrailingPercent());
    }
    String text = args.next();
    if (!text.endsWith("%") || text.startsWith("+") || text.startsWith("-")) {
      return Read.fail(ParseMessages.trailingNeedsPlainPercent(text));
    }
    NumberText number = new NumberText("", text.substring(0, text.length() - 1), "%");
    Read<BigDecimal> percent = Numbers.positive(number, Noun.PERCENT);
    if (percent.failed()) {
      return percent.failure();
    }
    BigDecimal bips = percent.value().multiply(HUNDRED);
    if (bips.compareTo(BigDecimal.valueOf(TrailingDelta.MAX_BIPS)) > 0) {
      return Read.fail(ParseMessages.trailingAboveHundred(text));
    }
    if (bips.stripTrailingZeros().scale() > 0) {
      return Read.fail(ParseMessages.trailingNotWholeBips(text, nearest(percent.value())));
    }
    StopLossSpec trailing = new StopLossSpec.Trailing(new TrailingDelta(bips.intValueExact()));
    return Read.ok(new Typed<>(trailing, "trail " + text));
  }

  /** The whole-BIPS percentages on either side of {@code percent}, smallest first, above 0. */
  private static String nearest(BigDecimal percent) {
    BigDecimal down = percent.setScale(2, RoundingMode.DOWN);
    BigDecimal up = percent.setScale(2, RoundingMode.UP);
    String above = up.toPlainString() + "%";
    return down.signum() == 0 ? above : down.toPlainString() + "% or " + above;
  }
}
