package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the closes, reductions and panics whose outcome is still owed {@link PlacementSettlement#FINAL_AFTER}
 * after their Confirm (a crash cut them short), from the exchange, with the owner's key: the market
 * order or the amend is read back by its id, never sent again, and the trader is told where the
 * position stands. Actions a process is running (this one, or another instance on the database) are
 * left alone, and a result is told only while still owed; what cannot be settled now (no key,
 * exchange down) waits for the next run. Runs with the placement settlement; one run at a time.
 */
final class ActionSettlement {
  private static final Logger LOG = LoggerFactory.getLogger(ActionSettlement.class);
  private static final int BATCH = 100;

  private final Accounts accounts;
  private final Transactor transactor;
  private final OwedActions owed;
  private final MarketCloses closes;
  private final SizeReductions reductions;
  private final Panics panics;
  private final EveryonesPanic everyones;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();

  ActionSettlement(
      Accounts accounts, Transactor transactor, OwedActions owed, MarketCloses closes, SizeReductions reductions, Panics panics,
      EveryonesPanic everyones, Clock clock) {
    this.accounts = accounts;
    this.transactor = transactor;
    this.owed = owed;
    this.closes = closes;
    this.reductions = reductions;
    this.panics = panics;
    this.everyones = everyones;
    this.clock = clock;
  }

  /** Settles what can be settled now; answers how many. */
  int settleAll() {
    if (!running.tryLock()) {
      return 0;
    }
    try {
      List<UUID> due =
          transactor.inTransaction(
              stores -> stores.owedActions().owedUntil(clock.instant().minus(PlacementSettlement.FINAL_AFTER), BATCH));
      int settled = 0;
      for (UUID id : due) {
        try {
          // an action a process runs now (here, or on another instance) is left alone
          settled += owed.settling(id, () -> settle(id)).orElse(false) ? 1 : 0;
        } catch (RuntimeException e) {
          LOG.warn("could not settle the action of confirmation {} now; trying again later: {}", id, e.toString());
        }
      }
      return settled;
    } finally {
      running.unlock();
    }
  }

  private boolean settle(UUID id) {
    Optional<PendingConfirmation> found = transactor.inTransaction(stores -> stores.confirmations().findById(id));
    if (found.isEmpty()) {
      // nothing left to say it with: forgotten rather than retried for ever
      transactor.inTransaction(stores -> stores.owedActions().paid(id));
      return false;
    }
    PendingConfirmation confirmation = found.get();
    LOG.info("settling the action of confirmation {}, which a stop cut short", id);
    if (PendingActionCodec.decode(confirmation.payload()) instanceof PendingAction.PanicAll panic) {
      // each list with its owner's key, not the admin's
      everyones.settle(confirmation, panic);
      return true;
    }
    return accounts
        .withCredentials(
            confirmation.requester(),
            credentials -> {
              switch (PendingActionCodec.decode(confirmation.payload())) {
                case PendingAction.CloseList close -> closes.settle(confirmation, close, credentials);
                case PendingAction.CloseHeld held -> closes.settle(confirmation, held, credentials);
                case PendingAction.ReduceList reduce -> reductions.settle(confirmation, reduce, credentials);
                case PendingAction.Panic panic -> panics.settle(confirmation, panic, credentials);
                default -> transactor.inTransaction(stores -> stores.owedActions().paid(id));
              }
              return true;
            })
        .orElse(false);
  }
}
