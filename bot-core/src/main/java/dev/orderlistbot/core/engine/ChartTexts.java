package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.TradingEnvironment;
import java.util.List;
import java.util.Optional;

/** The sentences of {@code /chart} and {@code /settings}. */
final class ChartTexts {
  private ChartTexts() {}

  /** {@code BTCUSDT · 15m · PAPER · last 30,000} and the user's open lists on the pair. */
  static String chart(Symbol symbol, CandleInterval interval, TradingEnvironment environment, Optional<Price> last, List<String> lists) {
    String head = head(symbol, interval, environment, last);
    String open = lists.isEmpty()
        ? "You have no open list on " + symbol.value() + "."
        : "Your open lists on it: " + String.join(", ", lists) + ".";
    return head + "\n" + open;
  }

  /** In a group: the pair alone, and where the trader's own lists are drawn. */
  static String chartInGroup(Symbol symbol, CandleInterval interval, TradingEnvironment environment, Optional<Price> last) {
    return head(symbol, interval, environment, last) + "\nYour own lists are drawn on it only in a private chat with the bot: send /chart "
        + symbol.value() + " " + interval.code() + " there.";
  }

  private static String head(Symbol symbol, CandleInterval interval, TradingEnvironment environment, Optional<Price> last) {
    return symbol.value() + " · " + interval.code() + " · " + environment.name()
        + last.map(p -> " · last " + Figures.number(p.value())).orElse("");
  }

  static String noChart() {
    return "No chart this time: the candles could not be fetched or drawn. Try again in a minute.";
  }

  static String chartsOffHere() {
    return "Charts are turned off on this bot by its operator (BOT_CHARTS=off).";
  }

  static String settings(boolean drawing, boolean on) {
    String charts = !drawing
        ? "off on this bot (its operator turned them off)"
        : on ? "on: previews and order cards carry a chart of the pair" : "off: previews and order cards are text alone";
    return "Your settings:\n• charts: " + charts + "\nChange it: /settings charts " + (on ? "off" : "on");
  }

  static String chartsSet(boolean on, boolean drawing) {
    String said = on
        ? "Charts are on: previews and order cards carry a chart of the pair."
        : "Charts are off: previews and order cards are text alone. /chart still draws one when you ask.";
    return drawing ? said : said + " (This bot's operator turned charts off, so none are drawn for now.)";
  }
}
