package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartLine;
import dev.orderlistbot.core.chart.ChartMark;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.LastPrice;
import dev.orderlistbot.core.port.out.OrderCard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The charts of placed lists: an order card's (its list's prices, and each leg's fills marked at
 * their average price) and {@code /chart}'s (the pair with every open list of the user on it, each
 * line named by its list). Stateless.
 */
final class ListCharts {
  /** Fill marks sit at this scale (the average of a leg's fills). */
  private static final int AVERAGE_SCALE = 8;

  private ListCharts() {}

  /** A placed list with the name its lines carry ({@code #123}), empty for a card's own chart. */
  record Named(OrderListRequest request, Optional<String> name) {}

  /**
   * The card's chart: the list's lines, the last price the bot heard (else the last candle's close)
   * and a mark for each leg that traded, at its average fill price and its latest fill's time (else
   * the latest candle's, or {@code at} without candles).
   */
  static ChartSpec card(OrderCard card, CandleInterval interval, List<Candle> candles, Instant at) {
    OrderListRequest request = CardState.request(card);
    Optional<BigDecimal> last = card.lastPrice().map(LastPrice::price).or(() -> lastClose(candles));
    List<ChartLine> lines = new ArrayList<>(lines(new Named(request, Optional.empty()), last));
    last.ifPresent(price -> lines.add(lastLine(price)));
    List<ChartMark> marks = new ArrayList<>();
    // a fill sits at its own time; one whose time is unknown (told by a look-up) at the latest candle
    Instant latest = candles.isEmpty() ? at : candles.getLast().openTime();
    for (CardLeg leg : card.legs()) {
      if (leg.filledQuantity().signum() > 0 && leg.cumulativeQuote().signum() > 0) {
        Instant time = within(candles, leg.lastFillAt().orElse(latest));
        BigDecimal average = leg.cumulativeQuote().divide(leg.filledQuantity(), AVERAGE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String role = Texts.roleOf(leg.clientOrderId()).map(Replies::role).orElse("leg");
        marks.add(new ChartMark(time, average, role + " filled " + Figures.number(average)));
      }
    }
    String title = request.symbol().value() + " · " + request.kind() + " · " + interval.code() + " · " + card.environment().name();
    return new ChartSpec(title, interval, candles, lines, marks);
  }

  /** {@code /chart}'s: the pair's candles, every list's lines named by the list, and the last price. */
  static ChartSpec pair(
      Symbol symbol, CandleInterval interval, TradingEnvironment environment, List<Candle> candles, List<Named> lists, Optional<Price> last) {
    Optional<BigDecimal> lastValue = last.map(Price::value).or(() -> lastClose(candles));
    List<ChartLine> lines = new ArrayList<>();
    for (Named list : lists) {
      lines.addAll(lines(list, lastValue));
    }
    lastValue.ifPresent(price -> lines.add(lastLine(price)));
    return new ChartSpec(symbol.value() + " · " + interval.code() + " · " + environment.name(), interval, candles, lines, List.of());
  }

  /** Each planned leg's prices: the entry's, each take-profit's, the stop's trigger and limit. */
  private static List<ChartLine> lines(Named list, Optional<BigDecimal> last) {
    String prefix = list.name().map(n -> n + " ").orElse("");
    List<ChartLine> lines = new ArrayList<>();
    for (Cards.Planned planned : Cards.planned(list.request())) {
      Optional<BigDecimal> limit = planned.leg().limitPrice().map(Price::value);
      Optional<BigDecimal> stop = planned.leg().stopPrice().map(Price::value);
      switch (planned.role()) {
        case WORKING -> limit.or(() -> stop).ifPresent(p -> lines.add(line(ChartLine.Kind.ENTRY, prefix + "entry", p, last)));
        case TAKE_PROFIT -> limit.or(() -> stop).ifPresent(p -> lines.add(line(ChartLine.Kind.TAKE_PROFIT, prefix + "TP", p, last)));
        case STOP_LOSS -> {
          stop.ifPresent(p -> lines.add(line(ChartLine.Kind.STOP_TRIGGER, prefix + "SL", p, last)));
          limit.ifPresent(p -> lines.add(line(ChartLine.Kind.STOP_LIMIT, prefix + "SL limit", p, last)));
        }
      }
    }
    return lines;
  }

  private static ChartLine line(ChartLine.Kind kind, String name, BigDecimal price, Optional<BigDecimal> last) {
    return last.map(l -> PreviewCharts.line(kind, name, price, l))
        .orElseGet(() -> new ChartLine(kind, price, name + " " + Figures.number(price)));
  }

  private static ChartLine lastLine(BigDecimal price) {
    return new ChartLine(ChartLine.Kind.LAST_PRICE, price, "last " + Figures.number(price));
  }

  /** {@code time}, moved onto the candles' span when it lies outside (a fill older than the chart's window). */
  private static Instant within(List<Candle> candles, Instant time) {
    if (candles.isEmpty()) {
      return time;
    }
    Instant first = candles.getFirst().openTime();
    Instant last = candles.getLast().openTime();
    return time.isBefore(first) ? first : time.isAfter(last) ? last : time;
  }

  private static Optional<BigDecimal> lastClose(List<Candle> candles) {
    return candles.isEmpty() ? Optional.empty() : Optional.of(candles.getLast().close());
  }
}
