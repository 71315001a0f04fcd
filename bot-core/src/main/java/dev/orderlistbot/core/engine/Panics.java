package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code /panic} and {@code /panic close}: every open order list of the trader, on every symbol, is
 * cancelled (and with {@code close} what it held closed at market), after one confirmation that names
 * them all. Each list is cancelled once, through the same path as {@code /cancel} (followed and
 * audited); each market order carries its own client id, made from the confirmation and the list's
 * place. The answer says per list what happened; the lists that failed get one Retry. A panic is
 * owed its answer from its Confirm's claim ({@link OwedActions}): one a stop cut short is settled
 * from the exchange after the restart, list by list. Thread-safe.
 */
final class Panics {
  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final ActionOffers offers;
  private final ListCancels cancels;
  private final MarketCloses closes;
  private final PlacementResults results;
  private final OwedActions owed;
  private final CutShortCancels cutShorts;

  Panics(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      ActionOffers offers,
      ListCancels cancels,
      MarketCloses closes,
      PlacementResults results,
      OwedActions owed,
      CutShortCancels cutShorts) {
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.offers = offers;
    this.cancels = cancels;
    this.closes = closes;
    this.results = results;
    this.owed = owed;
    this.cutShorts = cutShorts;
  }

  void preview(ChatRef chat, UserRef user, boolean close) {
    offers.answer(chat, accounts.withCredentials(user, credentials -> offer(chat, user, credentials, close)));
  }

  private String offer(ChatRef chat, UserRef user, ApiCredentials credentials, boolean close) {
    List<PendingAction.ListHandle> open =
        exchange.openOrderLists(credentials).stream()
            .sorted(Comparator.comparingLong(list -> list.id().value()))
            .map(list -> new PendingAction.ListHandle(list.symbol(), list.id().value()))
            .toList();
    if (open.isEmpty()) {
      return Replies.noOpenLists();
    }
    List<String> names = open.stream().map(cancels::name).toList();
    offers.offer(chat, user, TradeReplies.panicPreview(config.environment(), names, close, offers.ttl()), new PendingAction.Panic(open, close));
    return "";
  }

  /** Confirm won its claim: each list once, in order, and one answer that says what became of each. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.Panic panic) {
    UserRef user = confirmation.requester();
    owed.running(confirmation.id(), () -> {
      Optional<Report> report = accounts.withCredentials(user, credentials -> runAll(credentials, user, press.chat(), confirmation, panic));
      tell(press.chat(), Optional.of(press.message().messageId()), confirmation, panic, report, false);
      return null;
    });
  }

  /**
   * A panic a stop cut short, settled from the exchange: per list, a close's market order read back
   * by its client id (never sent again) or what the list was left holding, and a list never
   * cancelled said to work still, with a Retry.
   */
  void settle(PendingConfirmation confirmation, PendingAction.Panic panic, ApiCredentials credentials) {
    List<String> lines = new ArrayList<>();
    List<PendingAction.ListHandle> failed = new ArrayList<>();
    List<PendingAction.CloseHeld> retries = new ArrayList<>();
    for (int i = 0; i < panic.lists().size(); i++) {
      PendingAction.ListHandle list = panic.lists().get(i);
      CloseTold told =
          panic.close()
              ? closes.cutShort(credentials, confirmation.requester(), list, marketId(confirmation, i))
              : cutShorts.settle(credentials, confirmation.requester(), list);
      lines.add("• " + told.text());
      if (told.listStillWorks()) {
        failed.add(list);
      }
      told.retry().filter(PendingAction.CloseHeld.class::isInstance).map(PendingAction.CloseHeld.class::cast).ifPresent(retries::add);
    }
    int done = panic.lists().size() - failed.size() - retries.size();
    Report report = new Report(TradeReplies.panicDone(panic.close(), done, panic.lists().size(), lines), failed, retries);
    tell(confirmation.chat(), confirmation.messageRef(), confirmation, panic, Optional.of(report), true);
  }

  /**
   * The answer, in one transaction with the panic no longer owed and the cancels' kept warnings
   * withdrawn; then the Retries. A settlement ({@code settling}) tells it only while the panic is
   * still owed: told meanwhile, its buttons would send orders a second time.
   */
  private void tell(
      ChatRef chat, Optional<String> shown, PendingConfirmation confirmation, PendingAction.Panic panic, Optional<Report> report,
      boolean settling) {
    UserRef user = confirmation.requester();
    Report told = report.orElseGet(() -> new Report(Replies.noKeyAnyMore(), List.of(), List.of()));
    PlacementResults.Result result =
        new PlacementResults.Result(
            "action:" + confirmation.id(),
            stores -> {
              boolean wasOwed = stores.owedActions().paid(confirmation.id());
              // this answer (or the one told first) says what each cancel left held: the warnings kept for a lost answer are not needed
              HeldWarnings.withdraw(stores, panic.lists());
              return wasOwed;
            },
            told.text());
    // each list's close at market, then the panic's sum
    for (String closed : told.closed()) {
      result = result.audited(AuditAction.TRADE_ACTION_SETTLED, closed);
    }
    PlacementResults.Result audited = result.audited(AuditAction.TRADE_ACTION_SETTLED, auditSubject(confirmation, panic, told));
    if (settling) {
      if (!results.settle(chat, shown, user, audited)) {
        return;
      }
    } else if (!results.tellOwed(chat, shown, user, audited)) {
      // a correction of a settlement's answer: its buttons stand
      return;
    }
    List<ActionOffers.Choice> choices = new ArrayList<>();
    if (!told.failed().isEmpty()) {
      choices.add(new ActionOffers.Choice(TradeReplies.RETRY, new PendingAction.Panic(told.failed(), panic.close())));
    }
    // a list already cancelled whose market order was refused: its retry is that market order, not the panic
    told.closes().forEach(close -> choices.add(new ActionOffers.Choice(TradeReplies.closeHeldButton(close), close)));
    if (!choices.isEmpty()) {
      offers.choices(chat, user, TradeReplies.RETRY + "?", choices);
    }
  }

  /**
   * The answer, the lists that still work because their cancel failed, and the market orders to
   * send again for lists already cancelled.
   */
  private record Report(
      String text, List<PendingAction.ListHandle> failed, List<PendingAction.CloseHeld> closes, List<String> closed) {
    Report(String text, List<PendingAction.ListHandle> failed, List<PendingAction.CloseHeld> closes) {
      this(text, failed, closes, List.of());
    }
  }

  private Report runAll(
      ApiCredentials credentials, UserRef user, ChatRef chat, PendingConfirmation confirmation, PendingAction.Panic panic) {
    List<String> lines = new ArrayList<>();
    List<PendingAction.ListHandle> failed = new ArrayList<>();
    List<PendingAction.CloseHeld> retries = new ArrayList<>();
    List<String> closed = new ArrayList<>();
    for (int i = 0; i < panic.lists().size(); i++) {
      PendingAction.ListHandle list = panic.lists().get(i);
      if (panic.close()) {
        CloseTold told = closes.closeForPanic(credentials, user, chat, list, marketId(confirmation, i), confirmation.id());
        lines.add("• " + told.text());
        closed.add("list:" + list.symbol() + ":" + list.orderListId() + " panic close: " + told.text());
        if (told.listStillWorks()) {
          failed.add(list);
        }
        told.retry().filter(PendingAction.CloseHeld.class::isInstance).map(PendingAction.CloseHeld.class::cast).ifPresent(retries::add);
      } else {
        switch (cancels.cancelOnly(credentials, user, chat, list)) {
          case ListCancels.FirstCancel.Done done -> lines.add("• " + done.sentence());
          case ListCancels.FirstCancel.AlreadyEnded ended ->
              lines.add("• " + ended.after(TradeReplies.panicAlreadyEnded(cancels.name(list), ended.sentence())));
          case ListCancels.FirstCancel.NotDone notDone -> {
            lines.add("• " + TradeReplies.panicNotCancelled(cancels.name(list), notDone.sentence()));
            failed.add(list);
          }
        }
      }
    }
    int done = panic.lists().size() - failed.size() - retries.size();
    return new Report(TradeReplies.panicDone(panic.close(), done, panic.lists().size(), lines), failed, retries, closed);
  }

  /** What the audit keeps of a panic's outcome: how many lists ended, and the ids of those still working. */
  private static String auditSubject(PendingConfirmation confirmation, PendingAction.Panic panic, Report told) {
    String stillWorking =
        told.failed().isEmpty()
            ? ""
            : "; still working: " + String.join(", ", told.failed().stream().map(l -> l.symbol() + ":" + l.orderListId()).toList());
    return "confirmation:" + confirmation.id() + " panic" + (panic.close() ? " close" : "") + ": "
        + (panic.lists().size() - told.failed().size()) + " of " + panic.lists().size() + " ended" + stillWorking;
  }

  /** The market order of the {@code index}th list: {@code oc-}, the confirmation's id and the index. */
  private static ClientOrderId marketId(PendingConfirmation confirmation, int index) {
    return new ClientOrderId(MarketCloses.marketId(confirmation).value() + "-" + index);
  }
}
