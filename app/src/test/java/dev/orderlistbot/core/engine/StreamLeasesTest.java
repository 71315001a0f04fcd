package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.OrderEventSource;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Instances on one database share the accounts' streams: each account on exactly one live instance. */
class StreamLeasesTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  /** The owners of open lists, as the database would answer. */
  private final Set<UserRef> openListOwners = new CopyOnWriteArraySet<>();
  /** Each user's active API key, as the vault would open it. */
  private final Map<UserRef, String> activeKeys = new ConcurrentHashMap<>();
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 5), clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aloneAnInstanceStreamsEveryOwnerOfOpenListsWithTheirActiveKey() {
    List<UserRef> users = traders(3);
    Instance a = new Instance("bot-a");

    a.tick();

    assertThat(a.connections.keys).containsOnlyKeys(users);
    assertThat(a.connections.keys).containsEntry(users.get(0), "key-0");
  }

  @Test
  void aSecondInstanceGetsAboutHalfTheAccountsAndNoAccountIsStreamedTwice() {
    List<UserRef> users = traders(100);
    Instance a = new Instance("bot-a");
    a.tick();
    Instance b = new Instance("bot-b");

    for (int round = 0; round < 4; round++) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      b.tick();
      a.tick();
    }

    assertThat(a.connections.keys.keySet()).doesNotContainAnyElementsOf(b.connections.keys.keySet());
    Set<UserRef> union = new HashSet<>(a.connections.keys.keySet());
    union.addAll(b.connections.keys.keySet());
    assertThat(union).containsExactlyInAnyOrderElementsOf(users);
    assertThat(a.connections.keys.size()).isBetween(45, 55);
    assertThat(a.streams.streamedCount()).isEqualTo(a.connections.keys.size());
  }

  @Test
  void aKilledInstancesAccountsAreStreamedAgainByAnotherWithin30Seconds() {
    List<UserRef> users = traders(40);
    Instance a = new Instance("bot-a");
    Instance b = new Instance("bot-b");
    for (int round = 0; round < 3; round++) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      a.tick();
      b.tick();
    }
    assertThat(a.connections.keys).isNotEmpty();

    // a is killed: it renews nothing and closes nothing; b ticks every 5 s
    Duration waited = Duration.ZERO;
    while (b.connections.keys.size() < users.size() && waited.compareTo(Duration.ofMinutes(2)) < 0) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      waited = waited.plus(InstanceLeases.RENEW_EVERY);
      b.tick();
    }

    assertThat(b.connections.keys).containsOnlyKeys(users);
    assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(b.leases.takenOverCount()).isPositive();
  }

  @Test
  void aCleanlyStoppedInstancesAccountsAreTakenAtTheOthersNextTick() {
    List<UserRef> users = traders(10);
    Instance a = new Instance("bot-a");
    a.tick();
    Instance b = new Instance("bot-b");
    b.tick();

    a.leases.releaseAll();
    clock.advance(InstanceLeases.RENEW_EVERY);
    b.tick();

    assertThat(b.connections.keys).containsOnlyKeys(users);
  }

  @Test
  void aKeyStoredOnAnotherInstanceMovesTheStreamThereWithTheNewKeyAndTheFormerHolderStops() {
    UserRef alice = traders(1).get(0);
    Instance a = new Instance("bot-a");
    a.tick();
    Instance b = new Instance("bot-b");
    b.tick();
    assertThat(a.connections.keys).containsEntry(alice, "key-0");

    activeKeys.put(alice, "key-new");
    b.streams.restart(alice, credentials("key-new"));
    assertThat(b.connections.keys).containsEntry(alice, "key-new");
    clock.advance(InstanceLeases.RENEW_EVERY);
    a.tick();
    b.tick();

    assertThat(a.connections.keys).doesNotContainKey(alice);
    assertThat(b.connections.keys).containsEntry(alice, "key-new");
    assertThat(a.leases.lostCount()).isEqualTo(1);
  }

  @Test
  void keysDeletedOnAnotherInstanceStopTheStreamWhereItRunsAndNobodyTakesItAgain() {
    UserRef alice = traders(1).get(0);
    Instance a = new Instance("bot-a");
    a.tick();
    Instance b = new Instance("bot-b");
    b.tick();

    activeKeys.remove(alice);
    b.streams.unwatch(alice);
    for (int round = 0; round < 6; round++) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      a.tick();
      b.tick();
    }

    assertThat(a.connections.keys).isEmpty();
    assertThat(b.connections.keys).isEmpty();
  }

  @Test
  void aTraderWatchedHereWhileAnotherInstanceStreamsThemStaysThereAndTheKeyIsDestroyed() {
    UserRef alice = traders(1).get(0);
    Instance a = new Instance("bot-a");
    a.tick();
    Instance b = new Instance("bot-b");
    b.tick();
    ApiCredentials opened = credentials("key-0");

    b.streams.watch(alice, opened);

    assertThat(b.connections.keys).isEmpty();
    assertThat(a.connections.keys).containsOnlyKeys(alice);
    assertThatThrownBy(() -> opened.secret().reveal()).as("destroyed, not kept").isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aTraderWithoutOpenListsWatchedHereIsTakenOverFromADeadHolder() {
    UserRef bob = new UserRef("telegram", "77");
    activeKeys.put(bob, "key-bob");
    Instance a = new Instance("bot-a");
    a.tick();
    a.streams.watch(bob, credentials("key-bob"));
    Instance b = new Instance("bot-b");
    b.streams.watch(bob, credentials("key-bob"));
    assertThat(b.connections.keys).isEmpty();

    for (int round = 0; round < 6; round++) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      b.tick();
    }

    assertThat(b.connections.keys).containsOnlyKeys(bob);
  }

  @Test
  void anAccountWhoseListsAllEndedIsLetGoUnlessItsTraderTradedHere() {
    List<UserRef> users = traders(2);
    Instance a = new Instance("bot-a");
    a.tick();
    a.streams.watch(users.get(1), credentials("key-1"));

    openListOwners.clear();
    clock.advance(InstanceLeases.RENEW_EVERY);
    a.tick();

    assertThat(a.connections.keys).containsOnlyKeys(users.get(1));
  }

  @Test
  void anAccountWhoseKeyCannotBeOpenedDoesNotKeepTheOthersFromTheirStreams() {
    List<UserRef> users = traders(3);
    Instance a = new Instance("bot-a", user -> {
      if (user.equals(users.get(0))) {
        throw new IllegalStateException("sealed under another master key");
      }
      return Optional.of(credentials(activeKeys.get(user)));
    });

    a.tick();

    assertThat(a.connections.keys).containsOnlyKeys(users.get(1), users.get(2));
  }

  @Test
  void aUserIdOfAnyCharactersMakesAValidLeaseName() {
    assertThat(StreamLeases.leaseName(new UserRef("telegram", "12345"))).isEqualTo("stream:telegram:12345");
    assertThat(StreamLeases.leaseName(new UserRef("console", "a b \"c\"")))
        .startsWith("stream:console:#").hasSize("stream:console:#".length() + 64);
  }

  private List<UserRef> traders(int count) {
    List<UserRef> users = IntStream.range(0, count).mapToObj(i -> new UserRef("telegram", String.valueOf(1000 + i))).toList();
    for (int i = 0; i < count; i++) {
      openListOwners.add(users.get(i));
      activeKeys.put(users.get(i), "key-" + i);
    }
    return users;
  }

  private static ApiCredentials credentials(String apiKey) {
    return new ApiCredentials(KeyType.HMAC, apiKey, Secret.of("secret-of-" + apiKey));
  }

  /** One bot instance: its leases, its own connections, and its share of the streams. */
  private final class Instance {
    final InstanceLeases leases;
    final Connections connections = new Connections();
    final StreamLeases streams;

    Instance(String id) {
      this(id, user -> Optional.ofNullable(activeKeys.get(user)).map(StreamLeasesTest::credentials));
    }

    Instance(String id, Function<UserRef, Optional<ApiCredentials>> keys) {
      leases = new InstanceLeases(database.transactor(), clock, id, Set.of(InstanceLeases.SWEEPS));
      streams = new StreamLeases(leases, connections, () -> openListOwners, keys);
    }

    /** What the app runs every 5 s: renew the leases, then share the streams. */
    void tick() {
      leases.tick();
      streams.tick();
    }
  }

  /** The accounts an instance's own source is subscribed to, with the API key of each. */
  private static final class Connections implements OrderEventSource {
    final Map<UserRef, String> keys = new ConcurrentHashMap<>();

    @Override
    public void watch(UserRef user, ApiCredentials credentials) {
      keys.put(user, credentials.apiKey());
    }

    @Override
    public void unwatch(UserRef user) {
      keys.remove(user);
    }

    @Override
    public boolean catchUp(UserRef user, ApiCredentials credentials) {
      return true;
    }
  }
}
