package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.BreakevenPlan;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.EngineTelemetry.PlacementOutcome;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places every list of a take-profit ladder once, in target order, on one Confirm. Each list has
 * its own client list id ({@link Tokens#planListId}: the confirmation id and the list's index) and
 * is recorded UNKNOWN in the claim's transaction ({@link #recordClaim}), with the {@code be} plan
 * when there is one, so a crash at any step leaves rows {@link PlacementSettlement} settles. Each
 * list is sent by {@link Placement#placeTracked}: once, a lost answer looked up, never resent.
 *
 * <p>The first list that is refused or whose outcome stays unknown stops the ladder: the lists after
 * it are not sent (and recorded as rejected). The answer names every list: live (with its id), not
 * placed (and why), unknown (told later by the settlement), or not sent; when some are live and some
 * not, a button offers to cancel the live ones. Thread-safe.
 */
final class PlanPlacement {
  private static final Logger LOG = LoggerFactory.getLogger(PlanPlacement.class);

  private final EngineConfig config;
  private final Accounts accounts;
  private final Placement placement;
  private final PlacementResults results;
  private final PendingActions actions;
  private final ChatOut out;
  private final Clock clock;
  private final EngineTelemetry telemetry;

  PlanPlacement(
      EngineConfig config,
      Accounts accounts,
      Placement placement,
      PlacementResults results,
      PendingActions actions,
      ChatOut out,
      Clock clock,
      EngineTelemetry telemetry) {
    this.config = config;
    this.accounts = accounts;
    this.placement = placement;
    this.results = results;
    this.actions = actions;
    this.out = out;
    this.clock = clock;
    this.telemetry = telemetry;
  }

  /** What became of one list of the plan. */
  private record Step(int index, ClientListId clientId, OrderListRequest request, Optional<Placement.Outcome> outcome) {
    boolean live() {
      return outcome.orElse(null) instanceof Placement.Outcome.Placed;
    }
  }

  /**
   * Inside the transaction that claims the Confirm: every list recorded UNKNOWN and owed an answer,
   * and a {@code be} plan recorded with its lists in target order.
   */
  void recordClaim(Stores stores, PendingConfirmation confirmation) {
    if (!(PendingActionCodec.decode(confirmation.payload()) instanceof PendingAction.PlacePlan plan)) {
      return;
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < plan.requests().size(); i++) {
      ClientListId clientId = Tokens.planListId(confirmation.id(), i);
      TrackedOrderList list = placement.tracked(confirmation, plan.requests().get(i), clientId);
      stores.orderLists().record(list);
      stores.orderLists().markAwaitingAnswer(clientId.value());
      ids.add(clientId.value());
    }
    if (plan.breakeven()) {
      stores.breakevenPlans().record(
          new BreakevenPlan(
              confirmation.id().toString(),
              confirmation.requester(),
              plan.requests().get(0).symbol(),
              ids,
              false,
              clock.instant()));
    }
  }

  /** Called once per confirmation, by the winner of its claim, after {@link #recordClaim}. */
  void place(
      ChatEvent.ButtonPressed press, PendingConfirmation confirmation, PendingAction.PlacePlan plan, Instant pressedAt) {
    MessageRef preview = press.message();
    UserRef user = confirmation.requester();
    out.editIfPossible(preview, Replies.placing(config.environment()));
    accounts.ensureWatched(user);
    Optional<List<Step>> placed = accounts.withCredentials(user, credentials -> placeAll(credentials, confirmation, plan));
    List<Step> steps = placed.orElseGet(() -> notSent(confirmation, plan, 0));
    String key = "plan:" + confirmation.id();
    long live = steps.stream().filter(Step::live).count();
    results.tell(
        preview,
        user,
        new PlacementResults.Result(key, stores -> settle(stores, steps), text(steps, placed.isPresent()))
            .audited(
                live > 0 ? AuditAction.ORDER_LIST_PLACED : AuditAction.ORDER_LIST_NOT_PLACED,
                key + " " + live + " of " + steps.size() + " lists placed"));
    List<PendingAction.ListHandle> handles = steps.stream().filter(Step::live).map(PlanPlacement::handle).toList();
    if (!handles.isEmpty() && handles.size() < steps.size()) {
      offerCancel(press, user, handles);
    }
    telemetry.confirmationTook(Duration.between(pressedAt, clock.instant()));
  }

  private List<Step> placeAll(ApiCredentials credentials, PendingConfirmation confirmation, PendingAction.PlacePlan plan) {
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < plan.requests().size(); i++) {
      ClientListId clientId = Tokens.planListId(confirmation.id(), i);
      Placement.Outcome outcome = placement.placeTracked(credentials, plan.requests().get(i), clientId);
      steps.add(new Step(i, clientId, plan.requests().get(i), Optional.of(outcome)));
      report(clientId, outcome);
      if (!(outcome instanceof Placement.Outcome.Placed)) {
        steps.addAll(notSent(confirmation, plan, i + 1));
        break;
      }
    }
    return steps;
  }

  private static List<Step> notSent(PendingConfirmation confirmation, PendingAction.PlacePlan plan, int from) {
    List<Step> steps = new ArrayList<>();
    for (int i = from; i < plan.requests().size(); i++) {
      steps.add(new Step(i, Tokens.planListId(confirmation.id(), i), plan.requests().get(i), Optional.empty()));
    }
    return steps;
  }

  private void report(ClientListId clientId, Placement.Outcome outcome) {
    switch (outcome) {
      case Placement.Outcome.Placed placed -> {
        LOG.info("placed {} as order list #{}", clientId, placed.list().id());
        telemetry.placement(PlacementOutcome.PLACED, ExchangeError.NO_CODE);
      }
      case Placement.Outcome.Refused refused -> {
        LOG.info("{} was not placed: {}", clientId, refused.error().getClass().getSimpleName());
        telemetry.placement(PlacementOutcome.REFUSED, refused.error().code());
      }
      case Placement.Outcome.StillUnknown unknown -> {
        LOG.warn("{} is still unknown after the look-up; the rest of its plan is not sent", clientId);
        telemetry.placement(PlacementOutcome.UNKNOWN, ExchangeError.NO_CODE);
      }
      case Placement.Outcome.Failed failed -> telemetry.placement(PlacementOutcome.ERROR, ExchangeError.NO_CODE);
      case Placement.Outcome.NoKey noKey -> telemetry.placement(PlacementOutcome.REFUSED, ExchangeError.NO_CODE);
    }
  }

  /** Every list's store change, in the transaction that enqueues the answer. */
  private static boolean settle(Stores stores, List<Step> steps) {
    for (Step step : steps) {
      String id = step.clientId().value();
      switch (step.outcome().orElse(null)) {
        case Placement.Outcome.Placed placed -> {
          Placement.attach(stores, step.clientId(), placed.list());
          stores.orderLists().clearAwaitingAnswer(id);
        }
        case Placement.Outcome.StillUnknown unknown -> stores.orderLists().markAwaitingAnswer(id);
        case Placement.Outcome.Failed failed -> stores.orderLists().markAwaitingAnswer(id);
        case null, default -> {
          // refused, no key, or never sent: nothing of it reached the exchange
          Placement.rejected(stores, step.clientId());
          stores.orderLists().clearAwaitingAnswer(id);
        }
      }
    }
    return true;
  }

  private String text(List<Step> steps, boolean hadKey) {
    if (!hadKey) {
      return Replies.noKeyAnyMore();
    }
    long live = steps.stream().filter(Step::live).count();
    List<String> lines = new ArrayList<>();
    lines.add(live == steps.size()
        ? Replies.planPlaced(config.environment(), steps.size())
        : live == 0 ? Replies.planNothingPlaced(steps.size()) : Replies.planPartlyPlaced(config.environment(), (int) live, steps.size()));
    for (Step step : steps) {
      int number = step.index() + 1;
      String summary = PlanTexts.summary(step.request());
      lines.add(switch (step.outcome().orElse(null)) {
        case Placement.Outcome.Placed placed -> Replies.planListLive(number, summary, placed.list().id().value());
        case Placement.Outcome.Refused refused -> Replies.planListRefused(number, summary, Replies.exchangeError(refused.error()));
        case Placement.Outcome.StillUnknown unknown -> Replies.planListUnknown(number, summary);
        case Placement.Outcome.Failed failed -> Replies.planListUnknown(number, summary) + " (ref " + failed.ref() + ")";
        case Placement.Outcome.NoKey noKey -> Replies.planListRefused(number, summary, Replies.noKeyAnyMore());
        case null -> Replies.planListNotSent(number, summary);
      });
    }
    return String.join("\n", lines);
  }

  private void offerCancel(ChatEvent.ButtonPressed press, UserRef user, List<PendingAction.ListHandle> live) {
    String token = actions.create(user, press.chat(), new PendingAction.CancelAll(live), config.confirmTtl());
    OutboundMessage ask =
        OutboundMessage.withButtons(
            Replies.planCancelLiveAsk(live.size()),
            new Button(Replies.CANCEL_LIVE, Tokens.RUN + token),
            new Button(Replies.KEEP, Tokens.WITHDRAW + token));
    out.send(press.chat(), ask).ifPresent(sent -> actions.attach(token, sent));
  }

  private static PendingAction.ListHandle handle(Step step) {
    Placement.Outcome.Placed placed = (Placement.Outcome.Placed) step.outcome().orElseThrow();
    return new PendingAction.ListHandle(placed.list().symbol(), placed.list().id().value());
  }
}
