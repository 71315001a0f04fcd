package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.ClaimResult;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Server-side actions behind buttons: each is a {@link PendingConfirmation} whose token the button
 * carries and whose payload is the {@link PendingAction}. Running or withdrawing one is the store's
 * atomic one-shot claim, recorded in the audit log in the same transaction. Thread-safe.
 */
final class PendingActions {
  private final Transactor transactor;
  private final Clock clock;
  private final SecureRandom random;

  PendingActions(Transactor transactor, Clock clock, SecureRandom random) {
    this.transactor = transactor;
    this.clock = clock;
    this.random = random;
  }

  /** Stores a new pending action for {@code requester}; answers its token. */
  String create(UserRef requester, ChatRef chat, PendingAction action, Duration ttl) {
    return create(requester, chat, action, ttl, false);
  }

  /**
   * Stores a new pending action for {@code requester}, whose run needs a step-up code first when
   * {@code stepUp}; answers its token.
   */
  String create(UserRef requester, ChatRef chat, PendingAction action, Duration ttl, boolean stepUp) {
    String token = Tokens.token(random);
    Instant now = clock.instant();
    String payload = PendingActionCodec.encode(action);
    PendingConfirmation confirmation =
        PendingConfirmation.pending(
            Tokens.uuid(random), token, requester, chat, stepUp ? PendingActionCodec.withStepUp(payload) : payload, now, now.plus(ttl));
    transactor.inTransaction(
        stores -> {
          stores.confirmations().create(confirmation);
          return null;
        });
    return token;
  }

  /**
   * Remembers which message shows the buttons of {@code token}, shown now: the action's time to
   * live counts from now, if it had not run out while the message waited for the platform's pace
   * ({@link dev.orderlistbot.core.port.out.PendingConfirmationStore#attachMessageRef}).
   */
  void attach(String token, MessageRef message) {
    Instant shown = clock.instant();
    transactor.inTransaction(stores -> stores.confirmations().attachMessageRef(token, message.messageId(), shown));
  }

  /**
   * The requester's press on the action's run button: wins at most once, ever.
   *
   * @param onClaim written in the claim's own transaction when the press wins (a placement's record)
   */
  ClaimResult run(String token, UserRef user, ChatRef from, BiConsumer<Stores, PendingConfirmation> onClaim) {
    return transactor.inTransaction(
        stores -> {
          ClaimResult result = stores.confirmations().claim(token, user);
          if (result instanceof ClaimResult.Claimed claimed) {
            PendingConfirmation c = claimed.confirmation();
            stores.audit().record(audit(user, from, subjectOf(c, AuditAction.ORDER_LIST_CONFIRMED), c));
            onClaim.accept(stores, c);
          }
          return result;
        });
  }

  /** The requester's press on the action's withdraw button (Cancel on a preview, Keep them). */
  ClaimResult withdraw(String token, UserRef user, ChatRef from) {
    return transactor.inTransaction(
        stores -> {
          ClaimResult result = stores.confirmations().cancel(token, user);
          if (result instanceof ClaimResult.Claimed claimed) {
            PendingConfirmation c = claimed.confirmation();
            stores.audit().record(audit(user, from, AuditAction.ORDER_LIST_CANCELLED, c));
          }
          return result;
        });
  }

  Optional<PendingConfirmation> find(String token) {
    return transactor.inTransaction(stores -> stores.confirmations().findByToken(token));
  }

  /** What a confirmation does, in a few words (for a step-up question and the audit). */
  static String describe(PendingConfirmation confirmation) {
    return describe(PendingActionCodec.decode(confirmation.payload()));
  }

  /** Running a cancel action is audited as a cancel, a panic as a panic, running a placement as a confirmation. */
  private static AuditAction subjectOf(PendingConfirmation confirmation, AuditAction placing) {
    return switch (PendingActionCodec.decode(confirmation.payload())) {
      case PendingAction.PlaceList place -> placing;
      case PendingAction.PlacePlan plan -> placing;
      case PendingAction.CancelList cancel -> AuditAction.ORDER_LIST_CANCELLED;
      case PendingAction.CancelAll all -> AuditAction.ORDER_LIST_CANCELLED;
      case PendingAction.ReplaceList replace -> AuditAction.TRADE_ACTION_CONFIRMED;
      case PendingAction.RestoreStop restore -> AuditAction.TRADE_ACTION_CONFIRMED;
      case PendingAction.CloseList close -> AuditAction.TRADE_ACTION_CONFIRMED;
      case PendingAction.Panic panic -> AuditAction.PANIC_CONFIRMED;
      case PendingAction.PanicAll panic -> AuditAction.PANIC_CONFIRMED;
      case PendingAction.CloseHeld close -> AuditAction.TRADE_ACTION_CONFIRMED;
      case PendingAction.ReduceList reduce -> AuditAction.TRADE_ACTION_CONFIRMED;
    };
  }

  private AuditEntry audit(UserRef user, ChatRef from, AuditAction action, PendingConfirmation confirmation) {
    String subject = "confirmation:" + confirmation.id() + " " + describe(PendingActionCodec.decode(confirmation.payload()));
    return new AuditEntry(clock.instant(), user, action, subject.strip(), Optional.of(from));
  }

  static String describe(PendingAction action) {
    return switch (action) {
      case PendingAction.PlaceList place -> Texts.summary(place.request());
      // bounded whatever the number of lists: the audit's subject holds 200 characters
      case PendingAction.PlacePlan plan ->
          "plan of " + plan.requests().size() + " " + plan.requests().get(0).kind() + " lists on "
              + plan.requests().get(0).symbol() + (plan.breakeven() ? " with be" : "");
      case PendingAction.CancelList cancel -> "cancel " + cancel.list().symbol() + " #" + cancel.list().orderListId();
      case PendingAction.CancelAll all -> "cancel all (" + all.lists().size() + ")";
      case PendingAction.ReplaceList replace ->
          "move stop " + replace.old().symbol() + " #" + replace.old().orderListId() + ": " + Texts.summary(replace.replacement());
      case PendingAction.RestoreStop restore ->
          "restore stop " + restore.old().symbol() + " #" + restore.old().orderListId() + ": " + Texts.summary(restore.replacement());
      case PendingAction.Panic panic -> "panic" + (panic.close() ? " close" : "") + " (" + panic.lists().size() + ")";
      case PendingAction.PanicAll panic ->
          "panic all (" + panic.lists().size() + " lists of "
              + panic.lists().stream().map(PendingAction.OwnedList::owner).distinct().count() + " users)";
      case PendingAction.CloseList close -> "close at market " + close.list().symbol() + " #" + close.list().orderListId();
      case PendingAction.CloseHeld held ->
          "market " + held.side() + " " + held.quantity().toPlainString() + " " + held.symbol();
      case PendingAction.ReduceList reduce ->
          "reduce " + reduce.list().symbol() + " #" + reduce.list().orderListId() + " to " + reduce.newQuantity().toPlainString();
    };
  }
}
