package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which watched user is subscribed on which connection: each user's current {@link
 * UserSubscription}, at most {@code maxPerConnection} users per connection (a new connection when
 * all are full), a user whose account Binance says is already subscribed on a connection ({@code
 * -2035}, another user of the bot on the same account) moved to one where it is not, and a
 * connection closed once its last user left.
 *
 * <p><b>Threading.</b> Not thread-safe: every method runs on the stream's serial sequence.
 */
final class SubscriptionRegistry {
  private static final Logger log = LoggerFactory.getLogger(BinanceUserDataStream.class);

  private final int maxPerConnection;
  private final ConnectionSubscriptions.Shared shared;
  private final Map<UserRef, UserSubscription> watches = new HashMap<>();
  private final List<ConnectionSubscriptions> connections = new ArrayList<>();
  private int nextConnectionIndex;
  private boolean closed;

  SubscriptionRegistry(int maxPerConnection, ConnectionSubscriptions.Shared shared) {
    this.maxPerConnection = maxPerConnection;
    this.shared = shared;
  }

  /** Subscribes {@code user}'s account, replacing a subscription with other credentials. */
  void watch(UserRef user, ApiCredentials credentials) {
    if (closed) {
      return;
    }
    UserSubscription current = watches.get(user);
    if (current != null && !current.rejected && sameCredentials(current.credentials, credentials)) {
      return; // idempotent: the subscription stands or is on its way
    }
    PayloadSigner signer;
    try {
      signer = PayloadSigner.of(credentials);
    } catch (IllegalArgumentException e) {
      shared.rejectedKeys().accept(new BinanceUserDataStream.RejectedKey(user, e.getMessage()));
      return;
    }
    UserSubscription old = watches.remove(user);
    ConnectionSubscriptions connection;
    if (old != null) {
      old.connection.release(old);
      connection = old.connection;
    } else {
      connection = connectionWithRoom(Set.of());
    }
    UserSubscription subscription = new UserSubscription(user, credentials, signer, connection, Set.of());
    watches.put(user, subscription);
    connection.join(user);
    connection.subscribe(subscription);
  }

  /** Ends {@code user}'s subscription, and their connection if they were its last user. */
  void unwatch(UserRef user) {
    UserSubscription old = watches.remove(user);
    if (old == null) {
      return;
    }
    ConnectionSubscriptions connection = old.connection;
    connection.release(old);
    connection.leave(user);
    closeIfEmpty(connection);
  }

  /**
   * Binance allows one subscription per account per connection ({@code -2035}): when two users of
   * the bot trade on one account (a shared key, or two keys of one account), the second one is
   * subscribed on another connection, and each hears the account's events (the router keeps each
   * user's own lists).
   */
  void moveElsewhere(UserSubscription subscription) {
    if (!isCurrent(subscription) || closed) {
      return;
    }
    ConnectionSubscriptions from = subscription.connection;
    from.leave(subscription.user);
    Set<ConnectionSubscriptions> avoid = new HashSet<>(subscription.refusedOn);
    avoid.add(from);
    ConnectionSubscriptions to = connectionWithRoom(avoid);
    UserSubscription moved =
        new UserSubscription(subscription.user, subscription.credentials, subscription.signer, to, avoid);
    watches.put(subscription.user, moved);
    to.join(subscription.user);
    log.info(
        "{}'s account is already subscribed on connection {} for another user; subscribing on connection {}",
        subscription.user,
        from.index,
        to.index);
    to.subscribe(moved);
    closeIfEmpty(from);
  }

  /** {@code user}'s current subscription, or null when the user is not watched. */
  UserSubscription current(UserRef user) {
    return watches.get(user);
  }

  /** Whether {@code subscription} is its user's current one (not replaced, moved or unwatched). */
  boolean isCurrent(UserSubscription subscription) {
    return watches.get(subscription.user) == subscription;
  }

  /** Catches up every user whose subscription stands. */
  void catchUpEveryone() {
    shared.catchUp().everyone(watches.values());
  }

  /** Closes every connection and forgets every user; later calls change nothing. */
  void close() {
    closed = true;
    for (ConnectionSubscriptions connection : List.copyOf(connections)) {
      connection.shutdown();
    }
    connections.clear();
    watches.clear();
  }

  private ConnectionSubscriptions connectionWithRoom(Set<ConnectionSubscriptions> avoid) {
    for (ConnectionSubscriptions connection : connections) {
      if (connection.size() < maxPerConnection && !avoid.contains(connection)) {
        return connection;
      }
    }
    ConnectionSubscriptions connection = new ConnectionSubscriptions(nextConnectionIndex++, this, shared);
    connections.add(connection);
    connection.connect();
    return connection;
  }

  private void closeIfEmpty(ConnectionSubscriptions connection) {
    if (connection.isEmpty()) {
      connection.shutdown();
      connections.remove(connection);
    }
  }

  private static boolean sameCredentials(ApiCredentials a, ApiCredentials b) {
    if (a.type() != b.type() || !a.apiKey().equals(b.apiKey())) {
      return false;
    }
    byte[] x = a.secret().bytes();
    byte[] y = b.secret().bytes();
    try {
      return MessageDigest.isEqual(x, y);
    } finally {
      Arrays.fill(x, (byte) 0);
      Arrays.fill(y, (byte) 0);
    }
  }
}
