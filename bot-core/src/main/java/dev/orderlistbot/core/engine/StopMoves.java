package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.rules.CheckResult;
import dev.orderlistbot.core.rules.MarketSnapshot;
import dev.orderlistbot.core.rules.OpenCounts;
import dev.orderlistbot.core.rules.PreTradeCheck;
import dev.orderlistbot.core.rules.Preview;
import dev.orderlistbot.core.rules.PreviewLeg;
import dev.orderlistbot.core.rules.SymbolRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a live list's stop ({@code /movestop ID PRICE|be}, the card's breakeven button): Binance
 * cannot change a list's prices, so Confirm cancels the list and places its replacement right after,
 * under a client id of its own recorded in the Confirm's claim (so a crash in between leaves a row
 * the settlement answers, never a silent gap). The replacement is sent at most once; when it fails
 * the trader hears at once that the position has no stop, with Retry and Close at market. Nothing is
 * placed when the cancel did not go through or part of the list filled meanwhile. Its Retry ({@link
 * PendingAction.RestoreStop}) places the same replacement once more, never the cancel. Thread-safe.
 */
final class StopMoves {
  private static final Logger LOG = LoggerFactory.getLogger(StopMoves.class);

  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final LiveLists lists;
  private final PreTradeCheck check;
  private final MarketFacts facts;
  private final ActionOffers offers;
  private final ListCancels cancels;
  private final Placement placement;
  private final PlacementResults results;
  private final ChatOut out;

  StopMoves(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      Transactor transactor,
      PreTradeCheck check,
      ActionOffers offers,
      ListCancels cancels,
      Placement placement,
      PlacementResults results,
      ChatOut out) {
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.lists = new LiveLists(exchange, transactor);
    this.check = check;
    this.facts = new MarketFacts(exchange);
    this.offers = offers;
    this.cancels = cancels;
    this.placement = placement;
    this.results = results;
    this.out = out;
  }

  /** The preview of the move, or why it cannot be made; the sentence when there is no key. */
  void preview(ChatRef chat, UserRef user, long orderListId, Optional<Price> target) {
    Optional<String> refusal = accounts.withCredentials(user, credentials -> offer(chat, user, credentials, orderListId, target));
    offers.answer(chat, refusal);
  }

  /** Offers the move; answers the refusal, or "" once the preview is shown. */
  private String offer(ChatRef chat, UserRef user, ApiCredentials credentials, long orderListId, Optional<Price> target) {
    return switch (prepare(credentials, user, orderListId, target)) {
      case Prepared.Refusal refusal -> refusal.sentence();
      case Prepared.Ready ready -> {
        offers.offer(
            chat, user,
            TradeReplies.moveStopPreview(
                config.environment(), ready.name(), ready.from(), ready.to(), ready.breakeven(), ready.replacement(),
                offers.ttl()),
            ready.action());
        yield "";
      }
    };
  }

  /** A move ready to run, or why it cannot be made. */
  sealed interface Prepared {
    /**
     * A move that can be run.
     *
     * @param action what Confirm runs
     * @param name the list's name
     * @param replacement the new list in words
     */
    record Ready(
        PendingAction.ReplaceList action, String name, BigDecimal from, BigDecimal to, boolean breakeven, String replacement)
        implements Prepared {}

    record Refusal(String sentence) implements Prepared {}
  }

  /**
   * The move of {@code user}'s list {@code orderListId} to {@code target} (breakeven when empty): the
   * list read fresh, the replacement built and checked like any new list.
   */
  Prepared prepare(ApiCredentials credentials, UserRef user, long orderListId, Optional<Price> target) {
    LiveLists.Found found = lists.read(user, credentials, orderListId);
    if (found instanceof LiveLists.Found.Refusal refusal) {
      return new Prepared.Refusal(refusal.sentence());
    }
    LiveList live = ((LiveLists.Found.Live) found).list();
    SymbolRules rules = exchange.rules(live.symbol());
    return switch (StopMovePlans.plan(live, rules, target)) {
      case StopMovePlans.Plan.Refusal refusal -> new Prepared.Refusal(refusal.sentence());
      case StopMovePlans.Plan.Move move -> {
        Price last = exchange.lastPrice(live.symbol());
        MarketSnapshot market =
            // the balance the new list needs is what the old one holds until its cancel: not checked
            new MarketSnapshot(last, facts.band(rules, last), Optional.empty(), OpenCounts.UNKNOWN, OpenCounts.UNKNOWN);
        yield switch (check.check(move.command(), rules, market)) {
          case CheckResult.Refused refused ->
              new Prepared.Refusal(TradeReplies.stopCannotGoThere(
                  move.to(), refused.violations().stream().map(v -> "• " + v.message()).collect(Collectors.joining("\n"))));
          case CheckResult.Accepted accepted -> {
            PendingAction.ListHandle handle = new PendingAction.ListHandle(live.symbol(), orderListId);
            String change = "stop " + Figures.number(move.from()) + " → " + Figures.number(move.to());
            yield new Prepared.Ready(
                new PendingAction.ReplaceList(handle, accepted.request(), change), live.name(), move.from(), move.to(),
                move.breakeven(), describe(accepted.preview()));
          }
        };
      }
    };
  }

  /** Confirm was pressed and won its claim (which recorded the replacement, owed an answer). */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.ReplaceList move) {
    execute(press.chat(), Optional.of(press.message()), confirmation, move);
  }

  /**
   * Cancels the old list and places the replacement, telling the outcome durably on {@code shown}
   * (the preview, or the bot's own status message), or as a new message when there is none.
   */
  void execute(ChatRef chat, Optional<MessageRef> shown, PendingConfirmation confirmation, PendingAction.ReplaceList move) {
    UserRef user = confirmation.requester();
    ClientListId clientId = Tokens.clientListId(confirmation.id());
    String name = cancels.name(move.old());
    placement.inFlight(
        clientId,
        () -> {
          shown.ifPresent(message -> out.editIfPossible(message, TradeReplies.movingStop(name)));
          Optional<Told> told = accounts.withCredentials(user, credentials -> replace(credentials, user, chat, move, clientId, name));
          tell(chat, shown, user, told, clientId, name);
          return null;
        });
  }

  /**
   * Retry after the move's new list was refused won its claim: the old list is cancelled already, so
   * the replacement is only placed, once, under this confirmation's client id; refused again, the
   * trader hears again that the position has no stop, with Retry and Close at market once more.
   */
  void restore(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.RestoreStop restore) {
    UserRef user = confirmation.requester();
    ClientListId clientId = Tokens.clientListId(confirmation.id());
    String name = cancels.name(restore.old());
    OrderListRequest replacement = restore.replacement();
    placement.inFlight(
        clientId,
        () -> {
          out.editIfPossible(press.message(), TradeReplies.restoringStop(name));
          Optional<Told> told =
              accounts.withCredentials(user, credentials -> told(
                  placement.placeOnce(credentials, replacement, clientId), clientId, name, restore,
                  protectedQuantity(replacement), protectedClose(replacement)));
          tell(press.chat(), Optional.of(press.message()), user, told, clientId, name);
          return null;
        });
  }

  /** Tells the move's outcome durably on {@code shown}, and offers the choices that follow it. */
  private void tell(ChatRef chat, Optional<MessageRef> shown, UserRef user, Optional<Told> told, ClientListId clientId, String name) {
    Told answer = told.orElseGet(() -> new Told(StopMoveResults.notMoved(clientId, name, Replies.noKeyAnyMore()), List.of()));
    results.tell(chat, shown.map(MessageRef::messageId), user, answer.result());
    if (!answer.choices().isEmpty()) {
      offers.choices(chat, user, TradeReplies.RETRY + " or " + TradeReplies.CLOSE_NOW + "?", answer.choices());
    }
  }

  /** A result to tell durably, and the buttons to offer after it. */
  record Told(PlacementResults.Result result, List<ActionOffers.Choice> choices) {}

  private Told replace(
      ApiCredentials credentials, UserRef user, ChatRef chat, PendingAction.ReplaceList move, ClientListId clientId, String name) {
    OrderListRequest replacement = move.replacement();
    return switch (cancels.cancelFirst(credentials, user, chat, move.old())) {
      case ListCancels.FirstCancel.NotDone notDone ->
          new Told(StopMoveResults.notMoved(clientId, name, TradeReplies.stopNotMoved(name, notDone.sentence())), List.of());
      case ListCancels.FirstCancel.AlreadyEnded ended ->
          new Told(StopMoveResults.notMoved(clientId, name, ended.after(TradeReplies.stopNotMovedListEnded(name, ended.sentence()))), List.of());
      case ListCancels.FirstCancel.Done done -> {
        Optional<TrackedOrderList> tracked = lists.tracked(user, move.old().orderListId());
        Optional<LiveList> after = tracked.map(t -> lists.fromAnswer(t, done.answer(), credentials));
        BigDecimal held = after.map(LiveList::held).orElse(StopMoveResults.quantity(replacement));
        if (after.isPresent() && StopMoveResults.changedMeanwhile(after.get(), replacement)) {
          LOG.info("{} filled while its stop moved; the replacement {} is not placed", name, clientId);
          yield new Told(
              StopMoveResults.notMoved(
                  clientId, name, TradeReplies.filledMeanwhile(name, held, replacement.symbol(), move.old().orderListId())),
              held.signum() > 0 ? List.of(closeChoice(after.get(), held)) : List.of());
        }
        Placement.Outcome outcome = placement.placeOnce(credentials, replacement, clientId);
        yield told(
            outcome, clientId, name, new PendingAction.RestoreStop(move.old(), replacement), held,
            after.filter(a -> held.signum() > 0).map(a -> closeChoice(a, held)));
      }
    };
  }

  /**
   * What placing the replacement came to; when it was refused, the position has no stop: Retry
   * ({@code retry}, which no safety limit refuses) and, for a position held, {@code close}.
   */
  private Told told(
      Placement.Outcome outcome, ClientListId clientId, String name, PendingAction.RestoreStop retry, BigDecimal held,
      Optional<ActionOffers.Choice> close) {
    OrderListRequest replacement = retry.replacement();
    return switch (outcome) {
      case Placement.Outcome.Placed placed -> {
        PlacedOrderList list = placed.list();
        LOG.info("stop moved: {} replaced by order list #{}", name, list.id());
        yield new Told(
            StopMoveResults.placed(clientId, list,
                TradeReplies.stopMoved(
                    config.environment(), name, Replies.listName(list.symbol(), replacement.kind(), list.id().value()),
                    Texts.legIds(list))),
            List.of());
      }
      case Placement.Outcome.Refused refused -> {
        LOG.warn("stop move of {}: the replacement {} was refused; the position has no stop", name, clientId);
        List<ActionOffers.Choice> choices = new ArrayList<>();
        choices.add(new ActionOffers.Choice(TradeReplies.RETRY, retry));
        close.ifPresent(choices::add);
        yield new Told(
            StopMoveResults.notMoved(clientId, name, TradeReplies.noStopNow(name, refused.error(), held, replacement.symbol())),
            choices);
      }
      case Placement.Outcome.StillUnknown unknown ->
          new Told(StopMoveResults.unknown(clientId, TradeReplies.replacementUnknown(name, clientId.value())), List.of());
      case Placement.Outcome.Failed failed ->
          new Told(StopMoveResults.unknown(clientId, TradeReplies.replacementUnknown(name, clientId.value())), List.of());
      case Placement.Outcome.NoKey noKey -> new Told(StopMoveResults.notMoved(clientId, name, Replies.noKeyAnyMore()), List.of());
    };
  }

  private static ActionOffers.Choice closeChoice(LiveList list, BigDecimal held) {
    return new ActionOffers.Choice(TradeReplies.CLOSE_NOW, new PendingAction.CloseHeld(list.symbol(), list.exitSide(), held));
  }

  /**
   * The position a replacement protects: an OCO's quantity (the old list's entry had filled); none
   * for a list placed again whole (its entry had not filled, so nothing is held).
   */
  private static BigDecimal protectedQuantity(OrderListRequest replacement) {
    return replacement instanceof OrderListRequest.Oco oco ? oco.quantity().value() : BigDecimal.ZERO;
  }

  private static Optional<ActionOffers.Choice> protectedClose(OrderListRequest replacement) {
    return replacement instanceof OrderListRequest.Oco oco
        ? Optional.of(new ActionOffers.Choice(
            TradeReplies.CLOSE_NOW, new PendingAction.CloseHeld(oco.symbol(), oco.pair().side(), oco.quantity().value())))
        : Optional.empty();
  }

  /** {@code OCO SELL 0.01 BTCUSDT (take-profit LIMIT_MAKER SELL at 32,000; stop-loss ...)}. */
  private static String describe(Preview preview) {
    String legs =
        preview.legs().stream()
            .map(StopMoves::describe)
            .collect(Collectors.joining("; "));
    return "a new " + preview.kind() + " " + preview.side() + " " + preview.quantity().plain() + " " + preview.symbol() + " (" + legs + ")";
  }

  private static String describe(PreviewLeg leg) {
    return Replies.role(leg.role()) + " "
        + Texts.leg(leg.type().name(), leg.side(), Optional.empty(), leg.price(), leg.stopPrice(), leg.trailingDelta());
  }
}
