package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.EngineTelemetry;
import dev.orderlistbot.core.port.out.EngineTelemetry.PlacementOutcome;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.ExchangeError;
import dev.orderlistbot.core.port.out.ExchangeException;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.PlacementResult;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places a confirmed order list exactly once. The list is recorded (state UNKNOWN) under a client
 * id derived from the confirmation in the same transaction as the Confirm's claim ({@link
 * #recordClaim}), so a crash at any later step leaves a row that {@link PlacementSettlement} settles;
 * it is sent once; an unknown outcome is resolved by looking the client id up, never by sending
 * again. The preview shows "Placing…" at once, and then the result, which goes through the outbox
 * in the transaction that records it, so a rate limit or a restart cannot lose it. Each outcome,
 * and the time from the Confirm press to its answer, goes to the {@link EngineTelemetry}.
 * Thread-safe.
 */
final class Placement {
  private static final Logger LOG = LoggerFactory.getLogger(Placement.class);

  private final EngineConfig config;
  private final ExchangeClient exchange;
  private final Accounts accounts;
  private final Clock clock;
  private final SecureRandom random;
  private final ChatOut out;
  private final EngineTelemetry telemetry;
  private final PlacementResults results;
  private final RunningWork running;
  /** The lists being sent now, by client id, with how many marks (they nest). */
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  Placement(
      EngineConfig config,
      ExchangeClient exchange,
      Accounts accounts,
      Clock clock,
      SecureRandom random,
      ChatOut out,
      EngineTelemetry telemetry,
      PlacementResults results,
      RunningWork running) {
    this.running = running;
    this.config = config;
    this.exchange = exchange;
    this.accounts = accounts;
    this.clock = clock;
    this.random = random;
    this.out = out;
    this.telemetry = telemetry;
    this.results = results;
  }

  /** What one sending of one list came to (also for the lists of a plan, see {@link PlanPlacement}). */
  sealed interface Outcome {
    record Placed(PlacedOrderList list) implements Outcome {}

    record Refused(ExchangeError error) implements Outcome {}

    record StillUnknown() implements Outcome {}

    record Failed(String ref) implements Outcome {}

    record NoKey() implements Outcome {}
  }

  /**
   * Inside the transaction that claims a confirmation: a placement is recorded UNKNOWN before
   * anything is sent, so whatever happens next (a crash, a lost answer) leaves a row to settle.
   */
  void recordClaim(Stores stores, PendingConfirmation confirmation) {
    Optional<OrderListRequest> placing =
        switch (PendingActionCodec.decode(confirmation.payload())) {
          case PendingAction.PlaceList place -> Optional.of(place.request());
          // a stop's move places its replacement: owed an answer from the claim on, like any placement
          case PendingAction.ReplaceList replace -> Optional.of(replace.replacement());
          case PendingAction.RestoreStop restore -> Optional.of(restore.replacement());
          default -> Optional.empty();
        };
    if (placing.isPresent()) {
      TrackedOrderList list = tracked(confirmation, placing.get(), Tokens.clientListId(confirmation.id()));
      stores.orderLists().record(list);
      // owed an answer from now on: whatever happens next, the settlement finds it until it is told
      stores.orderLists().markAwaitingAnswer(list.listClientOrderId());
    }
  }

  /**
   * Called once per confirmation: only the winner of its one-shot claim gets here, after {@link
   * #recordClaim}.
   *
   * @param pressedAt when the Confirm press reached the engine, for the confirmation latency
   */
  void place(
      ChatEvent.ButtonPressed press, PendingConfirmation confirmation, OrderListRequest request, Instant pressedAt) {
    MessageRef preview = press.message();
    UserRef user = confirmation.requester();
    ClientListId clientId = Tokens.clientListId(confirmation.id());
    Outcome outcome =
        inFlight(clientId, () -> {
          // inside: the edit may wait out a chat's rate limit, and the settlements leave the list alone meanwhile
          out.editIfPossible(preview, Replies.placing(config.environment()));
          accounts.ensureWatched(user);
          Outcome sent =
              accounts.withCredentials(user, credentials -> placeOnce(credentials, request, clientId))
                  .orElseGet(Outcome.NoKey::new);
          results.tell(preview, user, settle(sent, request, clientId));
          return sent;
        });
    if (outcome instanceof Outcome.NoKey) {
      telemetry.placement(PlacementOutcome.REFUSED, ExchangeError.NO_CODE);
    } else {
      telemetry.confirmationTook(Duration.between(pressedAt, clock.instant()));
    }
  }

  /**
   * Runs {@code work} (which places {@code clientId} and tells its outcome) with the placement marked
   * in flight, so the settlement leaves it alone until it is told.
   */
  <T> T inFlight(ClientListId clientId, Supplier<T> work) {
    inFlight.merge(clientId.value(), 1, Integer::sum);
    try {
      // a list of the bot's is named after its confirmation: running under its lease among instances
      Optional<UUID> confirmation = Tokens.confirmationId(clientId);
      return confirmation.isPresent() ? running.running(confirmation.get(), work) : work.get();
    } finally {
      inFlight.computeIfPresent(clientId.value(), (id, marks) -> marks == 1 ? null : marks - 1);
    }
  }

  /**
   * Sends one list once under {@code clientId} and resolves a lost answer by looking it up, never by
   * sending again; the list counts as in flight meanwhile, so the settlement leaves it alone.
   */
  Outcome placeTracked(ApiCredentials credentials, OrderListRequest request, ClientListId clientId) {
    return inFlight(clientId, () -> placeOnce(credentials, request, clientId));
  }

  /** Whether this process is placing {@code clientId} right now (its outcome is not told yet). */
  boolean inFlight(ClientListId clientId) {
    return inFlight.containsKey(clientId.value());
  }

  /**
   * Sends the list once under {@code clientId} and, when its answer is unknown, looks it up by that
   * id (never sends it again): for trade actions that place a list after a cancel.
   */
  Outcome placeOnce(ApiCredentials credentials, OrderListRequest request, ClientListId clientId) {
    PlacementResult result;
    try {
      result = exchange.place(credentials, request, clientId);
    } catch (ExchangeException e) {
      if (!(e.error() instanceof ExchangeError.OutcomeUnknown)) {
        return new Outcome.Refused(e.error());
      }
      return reconcile(credentials, clientId, Optional.empty());
    } catch (RuntimeException e) {
      String ref = Tokens.reference(random);
      LOG.error("placing {} failed (ref {}); looking it up by client id", clientId, ref, e);
      return reconcile(credentials, clientId, Optional.of(ref));
    }
    return switch (result) {
      case PlacementResult.Accepted accepted -> new Outcome.Placed(accepted.list());
      case PlacementResult.Rejected rejected -> new Outcome.Refused(rejected.error());
      case PlacementResult.Unknown unknown -> {
        LOG.warn("placing {} has an unknown outcome ({}); looking it up by client id", clientId, unknown.code());
        yield reconcile(credentials, clientId, Optional.empty());
      }
    };
  }

  /** Binance: a request whose answer was lost "could have been a success"; ask, never resend. */
  private Outcome reconcile(ApiCredentials credentials, ClientListId clientId, Optional<String> ref) {
    try {
      Optional<PlacedOrderList> found = exchange.orderList(credentials, OrderListRef.of(clientId));
      if (found.isPresent()) {
        return new Outcome.Placed(found.get());
      }
    } catch (ExchangeException e) {
      LOG.warn("looking up {} failed: {}", clientId, e.getMessage());
    }
    return ref.<Outcome>map(Outcome.Failed::new).orElseGet(Outcome.StillUnknown::new);
  }

  /** What the outcome changes in the store, and the text that tells it, for {@link PlacementResults}. */
  private PlacementResults.Result settle(Outcome outcome, OrderListRequest request, ClientListId clientId) {
    String key = "placement:" + clientId.value();
    return switch (outcome) {
      case Outcome.Placed placed -> {
        PlacedOrderList list = placed.list();
        LOG.info("placed {} as order list #{}", clientId, list.id());
        telemetry.placement(PlacementOutcome.PLACED, ExchangeError.NO_CODE);
        yield new PlacementResults.Result(
            key, stores -> answered(stores, clientId, attach(stores, clientId, list)),
            Replies.placed(config.environment(), Texts.summary(request), list.id().toString(), Texts.legIds(list)),
            Optional.of(list))
            .audited(AuditAction.ORDER_LIST_PLACED, "list:" + request.symbol() + ":" + list.id() + " client:" + clientId.value());
      }
      case Outcome.Refused refused -> {
        LOG.info("{} was not placed: {}", clientId, refused.error().getClass().getSimpleName());
        telemetry.placement(PlacementOutcome.REFUSED, refused.error().code());
        yield new PlacementResults.Result(
            key, stores -> answered(stores, clientId, rejected(stores, clientId)), Replies.notPlaced(refused.error()))
            .audited(AuditAction.ORDER_LIST_NOT_PLACED, "client:" + clientId.value() + " refused, code " + refused.error().code());
      }
      case Outcome.StillUnknown unknown -> {
        LOG.warn("{} is still unknown after the look-up; left for the settlement", clientId);
        telemetry.placement(PlacementOutcome.UNKNOWN, ExchangeError.NO_CODE);
        yield new PlacementResults.Result(key, stores -> owesAnswer(stores, clientId), Replies.placementUnknown(clientId));
      }
      case Outcome.Failed failed -> {
        telemetry.placement(PlacementOutcome.ERROR, ExchangeError.NO_CODE);
        yield new PlacementResults.Result(key, stores -> owesAnswer(stores, clientId), Replies.placementFailed(failed.ref()));
      }
      case Outcome.NoKey noKey ->
          new PlacementResults.Result(
              key, stores -> answered(stores, clientId, rejected(stores, clientId)), Replies.noKeyAnyMore())
              .audited(AuditAction.ORDER_LIST_NOT_PLACED, "client:" + clientId.value() + " no key");
    };
  }

  /** The row recorded UNKNOWN for {@code request} under {@code clientId} when its Confirm is claimed. */
  TrackedOrderList tracked(PendingConfirmation confirmation, OrderListRequest request, ClientListId clientId) {
    Instant now = clock.instant();
    return new TrackedOrderList(
        clientId.value(),
        confirmation.requester(),
        out.noticeChat(confirmation.requester(), confirmation.chat()),
        request.kind(),
        request.symbol(),
        OptionalLong.empty(),
        roles(request).stream().map(r -> new TrackedLeg(clientId.legId(r).value(), OptionalLong.empty())).toList(),
        OrderListState.UNKNOWN,
        now,
        now);
  }

  /**
   * Attaches Binance's ids; the state moves on only from UNKNOWN (an event may have been faster).
   * Answers whether this call settled the list.
   */
  static boolean attach(Stores stores, ClientListId clientId, PlacedOrderList list) {
    List<TrackedLeg> legs =
        list.legs().stream()
            .map(leg -> new TrackedLeg(leg.clientOrderId().value(), OptionalLong.of(leg.orderId())))
            .toList();
    stores.orderLists().attachExchangeIds(clientId.value(), list.id().value(), legs);
    return stores.orderLists().changeState(clientId.value(), OrderListState.UNKNOWN, stateOf(list.orderStatus()));
  }

  /**
   * The trader is told "cannot tell" and stays owed the answer, which {@link PlacementSettlement}
   * gives once it knows, even if an event moves the list on before that.
   */
  static boolean owesAnswer(Stores stores, ClientListId clientId) {
    stores.orderLists().markAwaitingAnswer(clientId.value());
    return true;
  }

  /** The trader is given the answer: no longer owed. */
  static boolean answered(Stores stores, ClientListId clientId, boolean changed) {
    stores.orderLists().clearAwaitingAnswer(clientId.value());
    return changed;
  }

  /** A placement that did not happen is rejected; only from UNKNOWN, like every change the bot makes itself. */
  static boolean rejected(Stores stores, ClientListId clientId) {
    return stores.orderLists().changeState(clientId.value(), OrderListState.UNKNOWN, OrderListState.REJECTED);
  }

  /**
   * The tracked state an exchange answer or look-up leaves a list in. A list the exchange already
   * calls ALL_DONE stays followed (EXECUTING): its legs' ends are told by their events or by the
   * catch-up, which ends the list as every other list ends; marking it done here would drop it from
   * the catch-up with its fill untold (a look-up after a crash finds lists that ended meanwhile).
   */
  private static OrderListState stateOf(ListOrderStatus status) {
    return switch (status) {
      case REJECT -> OrderListState.REJECTED;
      case ALL_DONE, EXECUTING, UNKNOWN -> OrderListState.EXECUTING;
    };
  }

  /** The roles of a request's legs, which name their client order ids. */
  static List<LegRole> roles(OrderListRequest request) {
    return switch (request) {
      case OrderListRequest.Oco oco -> List.of(LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);
      case OrderListRequest.Oto oto -> List.of(LegRole.WORKING, LegRole.ofPending(oto.pending().leg()));
      case OrderListRequest.Otoco otoco -> List.of(LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);
      case OrderListRequest.Opo opo -> List.of(LegRole.WORKING, LegRole.ofPending(opo.pending()));
      case OrderListRequest.Opoco opoco -> List.of(LegRole.WORKING, LegRole.TAKE_PROFIT, LegRole.STOP_LOSS);
    };
  }
}
