package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.AlertSubscriptionStore;
import dev.orderlistbot.core.port.out.AuditLog;
import dev.orderlistbot.core.port.out.BreakevenPlanStore;
import dev.orderlistbot.core.port.out.ChatUserStore;
import dev.orderlistbot.core.port.out.KeyCheckStore;
import dev.orderlistbot.core.port.out.KeyPostureStore;
import dev.orderlistbot.core.port.out.LimitStore;
import dev.orderlistbot.core.port.out.ListForEvent;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.OrderCardStore;
import dev.orderlistbot.core.port.out.OwedActionStore;
import dev.orderlistbot.core.port.out.PendingConfirmationStore;
import dev.orderlistbot.core.port.out.TrackedOrderListStore;
import dev.orderlistbot.core.port.out.ProcessedEventStore;
import dev.orderlistbot.core.port.out.SealedCredentialStore;
import dev.orderlistbot.core.port.out.LeaseStore;
import dev.orderlistbot.core.port.out.StepUpStore;
import dev.orderlistbot.core.port.out.Stores;
import java.time.Clock;
import java.util.Optional;

/** Every JDBC store over one {@link Session}. */
final class JdbcStores implements Stores {
  private final ChatUserStore users;
  private final SealedCredentialStore credentials;
  private final KeyCheckStore keyChecks;
  private final PendingConfirmationStore confirmations;
  private final TrackedOrderListStore orderLists;
  private final NotificationOutbox outbox;
  private final AlertSubscriptionStore subscriptions;
  private final ProcessedEventStore processedEvents;
  private final AuditLog audit;
  private final BreakevenPlanStore breakevenPlans;
  private final OrderCardStore cards;
  private final OwedActionStore owedActions;
  private final KeyPostureStore keyPostures;
  private final LimitStore limits;
  private final StepUpStore stepUps;
  private final LeaseStore leases;
  private final JdbcListForEvent listsForEvents;

  JdbcStores(Session session, Clock clock, Dialect dialect) {
    this.users = new JdbcChatUserStore(session, clock);
    this.credentials = new JdbcSealedCredentialStore(session);
    this.keyChecks = new JdbcKeyCheckStore(session);
    this.confirmations = new JdbcPendingConfirmationStore(session, clock);
    this.orderLists = new JdbcTrackedOrderListStore(session, clock);
    this.outbox = new JdbcNotificationOutbox(session, clock, dialect);
    this.subscriptions = new JdbcAlertSubscriptionStore(session, clock);
    this.processedEvents = new JdbcProcessedEventStore(session, clock, dialect);
    this.audit = new JdbcAuditLog(session);
    this.breakevenPlans = new JdbcBreakevenPlanStore(session, clock);
    this.cards = new JdbcOrderCardStore(session, clock);
    this.owedActions = new JdbcOwedActionStore(session);
    this.keyPostures = new JdbcKeyPostureStore(session);
    this.limits = new JdbcLimitStore(session);
    this.stepUps = new JdbcStepUpStore(session);
    this.leases = new JdbcLeaseStore(session);
    this.listsForEvents = new JdbcListForEvent(session);
  }

  @Override
  public ChatUserStore users() {
    return users;
  }

  @Override
  public SealedCredentialStore credentials() {
    return credentials;
  }

  @Override
  public KeyCheckStore keyChecks() {
    return keyChecks;
  }

  @Override
  public PendingConfirmationStore confirmations() {
    return confirmations;
  }

  @Override
  public TrackedOrderListStore orderLists() {
    return orderLists;
  }

  @Override
  public NotificationOutbox outbox() {
    return outbox;
  }

  @Override
  public AlertSubscriptionStore subscriptions() {
    return subscriptions;
  }

  @Override
  public ProcessedEventStore processedEvents() {
    return processedEvents;
  }

  @Override
  public AuditLog audit() {
    return audit;
  }

  @Override
  public BreakevenPlanStore breakevenPlans() {
    return breakevenPlans;
  }

  @Override
  public OrderCardStore cards() {
    return cards;
  }

  @Override
  public OwedActionStore owedActions() {
    return owedActions;
  }

  @Override
  public KeyPostureStore keyPostures() {
    return keyPostures;
  }

  @Override
  public LimitStore limits() {
    return limits;
  }

  @Override
  public StepUpStore stepUps() {
    return stepUps;
  }

  @Override
  public LeaseStore leases() {
    return leases;
  }

  @Override
  public Optional<ListForEvent> listForEvent(String listClientOrderId) {
    return listsForEvents.find(listClientOrderId);
  }
}
