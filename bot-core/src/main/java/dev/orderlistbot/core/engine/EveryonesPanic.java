package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.engine.PendingAction.ListHandle;
import dev.orderlistbot.core.engine.PendingAction.OwnedList;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.SealedCredential;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.port.out.ExchangeClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An admin's {@code /panic all}: every open order list of every user of the bot is cancelled, after
 * one confirmation that names them all, each once and through the same path as {@code /cancel}
 * (followed and audited). The admin is told per user and per list what happened, with one Retry
 * for the lists whose cancel failed; each user whose lists were touched is told in private. Users
 * whose lists could not be read are named in the preview and left alone. Closing at market stays
 * each trader's own decision ({@code /panic close}). It is owed its answer from its Confirm's claim
 * ({@link OwedActions}); one a stop cut short is settled after the restart from the exchange, list
 * by list, with each owner's key. Thread-safe.
 */
final class EveryonesPanic {
  private static final Logger LOG = LoggerFactory.getLogger(EveryonesPanic.class);

  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final Transactor transactor;
  private final ActionOffers offers;
  private final ListCancels cancels;
  private final PlacementResults results;
  private final OwedActions owed;
  private final CutShortCancels cutShorts;

  /** One list's line in the answers, and whether the list still works (its cancel is retried). */
  private record Line(String text, boolean stillWorks) {}

  /** What is done to one list of one owner: cancelled now, or read back after a stop. */
  @FunctionalInterface
  private interface Step {
    Line run(ApiCredentials credentials, UserRef owner, ChatRef chat, ListHandle list);
  }

  EveryonesPanic(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      Transactor transactor,
      ActionOffers offers,
      ListCancels cancels,
      PlacementResults results,
      OwedActions owed,
      CutShortCancels cutShorts) {
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.transactor = transactor;
    this.offers = offers;
    this.cancels = cancels;
    this.results = results;
    this.owed = owed;
    this.cutShorts = cutShorts;
  }

  /** The confirmation naming every open list of every user; the caller checked the admin and the private chat. */
  void preview(ChatRef chat, UserRef admin) {
    List<OwnedList> open = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    for (UserRef user : users()) {
      try {
        accounts.withCredentials(user, credentials -> openLists(credentials)).ifPresent(lists ->
            lists.forEach(list -> open.add(new OwnedList(user, list))));
      } catch (ExchangeException e) {
        unread.add(TradeReplies.panicAllUnread(user, Replies.exchangeError(e.error())));
      } catch (RuntimeException e) {
        // one user's unreadable key or a storage hiccup must not stop the panic of everyone else
        LOG.warn("/panic all: the lists of {} could not be read", user, e);
        unread.add(TradeReplies.panicAllUnread(user, TradeReplies.panicAllBotFailed()));
      }
    }
    if (open.isEmpty()) {
      offers.answer(chat, Optional.of(TradeReplies.panicAllNothing(unread)));
      return;
    }
    List<String> names = open.stream().map(owned -> owned.owner() + ": " + cancels.name(owned.list())).toList();
    offers.offer(
        chat, admin, TradeReplies.panicAllPreview(config.environment(), names, unread, offers.ttl()), new PendingAction.PanicAll(open));
  }

  /** Confirm won its claim: each list once, user by user; the admin hears all, each user their own. */
  void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.PanicAll panic) {
    owed.running(confirmation.id(), () -> {
      answer(press.chat(), Optional.of(press.message().messageId()), confirmation, panic, this::cancel, false);
      return null;
    });
  }

  /**
   * A panic all a stop cut short: each list read back with its owner's key, told as the panic would
   * have. A read-back that fails leaves it owed, to be settled whole on a later run.
   */
  void settle(PendingConfirmation confirmation, PendingAction.PanicAll panic) {
    answer(confirmation.chat(), confirmation.messageRef(), confirmation, panic, (credentials, owner, chat, list) -> {
      CloseTold told = cutShorts.settle(credentials, owner, list);
      return new Line(told.text(), told.listStillWorks());
    }, true);
  }

  private void answer(
      ChatRef chat, Optional<String> shown, PendingConfirmation confirmation, PendingAction.PanicAll panic, Step step,
      boolean settling) {
    Map<UserRef, List<ListHandle>> byOwner = new LinkedHashMap<>();
    panic.lists().forEach(owned -> byOwner.computeIfAbsent(owned.owner(), u -> new ArrayList<>()).add(owned.list()));
    List<String> lines = new ArrayList<>();
    List<OwnedList> failed = new ArrayList<>();
    byOwner.forEach(
        (owner, lists) -> {
          List<String> ownerLines = new ArrayList<>();
          Optional<Boolean> read;
          try {
            read = accounts.withCredentials(owner, credentials -> each(credentials, owner, chat, lists, ownerLines, failed, step));
          } catch (RuntimeException e) {
            if (settling) {
              throw e;
            }
            LOG.warn("/panic all: the key of {} could not be opened", owner, e);
            lists.forEach(list -> {
              ownerLines.add("• " + TradeReplies.panicNotCancelled(cancels.name(list), TradeReplies.panicAllBotFailed()));
              failed.add(new OwnedList(owner, list));
            });
            read = Optional.of(false);
          }
          if (read.isEmpty()) {
            ownerLines.add("• " + Replies.noKeyAnyMore());
            lists.forEach(list -> failed.add(new OwnedList(owner, list)));
          }
          lines.add(owner + ":");
          lines.addAll(ownerLines);
          // only lines that say what each cancel left held make the warnings kept for a lost answer needless
          boolean said = read.orElse(false);
          // told as a correction should a settlement have told this owner first (this panic held up past its lease)
          results.tellOrCorrect(
              new ChatRef(owner.platform(), owner.userId()),
              Optional.empty(),
              owner,
              new PlacementResults.Result(
                  "panic-all:" + confirmation.id() + ":" + owner,
                  stores -> {
                    // this answer says what each cancel left held: the warnings kept for a lost answer are not needed
                    if (said) {
                      HeldWarnings.withdraw(stores, lists);
                    }
                    return true;
                  },
                  TradeReplies.panicAllToOwner(ownerLines)));
        });
    int done = panic.lists().size() - failed.size();
    PlacementResults.Result result =
        new PlacementResults.Result(
                "action:" + confirmation.id(),
                stores -> stores.owedActions().paid(confirmation.id()),
                TradeReplies.panicDone(false, done, panic.lists().size(), lines))
            .audited(
                AuditAction.TRADE_ACTION_SETTLED,
                "confirmation:" + confirmation.id() + " panic all: " + done + " of " + panic.lists().size()
                    + " lists cancelled of " + byOwner.size() + " users");
    // a settlement tells only while the panic is still owed: told meanwhile, its Retry would be a second panic
    boolean told = settling ? results.settle(chat, shown, confirmation.requester(), result) : tellAlways(chat, shown, confirmation, result);
    if (told && !failed.isEmpty()) {
      offers.choices(
          chat,
          confirmation.requester(),
          TradeReplies.RETRY + "?",
          List.of(new ActionOffers.Choice(TradeReplies.RETRY, new PendingAction.PanicAll(failed))));
    }
  }

  private boolean tellAlways(ChatRef chat, Optional<String> shown, PendingConfirmation confirmation, PlacementResults.Result result) {
    results.tellOwed(chat, shown, confirmation.requester(), result);
    return true;
  }

  private static boolean each(
      ApiCredentials credentials, UserRef owner, ChatRef chat, List<ListHandle> lists, List<String> lines, List<OwnedList> failed,
      Step step) {
    for (ListHandle list : lists) {
      Line line = step.run(credentials, owner, chat, list);
      lines.add("• " + line.text());
      if (line.stillWorks()) {
        failed.add(new OwnedList(owner, list));
      }
    }
    return true;
  }

  /** Cancels one list now; a failure of the bot's own (not the exchange's answer) leaves it working and said so. */
  private Line cancel(ApiCredentials credentials, UserRef owner, ChatRef chat, ListHandle list) {
    ListCancels.FirstCancel first;
    try {
      first = cancels.cancelOnly(credentials, owner, chat, list);
    } catch (RuntimeException e) {
      // the cancel puts the list's state back when it fails before the exchange answered
      LOG.warn("/panic all: the cancel of {} of {} failed", list, owner, e);
      return new Line(TradeReplies.panicNotCancelled(cancels.name(list), TradeReplies.panicAllBotFailed()), true);
    }
    return switch (first) {
      case ListCancels.FirstCancel.Done done -> new Line(done.sentence(), false);
      case ListCancels.FirstCancel.AlreadyEnded ended ->
          new Line(ended.after(TradeReplies.panicAlreadyEnded(cancels.name(list), ended.sentence())), false);
      case ListCancels.FirstCancel.NotDone notDone -> new Line(TradeReplies.panicNotCancelled(cancels.name(list), notDone.sentence()), true);
    };
  }

  private List<ListHandle> openLists(ApiCredentials credentials) {
    return exchange.openOrderLists(credentials).stream()
        .sorted(Comparator.comparingLong(list -> list.id().value()))
        .map(list -> new ListHandle(list.symbol(), list.id().value()))
        .toList();
  }

  /** Everyone with a stored key, and everyone the bot follows a list of (on paper, nobody has a key). */
  private List<UserRef> users() {
    TreeSet<UserRef> users = new TreeSet<>(Comparator.comparing(UserRef::toString));
    transactor.inTransaction(
        stores -> {
          stores.credentials().listAll().stream().map(SealedCredential::owner).forEach(users::add);
          users.addAll(stores.orderLists().ownersWithOpenLists());
          return null;
        });
    return List.copyOf(users);
  }
}
