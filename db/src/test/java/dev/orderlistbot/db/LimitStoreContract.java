package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.port.out.CountedFill;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.LimitStore;
import dev.orderlistbot.core.port.out.ListBasis;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.UserLimits;
import dev.orderlistbot.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link LimitStore}, on every database the bot runs on. */
abstract class LimitStoreContract {
  static final LocalDate DAY = LocalDate.parse("2026-03-01");

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  UserRef alice;
  UserRef admin;
  String run;

  @BeforeEach
  void freshIds() {
    run = UUID.randomUUID().toString().substring(0, 8);
    alice = new UserRef("telegram", "alice-" + run);
    admin = new UserRef("telegram", "admin-" + run);
  }

  abstract Database database();

  LimitStore limits() {
    return database().stores().limits();
  }

  @Test
  void aTradersOwnLimitsAreStoredExactlyReplacedAndForgotten() {
    assertThat(limits().limitsOf(alice)).isEmpty();
    UserLimits mine =
        new UserLimits(Map.of(LimitKind.PER_LIST, new BigDecimal("500.25"), LimitKind.OPEN_LISTS, new BigDecimal("3")),
            Set.of(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT")));

    limits().putLimits(alice, mine);
    assertThat(limits().limitsOf(alice)).contains(mine);

    limits().putLimits(alice, mine.with(LimitKind.PER_LIST, java.util.Optional.empty()).withWatchList(Set.of()));
    assertThat(limits().limitsOf(alice).orElseThrow().amounts()).containsOnlyKeys(LimitKind.OPEN_LISTS);
    assertThat(limits().limitsOf(alice).orElseThrow().watchList()).isEmpty();

    limits().putLimits(alice, UserLimits.NONE);
    assertThat(limits().limitsOf(alice)).isEmpty();
  }

  @Test
  void aDayAddsUpWhatWasPlacedAndRealisedExactlyAndOtherDaysStartAtZero() {
    assertThat(limits().day(alice, DAY)).isEqualTo(DayUsage.empty(DAY));

    limits().addPlaced(alice, DAY, new BigDecimal("300.1"));
    limits().addPlaced(alice, DAY, new BigDecimal("0.2"));
    limits().addRealised(alice, DAY, new BigDecimal("-12.5"));
    limits().addRealised(alice, DAY, new BigDecimal("2.25"));

    DayUsage day = limits().day(alice, DAY);
    assertThat(day.notionalPlaced()).isEqualByComparingTo("300.3");
    assertThat(day.realisedPnl()).isEqualByComparingTo("-10.25");
    assertThat(day.realisedLoss()).isEqualByComparingTo("10.25");
    assertThat(limits().day(alice, DAY.plusDays(1)).notionalPlaced()).isZero();
  }

  @Test
  void aHaltIsLiftedOnceForItsDayOnly() {
    limits().addRealised(alice, DAY, new BigDecimal("-150"));

    assertThat(limits().resume(alice, DAY, admin, clock.instant())).isTrue();
    assertThat(limits().resume(alice, DAY, admin, clock.instant())).isFalse();

    assertThat(limits().day(alice, DAY).resumedBy()).contains(admin);
    assertThat(limits().day(alice, DAY.plusDays(1)).resumedBy()).isEmpty();
  }

  @Test
  void thePurgeForgetsOldDaysAndTheBasesOfListsSettledLongAgoButKeepsAFollowedListsBasis() {
    limits().addPlaced(alice, DAY.minusDays(40), new BigDecimal("10"));
    limits().addPlaced(alice, DAY, new BigDecimal("20"));
    String settled = list("old", OrderListState.ALL_DONE);
    String followed = list("open", OrderListState.EXECUTING);
    limits().recordBasis(ListBasis.atPlacement(settled, new BigDecimal("30000"), Side.SELL, BigDecimal.ONE));
    limits().recordBasis(ListBasis.atPlacement(followed, new BigDecimal("30000"), Side.SELL, BigDecimal.ONE));
    clock.advance(java.time.Duration.ofDays(40));

    assertThat(limits().purgeBefore(DAY, clock.instant().minus(java.time.Duration.ofDays(30)))).isGreaterThanOrEqualTo(2);

    assertThat(limits().day(alice, DAY.minusDays(40)).notionalPlaced()).isZero();
    assertThat(limits().day(alice, DAY).notionalPlaced()).isEqualByComparingTo("20");
    assertThat(limits().basis(settled)).isEmpty();
    assertThat(limits().basis(followed)).isPresent();
  }

  private String list(String name, OrderListState state) {
    String clientId = "olp-" + name + "-" + run;
    database().stores().orderLists().record(
        new TrackedOrderList(clientId, alice, new ChatRef("telegram", alice.userId()), ListKind.OCO, new Symbol("BTCUSDT"),
            OptionalLong.empty(), List.of(new TrackedLeg(clientId + "-tp", OptionalLong.empty())), state, clock.instant(),
            clock.instant()));
    return clientId;
  }

  @Test
  void aListsBasisIsRecordedOnceAndItsEntryFillOnlyGrows() {
    String list = "ob-" + run;
    limits().recordBasis(ListBasis.atPlacement(list, new BigDecimal("30000"), Side.SELL, BigDecimal.ONE));
    limits().recordBasis(ListBasis.atPlacement(list, new BigDecimal("1"), Side.BUY, BigDecimal.TEN));

    limits().recordEntryFill(list, new BigDecimal("0.01"), new BigDecimal("299.9"));
    limits().recordEntryFill(list, new BigDecimal("0.005"), new BigDecimal("150"));

    ListBasis basis = limits().basis(list).orElseThrow();
    assertThat(basis.referencePrice()).isEqualByComparingTo("30000");
    assertThat(basis.exitSide()).isEqualTo(Side.SELL);
    assertThat(basis.usdtRate()).isEqualByComparingTo("1");
    assertThat(basis.entryQuantity()).isEqualByComparingTo("0.01");
    assertThat(basis.entryQuote()).isEqualByComparingTo("299.9");
    assertThat(limits().basis("ob-unknown-" + run)).isEmpty();
  }

  @Test
  void aLegsCountedFillStartsAtNothingOnlyGrowsAndEachCountAnswersWhatWasCountedBefore() {
    String list = list("counted", OrderListState.EXECUTING);
    String takeProfit = list + "-tp";

    assertCounted(limits().countFill(list, takeProfit, new BigDecimal("0.004"), new BigDecimal("76")), "0", "0");
    assertCounted(limits().countFill(list, takeProfit, new BigDecimal("0.01"), new BigDecimal("190")), "0.004", "76");
    // an older, smaller figure heard late changes nothing
    assertCounted(limits().countFill(list, takeProfit, new BigDecimal("0.004"), new BigDecimal("76")), "0.01", "190");
    assertCounted(limits().countFill(list, takeProfit, new BigDecimal("0.01"), new BigDecimal("190")), "0.01", "190");
  }

  @Test
  void aLegTheListDoesNotHaveHasNoCountedFill() {
    String list = list("no-such-leg", OrderListState.EXECUTING);

    assertThat(limits().countFill(list, list + "-sl", new BigDecimal("0.01"), new BigDecimal("190"))).isEmpty();
    assertThat(limits().countFill("olp-unknown-" + run, "olp-unknown-" + run + "-tp", BigDecimal.ONE, BigDecimal.ONE)).isEmpty();
  }

  @Test
  void aLegsCountedFillIsKeptWhenTheExchangesIdsAreAttached() {
    String list = list("attach", OrderListState.EXECUTING);
    String takeProfit = list + "-tp";
    limits().countFill(list, takeProfit, new BigDecimal("0.004"), new BigDecimal("128"));

    assertThat(database().stores().orderLists().attachExchangeIds(list, 8821, List.of(new TrackedLeg(takeProfit, OptionalLong.of(1001)))))
        .isTrue();

    assertCounted(limits().countFill(list, takeProfit, new BigDecimal("0.01"), new BigDecimal("320")), "0.004", "128");
  }

  @Test
  void aSecondCountOfOneLegWaitsForTheFirstsTransactionAndAnswersWhatItCounted() throws Exception {
    String list = list("turns", OrderListState.EXECUTING);
    String takeProfit = list + "-tp";
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch firstCounted = new CountDownLatch(1);
    CountDownLatch firstMayCommit = new CountDownLatch(1);
    try {
      Future<?> first = pool.submit(() -> database().transactor().inTransaction(stores -> {
        stores.limits().countFill(list, takeProfit, new BigDecimal("0.004"), new BigDecimal("128"));
        firstCounted.countDown();
        try {
          firstMayCommit.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return null;
      }));
      assertThat(firstCounted.await(10, TimeUnit.SECONDS)).isTrue();
      Future<java.util.Optional<CountedFill>> second = pool.submit(() -> database().transactor().inTransaction(
          stores -> stores.limits().countFill(list, takeProfit, new BigDecimal("0.01"), new BigDecimal("320"))));
      // the second count is under way, waiting on the leg's row: had it read the row without a lock,
      // it would answer 0 counted and the 0.004 would be counted twice
      Thread.sleep(300);
      firstMayCommit.countDown();
      first.get(30, TimeUnit.SECONDS);

      assertCounted(second.get(30, TimeUnit.SECONDS), "0.004", "128");
      assertCounted(limits().countFill(list, takeProfit, new BigDecimal("0.01"), new BigDecimal("320")), "0.01", "320");
    } finally {
      firstMayCommit.countDown();
      pool.shutdownNow();
    }
  }

  private static void assertCounted(java.util.Optional<CountedFill> counted, String quantity, String quote) {
    assertThat(counted).isPresent();
    assertThat(counted.get().quantity()).as("counted quantity").isEqualByComparingTo(quantity);
    assertThat(counted.get().quote()).as("counted quote").isEqualByComparingTo(quote);
  }

  @Test
  void twoTransactionsLockingOneTradersDayTakeTurnsAndTheSecondSeesTheFirstsNotional() throws Exception {
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    BigDecimal budget = new BigDecimal("1000");
    BigDecimal each = new BigDecimal("300");
    try {
      List<Future<Boolean>> placed = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        placed.add(pool.submit(() -> {
          start.await();
          return database().transactor().inTransaction(stores -> {
            DayUsage day = stores.limits().lockDay(alice, DAY);
            if (day.notionalPlaced().add(each).compareTo(budget) > 0) {
              return false;
            }
            stores.limits().addPlaced(alice, DAY, each);
            return true;
          });
        }));
      }
      start.countDown();
      long passed = 0;
      for (Future<Boolean> one : placed) {
        passed += one.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(passed).isEqualTo(3);
      assertThat(limits().day(alice, DAY).notionalPlaced()).isEqualByComparingTo("900");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoFirstWritesOfOneTradersLimitsAtOnceBothSucceedAndOneOfThemIsKept() throws Exception {
    UserLimits low = UserLimits.NONE.with(LimitKind.PER_LIST, java.util.Optional.of(new BigDecimal("100")));
    UserLimits high = UserLimits.NONE.with(LimitKind.PER_DAY, java.util.Optional.of(new BigDecimal("900.5")));

    FirstWrites.race(
        200,
        round -> () -> limits().putLimits(racer(round), low),
        round -> () -> limits().putLimits(racer(round), high));

    for (int round = 0; round < 200; round++) {
      assertThat(limits().limitsOf(racer(round))).get().isIn(low, high);
    }
  }

  private UserRef racer(int round) {
    return new UserRef("telegram", "racer-" + run + "-" + round);
  }
}
