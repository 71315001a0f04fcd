package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.rules.PreTradeCheck;
import java.time.Clock;
import java.util.Optional;

/**
 * Managing a placed list from the chat: move its stop, close it at market, reduce its size. Each
 * command shows a preview of exactly what will be sent, behind the same requester-only,
 * single-use, expiring Confirm as a placement; the list is read fresh from the exchange first, and
 * only its owner may act on it. Management is answered in private only in a group (a position's
 * size and stops are nobody else's business), like {@code /orders}. Thread-safe.
 */
final class TradeActions {
  private final StopMoves stops;
  private final MarketCloses closes;
  private final SizeReductions reductions;
  private final BreakevenMoves breakevens;
  private final OwedActions owed;
  private final ActionSettlement settlement;
  private final Panics panics;
  private final EveryonesPanic everyonesPanic;
  private final EngineConfig config;
  private final ChatOut out;

  private TradeActions(
      StopMoves stops,
      MarketCloses closes,
      SizeReductions reductions,
      BreakevenMoves breakevens,
      OwedActions owed,
      ActionSettlement settlement,
      Panics panics,
      EveryonesPanic everyonesPanic,
      EngineConfig config,
      ChatOut out) {
    this.stops = stops;
    this.closes = closes;
    this.reductions = reductions;
    this.breakevens = breakevens;
    this.owed = owed;
    this.settlement = settlement;
    this.panics = panics;
    this.everyonesPanic = everyonesPanic;
    this.config = config;
    this.out = out;
  }

  /** The trade actions of one engine, sharing its placement, cancels and result outbox. */
  static TradeActions wire(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      Transactor transactor,
      PreTradeCheck check,
      PendingActions actions,
      ListCancels cancels,
      Placement placement,
      PlacementResults results,
      ChatOut out,
      Clock clock,
      RunningWork running) {
    ActionOffers offers = new ActionOffers(config, actions, out);
    OwedActions owed = new OwedActions(clock, running, transactor);
    StopMoves stops = new StopMoves(config, exchange, accounts, transactor, check, offers, cancels, placement, results, out);
    MarketCloses closes = new MarketCloses(config, exchange, accounts, transactor, offers, cancels, results, owed, out);
    SizeReductions reductions = new SizeReductions(config, exchange, accounts, transactor, offers, cancels, results, owed);
    CutShortCancels cutShorts = new CutShortCancels(exchange, cancels, new LiveLists(exchange, transactor));
    Panics panics = new Panics(config, exchange, accounts, offers, cancels, closes, results, owed, cutShorts);
    EveryonesPanic everyones = new EveryonesPanic(config, exchange, accounts, transactor, offers, cancels, results, owed, cutShorts);
    return new TradeActions(
        stops,
        closes,
        reductions,
        new BreakevenMoves(exchange, accounts, transactor, actions, placement, stops, out),
        owed,
        new ActionSettlement(accounts, transactor, owed, closes, reductions, panics, everyones, clock),
        panics,
        everyones,
        config,
        out);
  }

  void moveStop(ChatEvent.TextMessage message, Command.MoveStop command) {
    if (inPrivate(message, "/movestop " + command.orderListId())) {
      stops.preview(message.chat(), message.user(), command.orderListId(), command.stop());
    }
  }

  void reduce(ChatEvent.TextMessage message, Command.ReduceSize command) {
    if (inPrivate(message, "/reduce " + command.orderListId() + " " + command.newQuantity().toPlainString())) {
      reductions.preview(message.chat(), message.user(), command.orderListId(), command.newQuantity());
    }
  }

  void close(ChatEvent.TextMessage message, Command.CloseAtMarket command) {
    if (inPrivate(message, "/close " + command.orderListId())) {
      closes.preview(message.chat(), message.user(), command.orderListId());
    }
  }

  /** In a Confirm's claim: a close or a reduction is owed its outcome from now on. */
  void recordClaim(Stores stores, PendingConfirmation confirmation) {
    owed.recordClaim(stores, confirmation);
  }

  /** Settles the closes and reductions a stop cut short; answers how many. */
  int settleActions() {
    return settlement.settleAll();
  }

  /** Carries out the ladders' breakeven plans whose first target has ended; answers how many it finished. */
  int runBreakevenPlans() {
    return breakevens.sweep();
  }

  /** {@code /panic [close]}: the confirmation that names every open list, in private only in a group. */
  void panic(ChatEvent.TextMessage message, Command.Panic command) {
    if (inPrivate(message, "/panic" + (command.close() ? " close" : ""))) {
      panics.preview(message.chat(), message.user(), command.close());
    }
  }

  /** {@code /panic all}: admins only, in private only (it names every user's lists). */
  void panicAll(ChatEvent.TextMessage message) {
    if (!config.isAdmin(message.user())) {
      out.send(message.chat(), TradeReplies.panicAllAdminsOnly());
    } else if (inPrivate(message, "/panic all")) {
      everyonesPanic.preview(message.chat(), message.user());
    }
  }

  /** Confirm of an admin's panic won its claim. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.PanicAll panic) {
    everyonesPanic.run(press, confirmation, panic);
  }

  /** Confirm of a panic won its claim. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.Panic panic) {
    panics.run(press, confirmation, panic);
  }

  /** Confirm of a stop's move won its claim. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.ReplaceList move) {
    stops.run(press, confirmation, move);
  }

  /** Retry after a stop's move whose new list was refused won its claim. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.RestoreStop restore) {
    stops.restore(press, confirmation, restore);
  }

  /** Confirm of a close at market won its claim. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.CloseList close) {
    closes.run(press, confirmation, close);
  }

  /** Close at market after a failed step won its claim. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.CloseHeld close) {
    closes.run(press, confirmation, close);
  }

  /** Confirm of a reduction won its claim. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.ReduceList reduce) {
    reductions.run(press, confirmation, reduce);
  }

  private boolean inPrivate(ChatEvent.TextMessage message, String command) {
    if (message.kind().isPrivate()) {
      return true;
    }
    out.send(message.chat(), Replies.listsPrivateOnly(command));
    return false;
  }

  /**
   * A button of an order card, pressed by the list's owner (the caller checked): shows the
   * confirmation preview of exactly what {@code action} would send.
   */
  void cardPressed(ChatEvent.ButtonPressed press, CardAction action, long orderListId) {
    switch (action) {
      case CANCEL -> closes.previewCancel(press.chat(), press.user(), orderListId);
      case CLOSE -> closes.preview(press.chat(), press.user(), orderListId);
      case BREAKEVEN -> stops.preview(press.chat(), press.user(), orderListId, Optional.empty());
    }
  }
}
