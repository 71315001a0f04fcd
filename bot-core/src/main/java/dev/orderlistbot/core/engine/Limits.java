package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.ListBasis;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.Transactor;
import dev.orderlistbot.core.port.out.UserLimits;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety limits on the way to a placement: checked in the preview (a refused preview has no
 * Confirm) and again in the Confirm's claim, where the check, the record of the day's notional and
 * each list's {@link ListBasis} are one atomic step under the trader's day lock ({@code
 * LimitStore.lockDay}), so two previews each within the day's budget cannot both place when their
 * sum is over it. A ladder counts as one list against the per-list and daily notional (the sum of
 * its lists) and as all its lists against the open-list limit. Nothing is read or recorded for a
 * trader with no limit in force: today's behaviour. Thread-safe.
 */
final class Limits {
  private static final Logger LOG = LoggerFactory.getLogger(Limits.class);

  private final SafetyLimits operator;
  private final ExposureReader reader;
  private final Transactor transactor;
  private final Clock clock;

  Limits(SafetyLimits operator, ExposureReader reader, Transactor transactor, Clock clock) {
    this.operator = operator;
    this.reader = reader;
    this.transactor = transactor;
    this.clock = clock;
  }

  /** A press whose lists a limit stops: the claim's transaction rolls back with it. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> reasons;

    Refusal(List<String> reasons) {
      super("refused by a safety limit", null, false, false);
      this.reasons = List.copyOf(reasons);
    }

    List<String> reasons() {
      return reasons;
    }
  }

  /** What the preview's check came to: the refusals, and whether the liquidity guard was skipped. */
  record Verdict(List<String> refusals, boolean liquiditySkipped) {
    static final Verdict PASS = new Verdict(List.of(), false);
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  SafetyLimits operator() {
    return operator;
  }

  /** In the preview: every limit against {@code lists} (one list, or a ladder's lists). */
  Verdict atPreview(UserRef user, List<OrderListRequest> lists) {
    Optional<UserLimits> own = ownLimits(user);
    if (own.isEmpty()) {
      return new Verdict(List.of(LimitTexts.ledgerUnreadable()), false);
    }
    if (!LimitCheck.anyInForce(operator, own.get())) {
      return Verdict.PASS;
    }
    Exposure exposure = reader.read(lists, operator.minQuoteVolume().isPresent());
    Optional<LimitCheck.Usage> usage =
        LimitCheck.needsUsage(operator, own.get())
            ? usage(user)
            : Optional.of(new LimitCheck.Usage(DayUsage.empty(today()), 0));
    List<String> refusals = LimitCheck.refusals(operator, own.get(), user, exposure, usage, what(lists));
    return new Verdict(refusals, exposure.volume() instanceof Exposure.Volume.NotOnThisExchange);
  }

  /**
   * Before the Confirm's claim (outside its transaction: it asks the exchange): the exposure of the
   * lists it would place, when a limit is in force for {@code user}.
   */
  Optional<Exposure> beforeClaim(UserRef user, PendingAction action) {
    List<OrderListRequest> lists =
        switch (action) {
          case PendingAction.PlaceList place -> List.of(place.request());
          case PendingAction.PlacePlan plan -> plan.requests();
          default -> List.of();
        };
    if (lists.isEmpty()) {
      return Optional.empty();
    }
    UserLimits own = ownLimits(user).orElse(UserLimits.NONE);
    if (!LimitCheck.anyInForce(operator, own)) {
      return Optional.empty();
    }
    return Optional.of(reader.read(lists, operator.minQuoteVolume().isPresent()));
  }

  /**
   * Inside the claim's transaction, after the claim was won: locks the trader's day, checks every
   * limit again and records the day's notional and each list's basis; throws {@link Refusal} (the
   * claim rolls back) when a limit stops it. A moved stop's replacement, and the Retry of one that
   * was refused, put back the protection of a position already held: no limit refuses them, their
   * notional is not counted again, and they inherit the basis of the list they replace.
   */
  void atClaim(Stores stores, PendingConfirmation confirmation, Optional<Exposure> exposure) {
    PendingAction action = PendingActionCodec.decode(confirmation.payload());
    if (action.replacedList().isPresent()) {
      inheritBasis(stores, confirmation);
      return;
    }
    UserRef user = confirmation.requester();
    UserLimits own = stores.limits().limitsOf(user).orElse(UserLimits.NONE);
    if (exposure.isEmpty()) {
      // no limit was in force when the figures were read; one set meanwhile is not passed unchecked
      if (action.places() && LimitCheck.anyInForce(operator, own)) {
        throw new Refusal(List.of(LimitTexts.limitsChangedMeanwhile()));
      }
      return;
    }
    LocalDate today = today();
    DayUsage day = stores.limits().lockDay(user, today);
    int open = stores.orderLists().listOpen(user).size();
    List<String> refusals =
        LimitCheck.refusals(operator, own, user, exposure.get(), Optional.of(new LimitCheck.Usage(day, open)), whatOf(action));
    if (!refusals.isEmpty()) {
      LOG.info("the Confirm of {} is refused by {} safety limit(s)", user, refusals.size());
      throw new Refusal(refusals);
    }
    exposure.get().notionalUsdt().ifPresent(n -> stores.limits().addPlaced(user, today, n));
    exposure.get().usdtRate().ifPresent(rate -> recordBases(stores, confirmation, action, exposure.get(), rate));
  }

  private static void recordBases(
      Stores stores, PendingConfirmation confirmation, PendingAction action, Exposure exposure, java.math.BigDecimal rate) {
    for (int i = 0; i < exposure.lists().size(); i++) {
      String clientId =
          action instanceof PendingAction.PlacePlan
              ? Tokens.planListId(confirmation.id(), i).value()
              : Tokens.clientListId(confirmation.id()).value();
      Exposure.ListFigures list = exposure.lists().get(i);
      stores.limits().recordBasis(ListBasis.atPlacement(clientId, list.referencePrice(), list.exitSide(), rate));
    }
  }

  /**
   * In the claim of a moved stop (a trader's, a ladder's breakeven sweep, or the Retry after its new
   * list was refused): the replacement list is measured against the same basis as the list it
   * replaces, so its exit fills count in the day's realised profit or loss. Does nothing for any
   * other action, or a list without a basis.
   */
  static void inheritBasis(Stores stores, PendingConfirmation confirmation) {
    PendingActionCodec.decode(confirmation.payload()).replacedList()
        .flatMap(replaced -> stores.orderLists().findByOrderListId(confirmation.requester(), replaced.orderListId()))
        .flatMap(old -> stores.limits().basis(old.listClientOrderId()))
        .ifPresent(old -> stores.limits().recordBasis(
            new ListBasis(Tokens.clientListId(confirmation.id()).value(), old.referencePrice(), old.exitSide(), old.usdtRate(),
                old.entryQuantity(), old.entryQuote())));
  }

  /** The trader's own limits; empty when they could not be read (the limits then fail closed). */
  private Optional<UserLimits> ownLimits(UserRef user) {
    try {
      return Optional.of(transactor.inTransaction(stores -> stores.limits().limitsOf(user)).orElse(UserLimits.NONE));
    } catch (StorageException e) {
      LOG.warn("the limits of {} could not be read; the preview is refused", user, e);
      return Optional.empty();
    }
  }

  private Optional<LimitCheck.Usage> usage(UserRef user) {
    try {
      return Optional.of(transactor.inTransaction(
          stores -> new LimitCheck.Usage(stores.limits().day(user, today()), stores.orderLists().listOpen(user).size())));
    } catch (StorageException e) {
      LOG.warn("the day's figures of {} could not be read; the preview is refused", user, e);
      return Optional.empty();
    }
  }

  private static String what(List<OrderListRequest> lists) {
    return lists.size() > 1 ? "ladder" : "list";
  }

  private static String whatOf(PendingAction action) {
    return action instanceof PendingAction.PlacePlan ? "ladder" : "list";
  }
}
