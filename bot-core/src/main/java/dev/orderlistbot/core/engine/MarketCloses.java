package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.MarketOrderRequest;
import dev.orderlistbot.core.port.out.MarketOrderResult;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a list at market ({@code /close ID}, the card's button): Confirm cancels the list, then
 * sends one MARKET order for the base quantity the list still held when the cancel answered (what
 * its entry bought less what its exits sold, or what an OCO protects), rounded down to the step:
 * never the balance. The market order carries a client id made from the confirmation, is sent once,
 * and a lost answer is looked up, never resent. A refused market order is said at once, with a
 * Retry. Thread-safe.
 */
final class MarketCloses {
  private static final Logger LOG = LoggerFactory.getLogger(MarketCloses.class);
  private static final String MARKET_PREFIX = "oc-";

  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final LiveLists lists;
  private final ActionOffers offers;
  private final ListCancels cancels;
  private final PlacementResults results;
  private final OwedActions owed;
  private final ChatOut out;

  MarketCloses(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      Transactor transactor,
      ActionOffers offers,
      ListCancels cancels,
      PlacementResults results,
      OwedActions owed,
      ChatOut out) {
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.lists = new LiveLists(exchange, transactor);
    this.offers = offers;
    this.cancels = cancels;
    this.results = results;
    this.owed = owed;
    this.out = out;
  }

  void preview(ChatRef chat, UserRef user, long orderListId) {
    Optional<String> refusal = accounts.withCredentials(user, credentials -> offer(chat, user, credentials, orderListId));
    offers.answer(chat, refusal);
  }

  /** The card's Cancel list: the confirmation of one cancel of the whole list. */
  void previewCancel(ChatRef chat, UserRef user, long orderListId) {
    Optional<String> refusal =
        accounts.withCredentials(
            user,
            credentials -> {
              LiveLists.Found found = lists.read(user, credentials, orderListId);
              if (found instanceof LiveLists.Found.Refusal refusal1) {
                return refusal1.sentence();
              }
              LiveList live = ((LiveLists.Found.Live) found).list();
              offers.offer(
                  chat, user, TradeReplies.cancelPreview(config.environment(), live.name(), offers.ttl()),
                  new PendingAction.CancelList(new PendingAction.ListHandle(live.symbol(), orderListId)));
              return "";
            });
    offers.answer(chat, refusal);
  }

  private String offer(ChatRef chat, UserRef user, ApiCredentials credentials, long orderListId) {
    LiveLists.Found found = lists.read(user, credentials, orderListId);
    if (found instanceof LiveLists.Found.Refusal refusal) {
      return refusal.sentence();
    }
    LiveList live = ((LiveLists.Found.Live) found).list();
    if (live.held().signum() == 0) {
      return TradeReplies.nothingHeld(live.name(), orderListId);
    }
    BigDecimal last = exchange.lastPrice(live.symbol()).value();
    offers.offer(
        chat, user,
        TradeReplies.closePreview(config.environment(), live.name(), live.exitSide(), live.held(), live.symbol(), last, offers.ttl()),
        new PendingAction.CloseList(new PendingAction.ListHandle(live.symbol(), orderListId), live.exitSide()));
    return "";
  }

  /** Confirm of a close won its claim: cancel, then the market order for what the list held. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.CloseList close) {
    UserRef user = confirmation.requester();
    String name = cancels.name(close.list());
    ClientOrderId clientOrderId = marketId(confirmation);
    owed.running(confirmation.id(), () -> {
      // inside: the edit may wait out a chat's rate limit, and the action's lease keeps settlements away meanwhile
      out.editIfPossible(press.message(), TradeReplies.closing(name));
      tell(press.chat(), Optional.of(press.message().messageId()), confirmation,
          accounts.withCredentials(user, credentials -> close(credentials, user, press.chat(), close, name, clientOrderId, confirmation.id())),
          false);
      return null;
    });
  }

  /** A Close at market button after a failed step: one market order for a quantity no list holds any more. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.CloseHeld close) {
    String what = "Closing " + Figures.number(close.quantity()) + " on " + close.symbol();
    owed.running(confirmation.id(), () -> {
      tell(press.chat(), Optional.of(press.message().messageId()), confirmation,
          accounts.withCredentials(
              confirmation.requester(),
              credentials -> unlessSentBefore(credentials, close, what, close)
                  .orElseGet(() -> market(
                      credentials, close.symbol(), close.side(), close.quantity(), what, marketId(confirmation), confirmation.id(), close))),
          false);
      return null;
    });
  }

  /**
   * Before a Retry of market orders a settlement found not sent, each is looked up again: when one
   * went after all (its close ran on where its lease had lapsed), that is the answer and nothing more
   * is sent, but for what it left unsold, offered with a button of its own; one that ended having
   * sold nothing counts as not sent. When one cannot be looked up, nothing is sent and the Retry is
   * offered again. Empty when none was sent.
   */
  private Optional<CloseTold> unlessSentBefore(
      ApiCredentials credentials, PendingAction.CloseHeld close, String what, PendingAction.CloseHeld retry) {
    List<ClientOrderId> earlier = close.earlier();
    for (int i = 0; i < earlier.size(); i++) {
      ClientOrderId before = earlier.get(i);
      Optional<OrderSnapshot> found;
      try {
        found = exchange.order(credentials, close.symbol(), OrderRef.of(before));
      } catch (ExchangeException e) {
        LOG.warn("looking up the earlier market order {} failed: {}", before, e.getMessage());
        return Optional.of(new CloseTold(TradeReplies.earlierMarketNotChecked(before.value(), Replies.exchangeError(e.error())), Optional.of(retry)));
      }
      LegReport report = found.map(OrderSnapshot::report).orElse(null);
      if (report == null || (report.executedQty().signum() == 0 && Notices.ends(report.status()))) {
        continue;
      }
      String text = TradeReplies.earlierMarketSent(before.value(), MarketFills.filled(what, close.side(), close.quantity(), found.get()));
      // what it left is offered on its own; the orders after it in the list are looked up again first
      return Optional.of(withTheRest(text, close.symbol(), close.side(), close.quantity(), report, earlier.subList(i + 1, earlier.size())));
    }
    return Optional.empty();
  }

  /** A close a crash cut short, settled from the exchange ({@link #cutShort}). */
  void settle(PendingConfirmation confirmation, PendingAction.CloseList close, ApiCredentials credentials) {
    tell(confirmation.chat(), confirmation.messageRef(), confirmation,
        Optional.of(cutShort(credentials, confirmation.requester(), close.list(), marketId(confirmation))), true);
  }

  /**
   * What became of the close of {@code list} (by {@code /close} or a panic) that a crash cut short,
   * read from the exchange: its market order found by its client id and reported; or never sent,
   * and then the list still working (the cancel never went) or gone, leaving what it held with no
   * order, which is said with a Close at market.
   */
  CloseTold cutShort(ApiCredentials credentials, UserRef user, PendingAction.ListHandle list, ClientOrderId clientOrderId) {
    String name = cancels.name(list);
    Optional<OrderSnapshot> market = exchange.order(credentials, list.symbol(), OrderRef.of(clientOrderId));
    if (market.isPresent()) {
      LegReport report = market.get().report();
      BigDecimal quantity = report.origQty().orElse(BigDecimal.ZERO);
      return withTheRest(MarketFills.filled("Cancelled " + name, report.side(), quantity, market.get()), list.symbol(), report.side(), quantity, report, List.of());
    }
    Optional<PlacedOrderList> now = exchange.orderList(credentials, OrderListRef.of(new OrderListId(list.orderListId())));
    if (now.map(PlacedOrderList::isOpen).orElse(false)) {
      return CloseTold.notCancelled(TradeReplies.closeCutShortListWorks(name));
    }
    Optional<LiveList> ended = now.flatMap(l -> lists.tracked(user, list.orderListId()).map(t -> lists.fromAnswer(t, l, credentials)));
    BigDecimal held = ended.map(LiveList::held).orElse(BigDecimal.ZERO);
    BigDecimal quantity = MarketFills.roundDown(held, MarketFills.step(exchange.rules(list.symbol())));
    return quantity.signum() > 0
        ? new CloseTold(
            TradeReplies.closeCutShortNothingSold(name, quantity, list.symbol()),
            Optional.of(new PendingAction.CloseHeld(list.symbol(), ended.orElseThrow().exitSide(), quantity).andNotSent(clientOrderId)))
        : CloseTold.text(TradeReplies.closedHoldingNothing(name));
  }

  /** A market order of a Close at market button that a crash cut short: found and reported, or never sent. */
  void settle(PendingConfirmation confirmation, PendingAction.CloseHeld close, ApiCredentials credentials) {
    String what = "Closing " + Figures.number(close.quantity()) + " on " + close.symbol();
    Optional<OrderSnapshot> market = exchange.order(credentials, close.symbol(), OrderRef.of(marketId(confirmation)));
    // an earlier order found sent (the stop came after that look-up) is the answer, never a second Retry
    CloseTold told =
        market.isPresent()
            ? withTheRest(MarketFills.filled(what, close.side(), close.quantity(), market.get()), close.symbol(), close.side(), close.quantity(),
                market.get().report(), List.of())
            : unlessSentBefore(credentials, close, what, close.andNotSent(marketId(confirmation))).orElseGet(() -> new CloseTold(
                TradeReplies.marketNeverSent(close.side(), close.quantity(), close.symbol()),
                Optional.of(close.andNotSent(marketId(confirmation)))));
    tell(confirmation.chat(), confirmation.messageRef(), confirmation, Optional.of(told), true);
  }

  /**
   * The answer, then its Retry or Close at market. A settlement ({@code settling}) tells it only while
   * the action is still owed: told meanwhile, its button would be a second order.
   */
  private void tell(ChatRef chat, Optional<String> shown, PendingConfirmation confirmation, Optional<CloseTold> told, boolean settling) {
    CloseTold answer = told.orElseGet(() -> CloseTold.text(Replies.noKeyAnyMore()));
    PlacementResults.Result result = OwedActions.told(confirmation, answer.text());
    if (settling) {
      if (!results.settle(chat, shown, confirmation.requester(), result)) {
        return;
      }
    } else if (!results.tellOwed(chat, shown, confirmation.requester(), result)) {
      return;
    }
    answer.choice().ifPresent(choice -> offers.choices(chat, confirmation.requester(), choice.label() + "?", List.of(choice)));
  }

  /**
   * One list of a {@code /panic close}: cancelled, then what it held (as the cancel's answer shows)
   * sold or bought back at market, on the side that closes it. A list the bot did not place is only
   * cancelled: it cannot tell what such a list holds.
   */
  CloseTold closeForPanic(
      ApiCredentials credentials, UserRef user, ChatRef chat, PendingAction.ListHandle list, ClientOrderId clientOrderId, UUID action) {
    String name = cancels.name(list);
    Optional<TrackedOrderList> tracked = lists.tracked(user, list.orderListId());
    if (tracked.isEmpty()) {
      return switch (cancels.cancelFirst(credentials, user, chat, list)) {
        case ListCancels.FirstCancel.Done done -> CloseTold.text(TradeReplies.panicCancelledOnly(name));
        case ListCancels.FirstCancel.AlreadyEnded ended -> CloseTold.text(ended.after(TradeReplies.notClosedListEnded(name, ended.sentence())));
        case ListCancels.FirstCancel.NotDone notDone -> CloseTold.notCancelled(TradeReplies.notClosed(name, notDone.sentence()));
      };
    }
    // the side that closes it is the exits' side, read from the list as it stands
    Optional<PlacedOrderList> now = exchange.orderList(credentials, OrderListRef.of(new OrderListId(list.orderListId())));
    if (now.isEmpty()) {
      return CloseTold.text(TradeReplies.notClosedListEnded(name, "it is no longer open"));
    }
    if (!now.get().isOpen()) {
      // ended before this panic (cancelled in Binance's app, say): what it still held is said, and offered to be closed
      LiveList ended = lists.fromAnswer(tracked.get(), now.get(), credentials);
      BigDecimal step = MarketFills.step(exchange.rules(list.symbol()));
      BigDecimal held = MarketFills.roundDown(ended.held(), step);
      String text = TradeReplies.notClosedListEnded(name, "it is no longer open")
          + (held.signum() > 0 ? " " + TradeReplies.heldWithNoOrder(held, list.symbol()) : "");
      return offeringClose(Optional.of(ended), step, list, text);
    }
    LiveList placed = lists.fromAnswer(tracked.get(), now.get(), credentials);
    return close(credentials, user, chat, new PendingAction.CloseList(list, placed.exitSide()), name, clientOrderId, action);
  }

  private CloseTold close(
      ApiCredentials credentials, UserRef user, ChatRef chat, PendingAction.CloseList close, String name, ClientOrderId clientOrderId,
      UUID action) {
    return switch (cancels.cancelFirst(credentials, user, chat, close.list())) {
      case ListCancels.FirstCancel.NotDone notDone -> CloseTold.notCancelled(TradeReplies.notClosed(name, notDone.sentence()));
      case ListCancels.FirstCancel.AlreadyEnded ended -> {
        CloseTold told = CloseTold.text(ended.after(TradeReplies.notClosedListEnded(name, ended.sentence())));
        // its entry's fill is left with no exit: what the trader asked for is still to be done
        yield ended.unguarded().isPresent() ? offeringClose(credentials, user, close.list(), told) : told;
      }
      case ListCancels.FirstCancel.Done done -> {
        Optional<TrackedOrderList> tracked = lists.tracked(user, close.list().orderListId());
        BigDecimal heldNow = tracked.map(t -> lists.fromAnswer(t, done.answer(), credentials).held()).orElse(BigDecimal.ZERO);
        BigDecimal quantity = MarketFills.roundDown(heldNow, MarketFills.step(exchange.rules(close.list().symbol())));
        String dust = quantity.compareTo(heldNow) < 0 ? TradeReplies.dustLeft(heldNow.subtract(quantity)) : "";
        if (quantity.signum() == 0) {
          yield CloseTold.text(TradeReplies.closedHoldingNothing(name) + (heldNow.signum() > 0 ? dust : ""));
        }
        yield market(
            credentials, close.list().symbol(), close.side(), quantity, "Cancelled " + name, clientOrderId, action,
            new PendingAction.CloseHeld(close.list().symbol(), close.side(), quantity)).plus(dust);
      }
    };
  }

  /**
   * A close whose list had ended with its entry's fill left with no exit: what the list still held,
   * read back from the exchange, is offered to be closed at market with one button (nothing is sent
   * without it: the trader may have sold it elsewhere). Without a read-back, only {@code told}.
   */
  private CloseTold offeringClose(ApiCredentials credentials, UserRef user, PendingAction.ListHandle list, CloseTold told) {
    Optional<LiveList> ended;
    BigDecimal step;
    try {
      ended = exchange.orderList(credentials, OrderListRef.of(new OrderListId(list.orderListId())))
          .filter(placed -> !placed.isOpen())
          .flatMap(placed -> lists.tracked(user, list.orderListId()).map(t -> lists.fromAnswer(t, placed, credentials)));
      step = MarketFills.step(exchange.rules(list.symbol()));
    } catch (ExchangeException e) {
      LOG.warn("reading back the ended list {} failed: {}", list.orderListId(), e.getMessage());
      return told;
    }
    return offeringClose(ended, step, list, told.text());
  }

  /** {@code text}, then the offer to close at market what {@code ended} still held, rounded down to {@code step}. */
  private static CloseTold offeringClose(Optional<LiveList> ended, BigDecimal step, PendingAction.ListHandle list, String text) {
    BigDecimal quantity = MarketFills.roundDown(ended.map(LiveList::held).orElse(BigDecimal.ZERO), step);
    return quantity.signum() > 0
        ? CloseTold.offeringClose(text, new PendingAction.CloseHeld(list.symbol(), ended.orElseThrow().exitSide(), quantity))
        : CloseTold.text(text);
  }

  /**
   * The market order of {@code action}, sent only while the action may still send it ({@link
   * OwedActions#maySend}): held up past its lease, another instance's settlement may have answered
   * for it with a Retry of its own, and two market orders would sell one position twice. A refused
   * order offers {@code retry}.
   */
  private CloseTold market(
      ApiCredentials credentials, Symbol symbol, Side side, BigDecimal quantity, String what, ClientOrderId clientOrderId,
      UUID action, PendingAction.CloseHeld retry) {
    if (!owed.maySend(action)) {
      LOG.warn("market {} {} {} of confirmation {} not sent: another instance answers for it", side, quantity.toPlainString(), symbol, action);
      return CloseTold.offeringClose(TradeReplies.marketHeldBack(what, side, quantity, symbol), retry.andNotSent(clientOrderId));
    }
    MarketOrderResult result;
    try {
      result = exchange.placeMarket(credentials, new MarketOrderRequest(symbol, side, quantity), clientOrderId);
    } catch (ExchangeException e) {
      // only a lost answer leaves the order in doubt; any other error means it was not placed
      result =
          e.error() instanceof ExchangeError.OutcomeUnknown
              ? new MarketOrderResult.Unknown(clientOrderId, e.error().code(), e.error().reason())
              : new MarketOrderResult.Rejected(e.error());
    }
    return switch (result) {
      case MarketOrderResult.Executed executed ->
          withTheRest(MarketFills.filled(what, side, quantity, executed.order()), symbol, side, quantity, executed.order().report(), List.of());
      case MarketOrderResult.Rejected rejected -> {
        LOG.warn("market {} {} {} refused: {}", side, quantity.toPlainString(), symbol, rejected.error().getClass().getSimpleName());
        yield new CloseTold(TradeReplies.marketRefused(what, rejected.error(), side, quantity, symbol), Optional.of(retry));
      }
      case MarketOrderResult.Unknown unknown -> CloseTold.text(lookUp(credentials, symbol, side, quantity, what, clientOrderId));
    };
  }

  /**
   * {@code text} of a market order that ended having sold (or bought) less than {@code quantity}, the
   * book having run out: the rest is offered with a button of its own, which looks up {@code earlier}
   * first.
   */
  private CloseTold withTheRest(
      String text, Symbol symbol, Side side, BigDecimal quantity, LegReport report, List<ClientOrderId> earlier) {
    BigDecimal rest = MarketFills.roundDown(quantity.subtract(report.executedQty()), MarketFills.step(exchange.rules(symbol)));
    return rest.signum() > 0 && Notices.ends(report.status())
        ? CloseTold.offeringClose(text, new PendingAction.CloseHeld(symbol, side, rest, earlier))
        : CloseTold.text(text);
  }

  private String lookUp(ApiCredentials credentials, Symbol symbol, Side side, BigDecimal quantity, String what, ClientOrderId clientOrderId) {
    try {
      Optional<OrderSnapshot> found = exchange.order(credentials, symbol, OrderRef.of(clientOrderId));
      if (found.isPresent()) {
        return MarketFills.filled(what, side, quantity, found.get());
      }
    } catch (ExchangeException e) {
      LOG.warn("looking up the market order {} failed: {}", clientOrderId, e.getMessage());
    }
    return TradeReplies.marketUnknown(what, side, quantity, clientOrderId.value());
  }

  /** The market order's client id: {@code oc-} and the confirmation's id, as a list's is {@code ob-} and it. */
  static ClientOrderId marketId(PendingConfirmation confirmation) {
    return new ClientOrderId(MARKET_PREFIX + Tokens.clientListId(confirmation.id()).value().substring(3));
  }
}
