package dev.orderlistbot.core.port.out;

import java.util.Optional;

/**
 * Every storage port, all bound to the same transaction when handed out by {@link Transactor}, or
 * each call in its own transaction when taken from the storage adapter directly.
 *
 * <p>Thread-safety: as the {@code Stores} it comes from; see {@link Transactor}.
 */
public interface Stores {
  ChatUserStore users();

  SealedCredentialStore credentials();

  KeyCheckStore keyChecks();

  PendingConfirmationStore confirmations();

  TrackedOrderListStore orderLists();

  NotificationOutbox outbox();

  AlertSubscriptionStore subscriptions();

  ProcessedEventStore processedEvents();

  AuditLog audit();

  BreakevenPlanStore breakevenPlans();

  OrderCardStore cards();

  OwedActionStore owedActions();

  KeyPostureStore keyPostures();
  LimitStore limits();
  StepUpStore stepUps();

  LeaseStore leases();

  /**
   * The list {@code listClientOrderId} with its basis and card, as {@link TrackedOrderListStore#findByListClientOrderId},
   * {@link LimitStore#basis} and {@link OrderCardStore#find} would answer them in this transaction;
   * empty when there is no such list. A store that can answers with one read (the JDBC stores: one
   * SELECT joining the four tables, issue 19: two statements fewer for every order event).
   */
  default Optional<ListForEvent> listForEvent(String listClientOrderId) {
    return orderLists().findByListClientOrderId(listClientOrderId).map(list -> ListForEvent.read(this, list));
  }
}
