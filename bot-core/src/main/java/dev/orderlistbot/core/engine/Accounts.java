package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.OrderEventSource;
import dev.orderlistbot.core.security.CredentialInfo;
import dev.orderlistbot.core.security.KeyVault;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Whose account a trader's calls go to: in PAPER mode a paper account per chat user (the paper
 * exchange keys accounts by API key), otherwise the trader's active stored key ({@link ActiveKeys}).
 * It also starts each user's order events once, so fills reach them. Thread-safe.
 */
final class Accounts {
  private final EngineConfig config;
  private final KeyVault vault;
  private final ActiveKeys keys;
  private final Optional<OrderEventSource> events;
  private final Set<UserRef> watched = ConcurrentHashMap.newKeySet();

  Accounts(EngineConfig config, KeyVault vault, Optional<OrderEventSource> events) {
    this.config = config;
    this.vault = vault;
    this.keys = new ActiveKeys(vault);
    this.events = events;
  }

  boolean isPaper() {
    return !config.environment().needsApiKeys();
  }

  /** Whether the user can trade now: always on paper, otherwise with a paired stored key. */
  boolean canTrade(UserRef user) {
    return isPaper() || activeKey(user).isPresent();
  }

  /** Runs {@code use} with the user's credentials, destroyed afterwards; empty without a key. */
  <T> Optional<T> withCredentials(UserRef user, Function<? super ApiCredentials, ? extends T> use) {
    if (isPaper()) {
      ApiCredentials paper = paper(user);
      try {
        return Optional.ofNullable(use.apply(paper));
      } finally {
        paper.secret().destroy();
      }
    }
    return activeKey(user).flatMap(key -> vault.withCredentials(user, key.id(), use));
  }

  /** Starts the user's order events unless this engine already did. */
  void ensureWatched(UserRef user) {
    if (events.isEmpty() || watched.contains(user)) {
      return;
    }
    if (isPaper()) {
      events.get().watch(user, paper(user));
      watched.add(user);
      return;
    }
    // the source keeps these credentials for its connection, so they are not destroyed here
    keys.open(user).ifPresent(credentials -> {
      events.get().watch(user, credentials);
      watched.add(user);
    });
  }

  /** Restarts the user's order events, wherever they run, with a newly stored key. */
  void watch(UserRef user, CredentialId key) {
    if (events.isEmpty()) {
      return;
    }
    // as in ensureWatched: the source keeps these credentials
    vault.open(user, key).ifPresent(credentials -> events.get().restart(user, credentials));
    watched.add(user);
  }

  /**
   * Asks the order events' source to catch the user's lists up over REST: an event of theirs may
   * have been missed. Answers whether a catch-up will run: not without a source, a key, or from a
   * source that cannot look back.
   */
  boolean catchUp(UserRef user) {
    if (events.isEmpty()) {
      return false;
    }
    if (isPaper()) {
      return events.get().catchUp(user, paper(user));
    }
    // as for watch: the source keeps these credentials for its retries, so they are not destroyed here
    return keys.open(user).map(credentials -> events.get().catchUp(user, credentials)).orElse(false);
  }

  void unwatch(UserRef user) {
    events.ifPresent(source -> source.unwatch(user));
    watched.remove(user);
  }

  /** The user's stored keys, oldest first, with whether each is an unpaired {@code /keygen} pair. */
  List<ActiveKeys.StoredKey> keys(UserRef user) {
    return keys.keys(user);
  }

  /** The newest paired key. */
  Optional<CredentialInfo> activeKey(UserRef user) {
    return keys.active(user);
  }

  /** The newest key pair made by {@code /keygen} that waits for its API key. */
  Optional<CredentialInfo> pendingKeygen(UserRef user) {
    return keys.pendingKeygen(user);
  }

  private static ApiCredentials paper(UserRef user) {
    return new ApiCredentials(KeyType.HMAC, "paper-" + user.platform() + "-" + user.userId(), Secret.of("paper"));
  }
}
