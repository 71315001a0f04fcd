package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the {@link BinanceUserDataStream.Reconciler} so that what happened while a user's
 * subscription did not stand is still reported: once for a user each time their subscription
 * stands, and for every standing subscription on {@link BinanceUserDataStream#catchUpEveryone}.
 *
 * <p><b>Threading.</b> Called on the stream's serial sequence; the reconciler itself runs on the
 * injected scheduler, outside that sequence, so a slow one holds up no event.
 */
final class CatchUpTrigger {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);

  private final BinanceUserDataStream.Reconciler reconciler;
  private final Executor executor;

  CatchUpTrigger(BinanceUserDataStream.Reconciler reconciler, Executor executor) {
    this.reconciler = reconciler;
    this.executor = executor;
  }

  /** {@code subscription} just stood (a first subscription, or one after a reconnect or a retry). */
  void subscriptionStands(UserSubscription subscription) {
    user(subscription.user, subscription.credentials);
  }

  /** Catches {@code user} up: the engine learned that an event of theirs may have been missed. */
  void user(UserRef user, ApiCredentials credentials) {
    try {
      executor.execute(
          () -> {
            try {
              reconciler.reconcile(user, credentials);
            } catch (RuntimeException e) {
              log.warn("reconciling {} failed: {}", user, e.getClass().getSimpleName());
            }
          });
    } catch (RejectedExecutionException e) {
      log.debug("scheduler shut down; reconcile of {} dropped", user);
    }
  }

  /** Catches up each of {@code subscriptions} that {@linkplain UserSubscription#stands() stands}. */
  void everyone(Collection<UserSubscription> subscriptions) {
    for (UserSubscription subscription : subscriptions) {
      if (subscription.stands()) {
        subscriptionStands(subscription);
      }
    }
  }
}
