package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chart.Candle;
import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chart.ChartLine;
import dev.orderlistbot.core.chart.ChartSpec;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.rules.LadderPreview;
import dev.orderlistbot.core.rules.Preview;
import dev.orderlistbot.core.rules.PreviewLeg;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the chart of a preview shows: the pair's candles, a line for the entry, each take-profit, the
 * stop's trigger and its limit, each labelled with its price and its distance from the last price in
 * %, and the last price; the title names the pair, the interval and the environment. A trailing stop
 * with no activation price has no price to draw and gets no line. Stateless.
 */
final class PreviewCharts {
  private PreviewCharts() {}

  static ChartSpec of(Preview preview, TradingEnvironment environment, CandleInterval interval, List<Candle> candles) {
    BigDecimal last = preview.lastPrice().value();
    List<ChartLine> lines = new ArrayList<>(lines(preview, last));
    lines.add(new ChartLine(ChartLine.Kind.LAST_PRICE, last, "last " + Figures.number(last)));
    return new ChartSpec(title(preview, environment, interval), interval, candles, lines, List.of());
  }

  /**
   * A take-profit ladder's chart: the lines of every list of it (the same line once: the shared entry
   * and stop), and the last price; the title says how many lists.
   */
  static ChartSpec of(LadderPreview ladder, TradingEnvironment environment, CandleInterval interval, List<Candle> candles) {
    Preview first = ladder.lists().getFirst();
    BigDecimal last = first.lastPrice().value();
    Set<ChartLine> lines = new LinkedHashSet<>();
    for (Preview list : ladder.lists()) {
      lines.addAll(lines(list, last));
    }
    List<ChartLine> all = new ArrayList<>(lines);
    all.add(new ChartLine(ChartLine.Kind.LAST_PRICE, last, "last " + Figures.number(last)));
    String title = first.symbol().value() + " · " + ladder.lists().size() + " × " + first.kind() + " " + first.side() + " · "
        + interval.code() + " · " + environment.name();
    return new ChartSpec(title, interval, candles, all, List.of());
  }

  private static List<ChartLine> lines(Preview preview, BigDecimal last) {
    List<ChartLine> lines = new ArrayList<>();
    for (PreviewLeg leg : preview.legs()) {
      switch (leg.role()) {
        case WORKING -> price(leg).ifPresent(p -> lines.add(line(ChartLine.Kind.ENTRY, "entry", p, last)));
        case TAKE_PROFIT -> price(leg).ifPresent(p -> lines.add(line(ChartLine.Kind.TAKE_PROFIT, "TP", p, last)));
        case STOP_LOSS -> {
          leg.stopPrice().ifPresent(p -> lines.add(line(ChartLine.Kind.STOP_TRIGGER, "SL", p.value(), last)));
          leg.price().ifPresent(p -> lines.add(line(ChartLine.Kind.STOP_LIMIT, "SL limit", p.value(), last)));
        }
      }
    }
    return lines;
  }

  /** {@code BTCUSDT · OCO SELL · 15m · PAPER}. */
  static String title(Preview preview, TradingEnvironment environment, CandleInterval interval) {
    return preview.symbol().value() + " · " + preview.kind() + " " + preview.side() + " · " + interval.code() + " · "
        + environment.name();
  }

  /** The price an entry or a take-profit works at: its limit price, else its trigger. */
  private static Optional<BigDecimal> price(PreviewLeg leg) {
    return leg.price().or(leg::stopPrice).map(Price::value);
  }

  /** {@code TP 32,000 (+6.67%)}. */
  static ChartLine line(ChartLine.Kind kind, String name, BigDecimal price, BigDecimal last) {
    BigDecimal distance = price.subtract(last).multiply(BigDecimal.valueOf(100)).divide(last, 2, RoundingMode.HALF_EVEN);
    return new ChartLine(kind, price, name + " " + Figures.number(price) + " (" + Figures.percent(distance) + ")");
  }
}
