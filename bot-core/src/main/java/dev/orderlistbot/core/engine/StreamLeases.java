package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.Lease;
import dev.orderlistbot.core.port.out.LeaseStore.Acquired;
import dev.orderlistbot.core.port.out.OrderEventSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order events of the instances sharing one database: each account is streamed by exactly one
 * live instance, the holder of its lease {@code stream:PLATFORM:USER} (see {@link InstanceLeases}).
 * It wraps this instance's own source (Binance's user data stream) and calls it only for the
 * accounts it holds.
 *
 * <p>{@link #tick()} runs after every lease renewal: it drops the accounts another instance took,
 * takes the free or expired leases of the accounts that need a stream (owners of open lists, and
 * the users who traded here) up to a fair share ({@code accounts / live instances}), and hands a few
 * accounts above that share back so a newly started instance gets its part. Every account it starts
 * is caught up over REST once its subscription stands (the source does that), so an account taken
 * over from a dead instance, or handed from one to another, loses no event; events heard twice in a
 * hand-over are dropped by the router by their id.
 *
 * <p>A key stored on one instance moves the account's stream there at once ({@link #restart}, by
 * {@link InstanceLeases#seize}); the former holder stops its connection at its next tick. Thread-safe:
 * the calls for one account are serialised.
 */
public final class StreamLeases implements OrderEventSource {
  private static final Logger LOG = LoggerFactory.getLogger(StreamLeases.class);

  /** What every account's stream lease is named after. */
  public static final String PREFIX = "stream:";

  /** At most this many accounts above its share an instance hands back per tick. */
  static final int HAND_BACK_PER_TICK = 50;

  private static final Pattern PLAIN_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final int STRIPES = 64;

  private final InstanceLeases leases;
  private final OrderEventSource source;
  private final Supplier<? extends Collection<UserRef>> accountsWithOpenLists;
  private final Function<UserRef, Optional<ApiCredentials>> keys;
  private final Set<UserRef> streamed = ConcurrentHashMap.newKeySet();
  private final Set<UserRef> requested = ConcurrentHashMap.newKeySet();
  private final Object[] stripes = new Object[STRIPES];

  /**
   * @param source this instance's own source of order events
   * @param accountsWithOpenLists the owners of open order lists, read from the database each tick
   * @param keys opens a user's active key (empty without one); see {@link ActiveKeys#open}
   */
  public StreamLeases(
      InstanceLeases leases,
      OrderEventSource source,
      Supplier<? extends Collection<UserRef>> accountsWithOpenLists,
      Function<UserRef, Optional<ApiCredentials>> keys) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.source = Objects.requireNonNull(source, "source");
    this.accountsWithOpenLists = Objects.requireNonNull(accountsWithOpenLists, "accountsWithOpenLists");
    this.keys = Objects.requireNonNull(keys, "keys");
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
  }

  /** The lease of {@code user}'s account stream. */
  public static String leaseName(UserRef user) {
    String id = PLAIN_ID.matcher(user.userId()).matches() ? user.userId() : "#" + sha256(user.userId());
    return PREFIX + user.platform() + ":" + id;
  }

  /** How many accounts this instance streams now. */
  public int streamedCount() {
    return streamed.size();
  }

  /**
   * Streams the user's events here if no other instance does; the user is remembered as needing a
   * stream, so a later tick takes it over if its holder dies.
   */
  @Override
  public void watch(UserRef user, ApiCredentials credentials) {
    requested.add(user);
    boolean handed = false;
    synchronized (stripe(user)) {
      try {
        String name = leaseName(user);
        if (streamed.contains(user) && leases.holds(name)) {
          return;
        }
        if (leases.acquire(name).held()) {
          streamed.add(user);
          source.watch(user, credentials);
          handed = true;
        }
      } catch (RuntimeException e) {
        LOG.warn("Could not take the order events of {} now; the next lease tick tries again", user, e);
      } finally {
        if (!handed) {
          credentials.secret().destroy();
        }
      }
    }
  }

  /** The key changed here: the account's stream moves to this instance with the new key. */
  @Override
  public void restart(UserRef user, ApiCredentials credentials) {
    requested.add(user);
    boolean handed = false;
    synchronized (stripe(user)) {
      try {
        leases.seize(leaseName(user));
        streamed.add(user);
        source.watch(user, credentials);
        handed = true;
      } catch (RuntimeException e) {
        LOG.warn("Could not move the order events of {} here with the new key; the instance streaming them keeps the old one", user, e);
      } finally {
        if (!handed) {
          credentials.secret().destroy();
        }
      }
    }
  }

  /** Stops the user's events wherever they run: the lease is taken from its holder and given up. */
  @Override
  public void unwatch(UserRef user) {
    requested.remove(user);
    synchronized (stripe(user)) {
      if (streamed.remove(user)) {
        source.unwatch(user);
      }
      try {
        String name = leaseName(user);
        leases.seize(name);
        leases.release(name);
      } catch (RuntimeException e) {
        LOG.warn("Could not give up the order events' lease of {}; it lapses in {}", user, InstanceLeases.TTL, e);
      }
    }
  }

  /** A catch-up over REST runs on whichever instance asks: the router drops what it heard already. */
  @Override
  public boolean catchUp(UserRef user, ApiCredentials credentials) {
    return source.catchUp(user, credentials);
  }

  /** Drops what another instance took, takes a fair share of what nobody streams, hands back the excess. */
  public void tick() {
    try {
      dropLost();
      List<Lease> everyone = leases.everyone();
      Set<String> live = everyone.stream().map(Lease::name).collect(Collectors.toSet());
      Set<UserRef> wanted = new LinkedHashSet<>(accountsWithOpenLists.get());
      wanted.addAll(requested);
      int share = Math.ceilDiv(wanted.size(), InstanceLeases.liveInstances(everyone));
      int room = share - streamed.size();
      for (UserRef user : wanted) {
        if (room <= 0) {
          break;
        }
        String name = leaseName(user);
        boolean free = !live.contains(name) || leases.holds(name);
        if (!streamed.contains(user) && free && takeQuietly(user)) {
          room--;
        }
      }
      handBack(wanted, share);
    } catch (RuntimeException e) {
      LOG.warn("Could not share the order events' streams this tick; the next one tries again", e);
    }
  }

  private void dropLost() {
    for (UserRef user : List.copyOf(streamed)) {
      if (!leases.holds(leaseName(user))) {
        synchronized (stripe(user)) {
          if (!leases.holds(leaseName(user)) && streamed.remove(user)) {
            source.unwatch(user);
            LOG.info("The order events of {} are streamed by another instance now", user);
          }
        }
      }
    }
  }

  /** One account whose key cannot be opened (or whose lease cannot be asked for) does not stop the others. */
  private boolean takeQuietly(UserRef user) {
    try {
      return take(user);
    } catch (RuntimeException e) {
      LOG.warn("Could not take the order events of {}; the next renewal tries again", user, e);
      return false;
    }
  }

  private boolean take(UserRef user) {
    synchronized (stripe(user)) {
      if (streamed.contains(user)) {
        return false;
      }
      Optional<ApiCredentials> credentials = keys.apply(user);
      if (credentials.isEmpty()) {
        return false;
      }
      Acquired answer = leases.acquire(leaseName(user));
      if (!answer.held()) {
        credentials.get().secret().destroy();
        return false;
      }
      streamed.add(user);
      // the source keeps the credentials for its connection, and catches the account up once subscribed
      source.watch(user, credentials.get());
      if (answer == Acquired.TAKEN_OVER) {
        LOG.info("Took over the order events of {} from an instance that stopped", user);
      }
      return true;
    }
  }

  /** Accounts no one needs streamed go first, then those above a share (and a little slack). */
  private void handBack(Set<UserRef> wanted, int share) {
    List<UserRef> order = new ArrayList<>();
    streamed.stream().filter(user -> !wanted.contains(user)).forEach(order::add);
    int slack = 1 + share / 20;
    int excess = streamed.size() - share - slack;
    if (excess > 0) {
      streamed.stream().filter(wanted::contains).limit(excess).forEach(order::add);
    }
    order.stream().limit(HAND_BACK_PER_TICK).forEach(this::giveBack);
  }

  private void giveBack(UserRef user) {
    synchronized (stripe(user)) {
      if (streamed.remove(user)) {
        source.unwatch(user);
        leases.release(leaseName(user));
      }
    }
  }

  private Object stripe(UserRef user) {
    return stripes[Math.floorMod(user.hashCode(), STRIPES)];
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
