package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatchUpTriggerTest {
  private static final UserRef ALICE = new UserRef("telegram", "1001");
  private static final UserRef BOB = new UserRef("discord", "2002");
  private static final UserRef CAROL = new UserRef("discord", "303");

  private final List<UserRef> reconciled = new ArrayList<>();

  private static UserSubscription subscription(UserRef user) {
    return new UserSubscription(user, TestKeys.hmac(), PayloadSigner.of(TestKeys.hmac()), null, Set.of());
  }

  @Test
  void everyoneMeansOnlyTheUsersWhoseSubscriptionStands() {
    CatchUpTrigger trigger = new CatchUpTrigger((user, credentials) -> reconciled.add(user), Runnable::run);
    UserSubscription standing = subscription(ALICE);
    standing.subscriptionId = Optional.of(4L);
    UserSubscription refused = subscription(BOB);
    refused.subscriptionId = Optional.of(5L);
    refused.rejected = true;
    UserSubscription pending = subscription(CAROL);

    trigger.everyone(List.of(standing, refused, pending));

    assertThat(reconciled).containsExactly(ALICE);
  }

  @Test
  void aReconcilerThatThrowsDoesNotKeepTheOthersFromCatchingUp() {
    CatchUpTrigger trigger =
        new CatchUpTrigger(
            (user, credentials) -> {
              reconciled.add(user);
              if (user.equals(ALICE)) {
                throw new IllegalStateException("REST down");
              }
            },
            Runnable::run);
    UserSubscription alice = subscription(ALICE);
    alice.subscriptionId = Optional.of(1L);
    UserSubscription bob = subscription(BOB);
    bob.subscriptionId = Optional.of(2L);

    trigger.everyone(List.of(alice, bob));

    assertThat(reconciled).containsExactly(ALICE, BOB);
  }

  @Test
  void aShutDownSchedulerDropsTheCatchUpWithoutThrowing() {
    CatchUpTrigger trigger =
        new CatchUpTrigger(
            (user, credentials) -> reconciled.add(user),
            task -> {
              throw new java.util.concurrent.RejectedExecutionException("shut down");
            });

    trigger.subscriptionStands(subscription(ALICE));

    assertThat(reconciled).isEmpty();
  }
}
