package dev.orderlistbot.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which user is subscribed on which connection, and what each answer of Binance's leads to, over
 * fake connections: no network, no threads, every step in the test's hands.
 */
class SubscriptionRegistryTest {
  private static final UserRef ALICE = new UserRef("telegram", "1001");
  private static final UserRef BOB = new UserRef("discord", "2002");
  private static final UserRef CAROL = new UserRef("discord", "303");
  private static final UserRef DAVE = new UserRef("telegram", "404");
  private static final String BOB_KEY = "bobKeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  private static final String DAVE_KEY = "daveKeyDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD";

  record Delivered(UserRef user, OrderListUpdate update) {}

  private final List<FakeUserDataLink> links = new ArrayList<>();
  private final List<BinanceUserDataStream.RejectedKey> rejected = new ArrayList<>();
  private final List<UserRef> reconciled = new ArrayList<>();
  private final List<Delivered> delivered = new ArrayList<>();

  private SubscriptionRegistry registry(int maxPerConnection) {
    return new SubscriptionRegistry(
        maxPerConnection,
        new ConnectionSubscriptions.Shared(
            (index, listener) -> {
              FakeUserDataLink link = new FakeUserDataLink(index, listener);
              links.add(link);
              return link;
            },
            new UserDataFrames(new ObjectMapper()),
            BinanceConfig.defaults(BinanceConfig.Environment.TESTNET),
            new BinanceUserDataStream.Timestamps() {
              @Override
              public long nowMillis() {
                return 1_700_000_000_000L;
              }

              @Override
              public void resync() {}
            },
            new Backoff(Duration.ofMillis(50), Duration.ofMillis(400)),
            (user, update) -> delivered.add(new Delivered(user, update)),
            rejected::add,
            new CatchUpTrigger((user, credentials) -> reconciled.add(user), Runnable::run)));
  }

  private static ApiCredentials shared() {
    return TestKeys.hmac();
  }

  private static ApiCredentials bob() {
    return TestKeys.hmac(BOB_KEY, "bobSecret");
  }

  private static ApiCredentials dave() {
    return TestKeys.hmac(DAVE_KEY, "daveSecret");
  }

  @Test
  void aSecondUserOnTheSameAccountIsSubscribedOnAnotherConnection() {
    SubscriptionRegistry registry = registry(1_000);
    registry.watch(ALICE, shared());
    registry.watch(CAROL, shared());
    assertThat(links).hasSize(1);
    FakeUserDataLink first = links.get(0);
    first.open();
    assertThat(first.subscribedKeys()).containsExactly(TestKeys.HMAC_API_KEY, TestKeys.HMAC_API_KEY);

    first.subscribed("uds-1", 0);
    first.refused("uds-2", 400, -2035);

    assertThat(links).hasSize(2);
    FakeUserDataLink second = links.get(1);
    second.open();
    assertThat(second.subscribedKeys()).containsExactly(TestKeys.HMAC_API_KEY);
    second.subscribed(second.lastSubscribeId(), 0);
    assertThat(registry.current(ALICE).connection.index).isZero();
    assertThat(registry.current(CAROL).connection.index).isEqualTo(1);
    assertThat(first.shutDown()).isFalse();
    assertThat(reconciled).containsExactly(ALICE, CAROL);
    assertThat(rejected).isEmpty();

    first.receive(Fixtures.text("list-status-oco-all-done.json"));
    second.receive(Fixtures.text("list-status-oco-all-done.json"));
    assertThat(delivered).extracting(Delivered::user).containsExactly(ALICE, CAROL);
  }

  @Test
  void aUserRefusedOnEveryConnectionSoFarIsSubscribedOnANewOne() {
    SubscriptionRegistry registry = registry(1_000);
    registry.watch(ALICE, shared());
    registry.watch(CAROL, shared());
    registry.watch(DAVE, shared());
    links.get(0).open();
    links.get(0).subscribed("uds-1", 0);
    links.get(0).refused("uds-2", 400, -2035);
    links.get(0).refused("uds-3", 400, -2035);
    assertThat(links).hasSize(2);
    assertThat(registry.current(DAVE).connection.index).isEqualTo(1);

    links.get(1).open();
    links.get(1).subscribed("uds-4", 0);
    links.get(1).refused("uds-5", 400, -2035);

    assertThat(links).hasSize(3);
    assertThat(registry.current(CAROL).connection.index).isEqualTo(1);
    assertThat(registry.current(DAVE).connection.index).isEqualTo(2);
  }

  @Test
  void aConnectionCarriesNoMoreUsersThanItsLimit() {
    SubscriptionRegistry registry = registry(2);
    registry.watch(ALICE, shared());
    registry.watch(BOB, bob());
    registry.watch(DAVE, dave());

    assertThat(links).hasSize(2);
    links.forEach(FakeUserDataLink::open);
    assertThat(links.get(0).subscribedKeys()).containsExactly(TestKeys.HMAC_API_KEY, BOB_KEY);
    assertThat(links.get(1).subscribedKeys()).containsExactly(DAVE_KEY);
  }

  @Test
  void theLastUserLeavingAConnectionClosesItAndTheNextUserGetsANewOne() {
    SubscriptionRegistry registry = registry(1);
    registry.watch(ALICE, shared());
    registry.watch(BOB, bob());
    links.forEach(FakeUserDataLink::open);
    links.get(1).subscribed("uds-2", 7);

    registry.unwatch(BOB);

    assertThat(links.get(1).unsubscribed()).containsExactly(7L);
    assertThat(links.get(1).shutDown()).isTrue();
    assertThat(links.get(0).shutDown()).isFalse();
    registry.watch(DAVE, dave());
    assertThat(links).hasSize(3);
  }

  @Test
  void anAnswerForASubscriptionReplacedMeanwhileEndsIt() {
    SubscriptionRegistry registry = registry(1_000);
    registry.watch(ALICE, bob());
    links.get(0).open();
    registry.watch(ALICE, shared());

    links.get(0).subscribed("uds-1", 0);
    links.get(0).subscribed("uds-2", 1);

    assertThat(links.get(0).unsubscribed()).containsExactly(0L);
    assertThat(registry.current(ALICE).subscriptionId).contains(1L);
    assertThat(reconciled).containsExactly(ALICE);
  }

  @Test
  void aFullConnectionIsReplacedAtOnce() {
    SubscriptionRegistry registry = registry(1_000);
    registry.watch(ALICE, shared());
    links.get(0).open();

    links.get(0).refused("uds-1", 400, -2042);

    assertThat(links.get(0).replaced()).containsExactly("subscription limit in 0 ms");
    assertThat(links).hasSize(1);
  }

  @Test
  void aRefusedKeyIsReportedOnceAndNotSubscribedWhenTheConnectionOpensAgain() {
    SubscriptionRegistry registry = registry(1_000);
    registry.watch(ALICE, shared());
    links.get(0).open();

    links.get(0).refused("uds-1", 401, -2015);
    links.get(0).drop("test");
    links.get(0).open();

    assertThat(links.get(0).subscribedKeys()).hasSize(1);
    assertThat(rejected).singleElement().satisfies(r -> assertThat(r.user()).isEqualTo(ALICE));
    assertThat(reconciled).isEmpty();
  }

  @Test
  void aPassingFailureIsRetriedAfterABackoffThatDoubles() {
    SubscriptionRegistry registry = registry(1_000);
    registry.watch(ALICE, shared());
    FakeUserDataLink link = links.get(0);
    link.open();

    link.refused("uds-1", 429, -1003);
    FakeUserDataLink.Timer retry = link.timers().get(link.timers().size() - 1);
    assertThat(retry.delay()).isEqualTo(Duration.ofMillis(50));
    retry.task().run();
    link.refused(link.lastSubscribeId(), 429, -1003);
    FakeUserDataLink.Timer secondRetry = link.timers().get(link.timers().size() - 1);

    assertThat(link.subscribedKeys()).hasSize(2);
    assertThat(secondRetry.delay()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void anEventIsDeliveredOnlyForASubscriptionStandingOnItsOwnConnection() {
    SubscriptionRegistry registry = registry(1);
    registry.watch(ALICE, shared());
    registry.watch(BOB, bob());
    links.forEach(FakeUserDataLink::open);
    links.get(1).subscribed("uds-2", 0);

    links.get(0).receive(Fixtures.text("list-status-oco-all-done.json"));
    links.get(1).receive(Fixtures.text("list-status-oco-all-done.json"));

    assertThat(delivered).extracting(Delivered::user).containsExactly(BOB);
  }
}
