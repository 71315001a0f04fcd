package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Balances;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.PaperControl;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The trader's account and market commands: {@code /orders}, {@code /status}, {@code /cancel ID},
 * {@code /cancel all}, {@code /price}, {@code /balance} and {@code /paper price}. Exchange failures
 * propagate as {@code ExchangeException} to the engine, which words them. Thread-safe.
 */
final class AccountCommands {
  /** The most lists {@code /orders} shows, each with its own Cancel button. */
  static final int MAX_SHOWN = 20;

  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Optional<PaperControl> paper;
  private final Accounts accounts;
  private final ListCancels cancels;
  private final PlacementSettlement settlement;
  private final PendingActions actions;
  private final Transactor transactor;
  private final ChatOut out;
  private final CardMoves cards;

  AccountCommands(
      EngineConfig config,
      ExchangeClient exchange,
      Optional<PaperControl> paper,
      Accounts accounts,
      ListCancels cancels,
      PlacementSettlement settlement,
      PendingActions actions,
      Transactor transactor,
      ChatOut out,
      CardMoves cards) {
    this.config = config;
    this.exchange = exchange;
    this.paper = paper;
    this.accounts = accounts;
    this.cancels = cancels;
    this.settlement = settlement;
    this.actions = actions;
    this.transactor = transactor;
    this.out = out;
    this.cards = cards;
  }

  void orders(ChatEvent.TextMessage message, Optional<Symbol> symbol) {
    if (!message.kind().isPrivate()) {
      // a trader's open lists (sizes, prices, stops) are nobody else's business
      out.send(message.chat(), Replies.listsPrivateOnly("/orders" + symbol.map(s -> " " + s.value()).orElse("")));
      return;
    }
    Optional<List<PlacedOrderList>> open =
        accounts.withCredentials(
            message.user(),
            credentials -> {
              reconcileUnknown(message.user(), credentials);
              return exchange.openOrderLists(credentials);
            });
    if (open.isEmpty()) {
      out.send(message.chat(), Replies.noKey());
      return;
    }
    List<PlacedOrderList> lists =
        open.get().stream()
            .filter(list -> symbol.map(list.symbol()::equals).orElse(true))
            .sorted(Comparator.comparingLong(list -> list.id().value()))
            .toList();
    if (lists.isEmpty()) {
      out.send(message.chat(), Replies.noOpenLists());
      return;
    }
    List<PlacedOrderList> shown = lists.subList(0, Math.min(MAX_SHOWN, lists.size()));
    List<String> lines = new ArrayList<>(List.of(Replies.openListsTitle(config.environment(), shown.size(), lists.size())));
    List<List<Button>> rows = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (PlacedOrderList list : shown) {
      // a list with a card shows the card's compact line (its fills as the bot heard them)
      Optional<String> compact =
          transactor.inTransaction(stores -> CardUpdates.compact(stores, list.clientId().value(), list.id().value()));
      if (compact.isPresent()) {
        lines.add(compact.get());
      } else {
        lines.add(name(list));
        list.legs().forEach(leg -> lines.add("  " + Texts.reportedLeg(leg)));
      }
      String token =
          actions.create(
              message.user(),
              message.chat(),
              new PendingAction.CancelList(new ListHandle(list.symbol(), list.id().value())),
              config.listButtonTtl());
      tokens.add(token);
      rows.add(List.of(new Button(Replies.cancelButton(list.id().value()), Tokens.RUN + token)));
    }
    out.send(message.chat(), new OutboundMessage(String.join("\n", lines), rows))
        .ifPresent(sent -> tokens.forEach(token -> actions.attach(token, sent)));
  }

  void status(ChatEvent.TextMessage message, long orderListId) {
    if (!message.kind().isPrivate()) {
      out.send(message.chat(), Replies.listsPrivateOnly("/status " + orderListId));
      return;
    }
    // the asker's own list first: another trader's list may carry the same id (Binance numbers lists per symbol)
    Optional<TrackedOrderList> tracked =
        transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(message.user(), orderListId));
    if (tracked.isEmpty() && transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(orderListId)).isPresent()) {
      out.send(message.chat(), Replies.notYourList(orderListId));
      return;
    }
    if (tracked.isPresent() && cards.resend(tracked.get().listClientOrderId(), orderListId, message.chat())) {
      return;
    }
    Optional<String> text =
        accounts.withCredentials(
            message.user(),
            credentials ->
                exchange.orderList(credentials, OrderListRef.of(new OrderListId(orderListId)))
                    .map(list -> status(credentials, list))
                    .orElse(Replies.noSuchList(orderListId)));
    out.send(message.chat(), text.orElse(Replies.noKey()));
  }

  void cancel(ChatEvent.TextMessage message, long orderListId) {
    Optional<Optional<ListHandle>> found =
        accounts.withCredentials(message.user(), credentials -> cancels.findOpen(message.user(), credentials, orderListId));
    if (found.isEmpty()) {
      out.send(message.chat(), Replies.noKey());
    } else if (found.get().isEmpty()) {
      out.send(message.chat(), Replies.noSuchOpenList(orderListId));
    } else {
      ListHandle list = found.get().get();
      if (out.send(message.chat(), cancels.cancel(message.user(), message.chat(), list)).isPresent()) {
        cancels.answered(List.of(list));
      }
    }
  }

  void cancelAll(ChatEvent.TextMessage message) {
    Optional<List<PlacedOrderList>> open = accounts.withCredentials(message.user(), exchange::openOrderLists);
    if (open.isEmpty()) {
      out.send(message.chat(), Replies.noKey());
      return;
    }
    if (open.get().isEmpty()) {
      out.send(message.chat(), Replies.noOpenLists());
      return;
    }
    List<PlacedOrderList> lists = open.get().stream().sorted(Comparator.comparingLong(l -> l.id().value())).toList();
    List<ListHandle> handles = lists.stream().map(l -> new ListHandle(l.symbol(), l.id().value())).toList();
    String token =
        actions.create(message.user(), message.chat(), new PendingAction.CancelAll(handles), config.confirmTtl());
    String names = String.join("\n", lists.stream().map(l -> "• " + name(l)).toList());
    OutboundMessage question =
        OutboundMessage.withButtons(
            Replies.cancelAllAsk(handles.size(), names),
            new Button(Replies.CANCEL_ALL, Tokens.RUN + token),
            new Button(Replies.KEEP, Tokens.WITHDRAW + token));
    out.send(message.chat(), question).ifPresent(sent -> actions.attach(token, sent));
  }

  void price(ChatEvent.TextMessage message, Symbol symbol) {
    out.send(message.chat(), Replies.price(symbol, exchange.lastPrice(symbol), config.environment()));
  }

  void balance(ChatEvent.TextMessage message, Optional<Asset> asset) {
    if (!message.kind().isPrivate()) {
      // holdings are nobody else's business: a group would see them all
      out.send(message.chat(), Replies.balancesPrivateOnly());
      return;
    }
    Optional<Balances> balances = accounts.withCredentials(message.user(), exchange::balances);
    if (balances.isEmpty()) {
      out.send(message.chat(), Replies.noKey());
      return;
    }
    if (asset.isPresent()) {
      out.send(
          message.chat(), balances.get().of(asset.get()).map(Replies::balance).orElse(Replies.noBalance(asset.get())));
      return;
    }
    List<Balance> held =
        balances.get().byAsset().values().stream()
            .filter(b -> b.total().signum() > 0)
            .sorted(Comparator.comparing(b -> b.asset().code()))
            .toList();
    out.send(
        message.chat(),
        held.isEmpty()
            ? Replies.noBalances()
            : Replies.balancesTitle(config.environment()) + "\n"
                + String.join("\n", held.stream().map(Replies::balance).toList()));
  }

  void paperPrice(ChatEvent.TextMessage message, Symbol symbol, Price price) {
    if (config.environment().needsApiKeys() || paper.isEmpty()) {
      out.send(message.chat(), Replies.paperOnly(config.environment()));
      return;
    }
    if (!paper.get().lists(symbol)) {
      out.send(message.chat(), Replies.paperNotListed(symbol));
      return;
    }
    paper.get().setPrice(symbol, price);
    out.send(message.chat(), Replies.paperPriceSet(symbol, price));
  }

  /** Lists whose placement had an unknown outcome, looked up again by their client id. */
  private void reconcileUnknown(UserRef user, ApiCredentials credentials) {
    settlement.settle(user, credentials);
  }

  private String status(ApiCredentials credentials, PlacedOrderList list) {
    List<String> lines = new ArrayList<>(List.of(name(list) + ": " + list.orderStatus()));
    for (ListLeg leg : list.legs()) {
      Optional<LegReport> report =
          leg.report().or(() -> exchange.order(credentials, list.symbol(), OrderRef.of(leg.orderId())).map(o -> o.report()));
      lines.add("  " + Texts.reportedLeg(new ListLeg(leg.orderId(), leg.clientOrderId(), report)));
    }
    return String.join("\n", lines);
  }

  /** {@code BTCUSDT OTOCO #8821} for the bot's own lists, {@code BTCUSDT OTO #8821} otherwise. */
  private String name(PlacedOrderList list) {
    return transactor.inTransaction(stores -> stores.orderLists().findByListClientOrderId(list.clientId().value()))
        .map(t -> Replies.listName(list.symbol(), t.kind(), list.id().value()))
        .orElse(list.symbol() + " " + list.contingencyType() + " #" + list.id());
  }
}
