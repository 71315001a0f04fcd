package dev.orderlistbot.core.port.out;

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
}
