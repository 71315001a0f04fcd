package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.rules.SymbolFilter;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lowers a live list's size ({@code /reduce ID QTY}, the new size) with Binance's amend that keeps
 * the orders' places in the queue: one request on the list's take-profit (on an OCO Binance reduces
 * both legs together), or on its only exit. Increases are refused, as are sizes off the step, under
 * the minimum or not above what already filled; a list whose entry has not filled is not amended
 * (its pending exits would keep the old size). A lost answer is read back from the order, never
 * sent again. Thread-safe.
 */
final class SizeReductions {
  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final LiveLists lists;
  private final ActionOffers offers;
  private final ListCancels cancels;
  private final PlacementResults results;
  private final OwedActions owed;

  SizeReductions(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      Transactor transactor,
      ActionOffers offers,
      ListCancels cancels,
      PlacementResults results,
      OwedActions owed) {
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.lists = new LiveLists(exchange, transactor);
    this.offers = offers;
    this.cancels = cancels;
    this.results = results;
    this.owed = owed;
  }

  void preview(ChatRef chat, UserRef user, long orderListId, BigDecimal newQuantity) {
    Optional<String> refusal = accounts.withCredentials(user, credentials -> offer(chat, user, credentials, orderListId, newQuantity));
    offers.answer(chat, refusal);
  }

  private String offer(ChatRef chat, UserRef user, ApiCredentials credentials, long orderListId, BigDecimal wanted) {
    LiveLists.Found found = lists.read(user, credentials, orderListId);
    if (found instanceof LiveLists.Found.Refusal refusal) {
      return refusal.sentence();
    }
    LiveList live = ((LiveLists.Found.Live) found).list();
    if (!live.entryFilled()) {
      return TradeReplies.reduceBeforeEntry(live.name(), orderListId);
    }
    Optional<OrderSnapshot> exit =
        Stream.of(LegRole.TAKE_PROFIT, LegRole.STOP_LOSS)
            .map(live::order)
            .flatMap(Optional::stream)
            .filter(o -> o.report().status() == LegStatus.NEW || o.report().status() == LegStatus.PARTIALLY_FILLED)
            .findFirst();
    if (exit.isEmpty() || exit.get().report().origQty().isEmpty()) {
      return TradeReplies.nothingToReduce(live.name());
    }
    BigDecimal current = exit.get().report().origQty().get();
    BigDecimal executed = exit.get().report().executedQty();
    SymbolRules rules = exchange.rules(live.symbol());
    Optional<String> wrong = wrongSize(wanted, current, executed, rules, orderListId);
    if (wrong.isPresent()) {
      return wrong.get();
    }
    boolean pair = live.leg(LegRole.TAKE_PROFIT).isPresent() && live.leg(LegRole.STOP_LOSS).isPresent();
    int amendLimit = rules.filter(SymbolFilter.MaxNumOrderAmends.class).map(SymbolFilter.MaxNumOrderAmends::limit).orElse(0);
    offers.offer(
        chat, user,
        TradeReplies.reducePreview(config.environment(), live.name(), current, wanted, pair, amendLimit, offers.ttl()),
        new PendingAction.ReduceList(new PendingAction.ListHandle(live.symbol(), orderListId), exit.get().clientOrderId(), wanted));
    return "";
  }

  private static Optional<String> wrongSize(
      BigDecimal wanted, BigDecimal current, BigDecimal executed, SymbolRules rules, long orderListId) {
    if (wanted.compareTo(current) >= 0) {
      return Optional.of(TradeReplies.notAReduction(wanted, current, orderListId));
    }
    if (wanted.compareTo(executed) <= 0) {
      return Optional.of(TradeReplies.belowFilled(wanted, executed));
    }
    Optional<SymbolFilter.LotSize> lot = rules.filter(SymbolFilter.LotSize.class);
    if (lot.isPresent() && lot.get().stepSize().signum() > 0) {
      BigDecimal step = lot.get().stepSize();
      BigDecimal lower = wanted.divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
      if (lower.compareTo(wanted) != 0) {
        return Optional.of(TradeReplies.offStep(wanted, step, lower, orderListId));
      }
    }
    if (lot.isPresent() && wanted.compareTo(lot.get().minQty()) < 0) {
      return Optional.of(TradeReplies.belowMinimum(wanted, lot.get().minQty()));
    }
    return Optional.empty();
  }

  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.ReduceList reduce) {
    UserRef user = confirmation.requester();
    String name = cancels.name(reduce.list());
    owed.running(confirmation.id(), () -> {
      String text = accounts.withCredentials(user, credentials -> amend(credentials, reduce, name)).orElseGet(Replies::noKeyAnyMore);
      results.tellOwed(press.chat(), Optional.of(press.message().messageId()), user, OwedActions.told(confirmation, text));
      return null;
    });
  }

  /** A reduction a crash cut short, settled by reading the order back: it took, or it was never sent. */
  void settle(PendingConfirmation confirmation, PendingAction.ReduceList reduce, ApiCredentials credentials) {
    String name = cancels.name(reduce.list());
    String text =
        tookAfterAll(credentials, reduce)
            ? TradeReplies.reduced(name, reduce.newQuantity())
            : TradeReplies.reduceCutShort(name);
    // told only while still owed (a reduction told meanwhile is not told twice)
    results.settle(confirmation.chat(), confirmation.messageRef(), confirmation.requester(), OwedActions.told(confirmation, text));
  }

  /** After a lost answer: whether the order now has the new quantity (read back, never sent again). */
  private boolean tookAfterAll(ApiCredentials credentials, PendingAction.ReduceList reduce) {
    try {
      Optional<OrderSnapshot> now = exchange.order(credentials, reduce.list().symbol(), OrderRef.of(reduce.leg()));
      return now.flatMap(o -> o.report().origQty()).map(q -> q.compareTo(reduce.newQuantity()) == 0).orElse(false);
    } catch (ExchangeException e) {
      return false;
    }
  }

  private String amend(ApiCredentials credentials, PendingAction.ReduceList reduce, String name) {
    try {
      exchange.amendQuantity(credentials, reduce.list().symbol(), reduce.leg(), reduce.newQuantity());
      return TradeReplies.reduced(name, reduce.newQuantity());
    } catch (ExchangeException e) {
      if (e.error() instanceof ExchangeError.OutcomeUnknown) {
        return tookAfterAll(credentials, reduce)
            ? TradeReplies.reduced(name, reduce.newQuantity())
            : TradeReplies.reduceUnknown(name, reduce.list().orderListId());
      }
      return TradeReplies.notReduced(name, Replies.exchangeError(e.error()));
    }
  }
}
