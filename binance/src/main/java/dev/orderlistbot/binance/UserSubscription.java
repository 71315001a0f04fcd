package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Optional;
import java.util.Set;

/**
 * One watched user's subscription: whose key, on which connection, and how it stands (its
 * subscription id once Binance confirmed it, whether the key was refused, retries so far). A new
 * {@code watch} or a move to another connection makes a new one; the {@link SubscriptionRegistry}
 * knows which one is current.
 *
 * <p><b>Threading.</b> Not thread-safe: read and changed only on the stream's serial sequence.
 */
final class UserSubscription {
  final UserRef user;
  final ApiCredentials credentials;
  final PayloadSigner signer;
  final ConnectionSubscriptions connection;
  /** Connections where Binance answered that the account is already subscribed (another user). */
  final Set<ConnectionSubscriptions> refusedOn;

  /** Present while the subscription stands. */
  Optional<Long> subscriptionId = Optional.empty();
  /** Binance refused the key: not subscribed again until the user is watched again. */
  boolean rejected;
  /** An {@code eventStreamTerminated} was answered with a new subscription since the last (re)connect. */
  boolean terminationRetried;
  /** Subscription attempts refused in a row for a passing reason, for the {@link Backoff}. */
  int failures;

  UserSubscription(
      UserRef user,
      ApiCredentials credentials,
      PayloadSigner signer,
      ConnectionSubscriptions connection,
      Set<ConnectionSubscriptions> refusedOn) {
    this.user = user;
    this.credentials = credentials;
    this.signer = signer;
    this.connection = connection;
    this.refusedOn = Set.copyOf(refusedOn);
  }

  /** Whether the subscription stands and the key was not refused: what a catch-up is for. */
  boolean stands() {
    return subscriptionId.isPresent() && !rejected;
  }
}
