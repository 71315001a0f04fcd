package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.port.out.UserRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /chart SYMBOL [INTERVAL]}: the pair's candles with the user's open lists on it, drawn on the
 * calling thread (the chart is the answer); {@code /settings} and {@code /settings charts on|off}.
 * A chart that cannot be drawn leaves its text, with the reason. Thread-safe.
 */
final class ChartCommands {
  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Transactor transactor;
  private final Charts charts;
  private final ChatOut out;

  ChartCommands(EngineConfig config, ExchangeClient exchange, Transactor transactor, Charts charts, ChatOut out) {
    this.config = config;
    this.exchange = exchange;
    this.transactor = transactor;
    this.charts = charts;
    this.out = out;
  }

  void chart(ChatEvent.TextMessage message, Command.ShowChart command) {
    Symbol symbol = command.symbol();
    // an unknown pair is said by the exchange's own answer, before anything is drawn
    exchange.rules(symbol);
    List<ListCharts.Named> lists = new ArrayList<>();
    List<String> names = new ArrayList<>();
    // a group sees the pair alone: a trader's lists are shown only in their private chat, as /orders does
    boolean privately = message.kind().isPrivate();
    for (TrackedOrderList list : privately ? openLists(message.user(), symbol) : List.<TrackedOrderList>of()) {
      String name = "#" + (list.orderListId().isPresent() ? Long.toString(list.orderListId().getAsLong()) : "?");
      transactor.inTransaction(stores -> stores.cards().find(list.listClientOrderId())).ifPresent(card -> {
        lists.add(new ListCharts.Named(CardState.request(card), Optional.of(name)));
        names.add(name + " " + list.kind());
      });
    }
    Optional<Price> last = lastPrice(symbol);
    String text = privately
        ? ChartTexts.chart(symbol, command.interval(), config.environment(), last, names)
        : ChartTexts.chartInGroup(symbol, command.interval(), config.environment(), last);
    if (!charts.enabled()) {
      out.send(message.chat(), text + "\n" + ChartTexts.chartsOffHere());
      return;
    }
    Optional<Picture> picture =
        charts.now(symbol, command.interval(), candles -> ListCharts.pair(symbol, command.interval(), config.environment(), candles, lists, last));
    out.send(message.chat(), picture.map(p -> OutboundMessage.text(text).withPicture(p))
        .orElseGet(() -> OutboundMessage.text(text + "\n" + ChartTexts.noChart())));
  }

  void settings(ChatEvent.TextMessage message) {
    out.send(message.chat(), ChartTexts.settings(charts.enabled(), Charts.chartsOn(transactor, message.user())));
  }

  void setCharts(ChatEvent.TextMessage message, boolean on) {
    UserRef user = message.user();
    transactor.inTransaction(stores -> {
      stores.users().register(user, config.isAdmin(user) ? UserRole.ADMIN : UserRole.TRADER);
      stores.users().putSetting(user, Charts.SETTING, on ? "on" : "off");
      return null;
    });
    out.send(message.chat(), ChartTexts.chartsSet(on, charts.enabled()));
  }

  private List<TrackedOrderList> openLists(UserRef user, Symbol symbol) {
    return transactor.inTransaction(stores -> stores.orderLists().listOpen(user)).stream()
        .filter(list -> list.symbol().equals(symbol))
        .toList();
  }

  private Optional<Price> lastPrice(Symbol symbol) {
    try {
      return Optional.of(exchange.lastPrice(symbol));
    } catch (ExchangeException e) {
      return Optional.empty();
    }
  }
}
