package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OrderRef;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import dev.orderlistbot.core.port.out.BreakevenPlan;
import dev.orderlistbot.core.port.out.ClaimResult;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the take-profit ladders placed with {@code be}: once the first target's list has
 * ended with its take-profit filled, the stop of every other list of the ladder that is still open
 * moves to its entry's average fill price, each by the Move-stop path (the replacement recorded
 * before the cancel, placed at most once, its failure said at once). The bot acts for the trader
 * here, so each move is an action of theirs in the audit log. A first list that ended any other way
 * ends the plan, and the trader is told.
 *
 * <p>The plans are stored; a sweep runs at start-up, every minute and after every order event, so a
 * restart loses nothing. A move that ran before a crash is not run again: its old list has ended,
 * and a replacement the crash left unsent is settled like any placement. The plan is marked done
 * only after every move was made or refused. One sweep at a time. Thread-safe.
 */
final class BreakevenMoves {
  private static final Logger LOG = LoggerFactory.getLogger(BreakevenMoves.class);
  private static final Duration STATUS_TTL = Duration.ofMinutes(10);

  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final Transactor transactor;
  private final PendingActions actions;
  private final Placement placement;
  private final StopMoves stops;
  private final ChatOut out;
  private final ReentrantLock running = new ReentrantLock();

  BreakevenMoves(
      ExchangeClient exchange,
      Accounts accounts,
      Transactor transactor,
      PendingActions actions,
      Placement placement,
      StopMoves stops,
      ChatOut out) {
    this.exchange = exchange;
    this.accounts = accounts;
    this.transactor = transactor;
    this.actions = actions;
    this.placement = placement;
    this.stops = stops;
    this.out = out;
  }

  /** Acts on every plan whose first target has ended; answers how many plans it finished. */
  int sweep() {
    if (!running.tryLock()) {
      return 0;
    }
    try {
      int finished = 0;
      for (BreakevenPlan plan : transactor.inTransaction(stores -> stores.breakevenPlans().listWaiting())) {
        try {
          finished += accounts.withCredentials(plan.owner(), credentials -> act(plan, credentials)).orElse(false) ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.warn("breakeven plan {} could not be carried out now; trying again later: {}", plan.planId(), e.toString());
        }
      }
      return finished;
    } finally {
      running.unlock();
    }
  }

  private boolean act(BreakevenPlan plan, ApiCredentials credentials) {
    Optional<TrackedOrderList> tracked = list(plan.firstList());
    ChatRef chat = tracked.map(TrackedOrderList::chat).orElseGet(() -> new ChatRef(plan.owner().platform(), plan.owner().userId()));
    if (tracked.isEmpty() || tracked.get().state() == OrderListState.REJECTED) {
      return finish(plan, chat, TradeReplies.breakevenPlanNeverStarted(plan.symbol()));
    }
    TrackedOrderList first = tracked.get();
    if (first.state().isOpen()) {
      return false;
    }
    String firstName = name(first);
    ClientListId firstId = new ClientListId(first.listClientOrderId());
    Optional<OrderSnapshot> takeProfit = exchange.order(credentials, first.symbol(), OrderRef.of(firstId.legId(LegRole.TAKE_PROFIT)));
    if (takeProfit.map(o -> o.report().status() != LegStatus.FILLED).orElse(true)) {
      return finish(plan, chat, TradeReplies.breakevenPlanOver(firstName));
    }
    List<String> outcomes = new ArrayList<>();
    for (String later : plan.laterLists()) {
      outcomes.add(move(plan, credentials, chat, list(later)));
    }
    LOG.info("breakeven plan {}: first target filled, {} later list(s) handled", plan.planId(), outcomes.size());
    return finish(plan, chat, TradeReplies.breakevenPlanDone(firstName, outcomes));
  }

  /** Moves one later list's stop to breakeven; answers the line that says what became of it. */
  private String move(BreakevenPlan plan, ApiCredentials credentials, ChatRef chat, Optional<TrackedOrderList> later) {
    if (later.isEmpty() || !later.get().state().isOpen() || later.get().orderListId().isEmpty()) {
      return TradeReplies.breakevenListEnded(later.map(BreakevenMoves::name).orElse("a list of the ladder"));
    }
    long orderListId = later.get().orderListId().getAsLong();
    return switch (stops.prepare(credentials, plan.owner(), orderListId, Optional.empty())) {
      case StopMoves.Prepared.Refusal refusal -> refusal.sentence();
      case StopMoves.Prepared.Ready ready -> {
        // the trader's own action, confirmed by the plan's be: claimed at once, audited, its
        // replacement recorded in the claim like any placement's
        String token = actions.create(plan.owner(), chat, ready.action(), STATUS_TTL);
        ClaimResult claim =
            actions.run(token, plan.owner(), chat, (stores, c) -> {
              placement.recordClaim(stores, c);
              Limits.inheritBasis(stores, c);
            });
        if (!(claim instanceof ClaimResult.Claimed claimed)) {
          yield TradeReplies.breakevenListEnded(ready.name());
        }
        Optional<MessageRef> shown = out.send(chat, TradeReplies.breakevenMoving(ready.name(), ready.to()));
        shown.ifPresent(message -> actions.attach(token, message));
        stops.execute(chat, shown, claimed.confirmation(), ready.action());
        yield TradeReplies.breakevenMoveRun(ready.name());
      }
    };
  }

  private boolean finish(BreakevenPlan plan, ChatRef chat, String text) {
    boolean done = transactor.inTransaction(stores -> stores.breakevenPlans().markDone(plan.planId()));
    if (done) {
      out.send(chat, text);
    }
    return done;
  }

  private Optional<TrackedOrderList> list(String listClientOrderId) {
    return transactor.inTransaction(stores -> stores.orderLists().findByListClientOrderId(listClientOrderId));
  }

  private static String name(TrackedOrderList list) {
    return list.orderListId().isPresent()
        ? Replies.listName(list.symbol(), list.kind(), list.orderListId().getAsLong())
        : list.symbol() + " " + list.kind() + " " + list.listClientOrderId();
  }
}
