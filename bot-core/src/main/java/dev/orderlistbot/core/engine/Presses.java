package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.CodeButtons;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ClaimResult;
import dev.orderlistbot.core.port.out.ConfirmationState;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Button presses: the token names a pending action and whether to run or withdraw it. Only the
 * press that wins the action's one-shot claim does anything; a run that needs a step-up code (a
 * large live placement, {@code /panic close}) is not even tried before the code is right ({@link
 * StepUps}); every other press (a second tap,
 * another user, too late, after a restart on a handled action) gets its own plain answer.
 * Thread-safe.
 */
final class Presses {
  private static final Logger LOG = LoggerFactory.getLogger(Presses.class);

  private final PendingActions actions;
  private final Placement placement;
  private final PlanPlacement plans;
  private final ListCancels cancels;
  private final TradingEnvironment environment;
  private final TradeActions trades;
  private final Transactor transactor;
  private final ChatOut out;
  private final Clock clock;
  private final StepUpGate gate;
  private final StepUps stepUps;
  private final Limits limits;

  Presses(
      PendingActions actions,
      Placement placement,
      PlanPlacement plans,
      ListCancels cancels,
      TradingEnvironment environment,
      TradeActions trades,
      Transactor transactor,
      ChatOut out,
      Clock clock,
      StepUpGate gate,
      StepUps stepUps,
      Limits limits) {
    this.actions = actions;
    this.placement = placement;
    this.plans = plans;
    this.cancels = cancels;
    this.environment = environment;
    this.trades = trades;
    this.transactor = transactor;
    this.out = out;
    this.clock = clock;
    this.gate = gate;
    this.stepUps = stepUps;
    this.limits = limits;
  }

  void handle(ChatEvent.ButtonPressed press) {
    String token = press.token();
    if (token.startsWith(Tokens.RUN) || token.startsWith(CodeButtons.CONFIRM)) {
      String key = token.substring(Tokens.RUN.length());
      Optional<PendingConfirmation> pending = actions.find(key).filter(c -> claimable(c, press.user()));
      Optional<StepUpGate.Decision> decision = pending.flatMap(c -> stepUpOf(press.user(), c));
      if (decision.isPresent()) {
        PendingConfirmation c = pending.get();
        stepUps.guard(press.user(), press.chat(), decision.get(), PendingActions.describe(c), c.expiresAt(), () -> claim(press, key), () -> {});
      } else {
        claim(press, key);
      }
    } else if (token.startsWith(CodeButtons.ENTER)) {
      stepUps.enterPressed(press);
    } else if (token.startsWith(Tokens.WITHDRAW)) {
      withdraw(press);
    } else if (token.startsWith(Tokens.CARD)) {
      card(press);
    } else {
      out.send(press.chat(), Replies.unknownButton());
    }
  }

  /**
   * A code typed into a platform's form: for a Confirm that needs one, the press runs once the code
   * is right; for an "Enter code" button, it answers the question the button sat under.
   */
  void entered(ChatEvent.CodeEntered entered) {
    if (!entered.token().startsWith(CodeButtons.CONFIRM)) {
      stepUps.entered(entered, () -> {}, "");
      return;
    }
    String key = entered.token().substring(CodeButtons.CONFIRM.length());
    ChatEvent.ButtonPressed press =
        new ChatEvent.ButtonPressed(entered.chat(), entered.kind(), entered.user(), entered.message(), Tokens.RUN + key);
    Optional<PendingConfirmation> pending = actions.find(key).filter(c -> claimable(c, entered.user()));
    Optional<StepUpGate.Decision> decision = pending.flatMap(c -> stepUpOf(entered.user(), c));
    switch (decision.orElse(new StepUpGate.Decision.NotNeeded())) {
      case StepUpGate.Decision.NeedsCode needs ->
          stepUps.entered(entered, () -> claim(press, key), PendingActions.describe(pending.get()));
      // not claimable (the claim says why), no code needed, or refused (the guard says why)
      case StepUpGate.Decision other ->
          stepUps.guard(entered.user(), entered.chat(), other, pending.map(PendingActions::describe).orElse(""),
              clock.instant(), () -> claim(press, key), () -> {});
    }
  }

  /** Whether the press of {@code user} could win the claim now; one that could not is explained by the claim itself. */
  private boolean claimable(PendingConfirmation confirmation, UserRef user) {
    return confirmation.requester().equals(user)
        && confirmation.state() == ConfirmationState.PENDING
        && clock.instant().isBefore(confirmation.expiresAt());
  }

  /** The step-up decision for running {@code confirmation}, when it is guarded. */
  private Optional<StepUpGate.Decision> stepUpOf(UserRef user, PendingConfirmation confirmation) {
    if (PendingActionCodec.needsStepUp(confirmation.payload())) {
      return Optional.of(gate.decided(user));
    }
    if (PendingActionCodec.decode(confirmation.payload()) instanceof PendingAction.Panic panic && panic.close()) {
      StepUpGate.Decision decision = gate.forPanicClose(user);
      return decision instanceof StepUpGate.Decision.NotNeeded ? Optional.empty() : Optional.of(decision);
    }
    return Optional.empty();
  }

  /**
   * The press's one-shot claim, and the action when it wins. The limits are checked again in the
   * claim's transaction (a limit that stops the lists rolls it back, {@link Limits.Refusal}); the
   * figures they need come from the exchange, so they are read before it.
   */
  private void claim(ChatEvent.ButtonPressed press, String key) {
    Instant pressedAt = clock.instant();
    Optional<Exposure> exposure =
        actions.find(key)
            .filter(c -> c.requester().equals(press.user()))
            .flatMap(c -> limits.beforeClaim(c.requester(), PendingActionCodec.decode(c.payload())));
    ClaimResult result;
    try {
      result =
          actions.run(
              key,
              press.user(),
              press.chat(),
              (stores, confirmation) -> {
                limits.atClaim(stores, confirmation, exposure);
                placement.recordClaim(stores, confirmation);
                plans.recordClaim(stores, confirmation);
                trades.recordClaim(stores, confirmation);
                CardUpdates.recordClaim(
                    stores, confirmation, environment, out.noticeChat(confirmation.requester(), confirmation.chat()));
              });
    } catch (Limits.Refusal refusal) {
      refuseAtClaim(press, key, refusal);
      return;
    }
    if (result instanceof ClaimResult.Claimed claimed) {
      run(press, claimed.confirmation(), pressedAt);
    } else {
      explain(press, key, result);
    }
  }

  /** A limit stopped the Confirm: the preview is withdrawn and says why. */
  private void refuseAtClaim(ChatEvent.ButtonPressed press, String key, Limits.Refusal refusal) {
    actions.withdraw(key, press.user(), press.chat());
    out.edit(press.message(), LimitTexts.refusedAtConfirm(refusal.reasons()) + "\n" + LimitTexts.previewWithdrawn());
  }

  private void withdraw(ChatEvent.ButtonPressed press) {
    String key = press.token().substring(Tokens.WITHDRAW.length());
    ClaimResult result = actions.withdraw(key, press.user(), press.chat());
    if (result instanceof ClaimResult.Claimed claimed) {
      PendingAction withdrawn = PendingActionCodec.decode(claimed.confirmation().payload());
      boolean keeps = withdrawn instanceof PendingAction.CancelAll || withdrawn instanceof PendingAction.Panic
          || withdrawn instanceof PendingAction.PanicAll;
      out.edit(press.message(), keeps ? Replies.cancelAllKept() : Replies.previewCancelled());
    } else {
      explain(press, key, result);
    }
  }

  /**
   * A button of an order card: only the list's owner may press it (anyone else is told it is not
   * theirs, and nothing happens); the action itself starts with a confirmation of its own.
   */
  private void card(ChatEvent.ButtonPressed press) {
    Optional<Tokens.CardPress> pressed = Tokens.cardPress(press.token());
    if (pressed.isEmpty()) {
      out.send(press.chat(), Replies.unknownButton());
      return;
    }
    long orderListId = pressed.get().orderListId();
    // the presser's own list first: another trader's list may carry the same id (Binance numbers lists per symbol)
    Optional<TrackedOrderList> own = transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(press.user(), orderListId));
    if (own.isPresent()) {
      trades.cardPressed(press, pressed.get().action(), orderListId);
      return;
    }
    Optional<TrackedOrderList> list = transactor.inTransaction(stores -> stores.orderLists().findByOrderListId(orderListId));
    if (list.isEmpty()) {
      out.send(press.chat(), Replies.unknownButton());
    } else {
      LOG.info("press by {} on the card of {}, which is not theirs: refused", press.user(), list.get().listClientOrderId());
      out.send(press.chat(), Replies.notYourButton());
    }
  }

  private void run(ChatEvent.ButtonPressed press, PendingConfirmation confirmation, Instant pressedAt) {
    switch (PendingActionCodec.decode(confirmation.payload())) {
      case PendingAction.PlaceList place -> placement.place(press, confirmation, place.request(), pressedAt);
      case PendingAction.PlacePlan plan -> plans.place(press, confirmation, plan, pressedAt);
      case PendingAction.CancelList cancel -> {
        if (out.send(press.chat(), cancels.cancel(press.user(), press.chat(), cancel.list())).isPresent()) {
          cancels.answered(List.of(cancel.list()));
        }
      }
      case PendingAction.CancelAll all -> {
        if (out.edit(press.message(), cancels.cancelAll(press.user(), press.chat(), all.lists()))) {
          cancels.answered(all.lists());
        }
      }
      case PendingAction.ReplaceList replace -> trades.run(press, confirmation, replace);
      case PendingAction.RestoreStop restore -> trades.run(press, confirmation, restore);
      case PendingAction.CloseList close -> trades.run(press, confirmation, close);
      case PendingAction.CloseHeld held -> trades.run(press, confirmation, held);
      case PendingAction.ReduceList reduce -> trades.run(press, confirmation, reduce);
      case PendingAction.Panic panic -> trades.run(press, confirmation, panic);
      case PendingAction.PanicAll panic -> trades.run(press, confirmation, panic);
    }
  }

  private void explain(ChatEvent.ButtonPressed press, String key, ClaimResult result) {
    LOG.info("press by {} on {} lost its claim: {}", press.user(), press.message(), result.getClass().getSimpleName());
    switch (result) {
      case ClaimResult.Claimed claimed -> throw new IllegalStateException("a won claim is not a loss");
      case ClaimResult.AlreadyHandled handled ->
          out.send(
              press.chat(),
              switch (handled.state()) {
                case CLAIMED -> Replies.alreadyConfirmed();
                case CANCELLED -> Replies.alreadyCancelled();
                case PENDING, EXPIRED -> Replies.expired();
              });
      case ClaimResult.Expired expired -> {
        // a preview or a "cancel all?" question is retired in place; a list view keeps its other buttons
        boolean ownMessage =
            actions.find(key)
                .map(c -> !(PendingActionCodec.decode(c.payload()) instanceof PendingAction.CancelList))
                .orElse(false);
        if (ownMessage) {
          out.edit(press.message(), Replies.expired());
        } else {
          out.send(press.chat(), Replies.expired());
        }
      }
      case ClaimResult.NotRequester notYours -> out.send(press.chat(), Replies.notYourButton());
      case ClaimResult.NotFound notFound -> out.send(press.chat(), Replies.unknownButton());
    }
  }
}
