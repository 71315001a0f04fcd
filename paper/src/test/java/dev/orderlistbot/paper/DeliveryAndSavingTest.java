package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListRef;
import dev.orderlistbot.core.port.in.OrderUpdateHandler;
import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateChange;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.port.out.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Events reach the handler outside the lock; saves are retried after a failure and throttled for the walk. */
class DeliveryAndSavingTest extends PaperTest {

  @Test
  void theHandlerIsCalledOutsideTheExchangesLockSoItMayQueryTheExchangeFromAnyThread() {
    List<Price> seenByHandler = new ArrayList<>();
    AtomicReference<PaperExchange> exchange = new AtomicReference<>();
    OrderUpdateHandler queryingHandler =
        (owner, update) -> seenByHandler.add(
            CompletableFuture.supplyAsync(() -> exchange.get().lastPrice(BTCUSDT)).orTimeout(5, TimeUnit.SECONDS).join());
    try (PaperExchange other = PaperExchange.create(config(), clock, scheduler, new Random(1), queryingHandler, PaperStateStore.inMemory())) {
      exchange.set(other);
      other.watch(ALICE, ALICE_KEY);
      other.place(ALICE_KEY, oco(Side.SELL, "0.01", maker("32000"), stop("29000")), ID);
      other.setPrice(BTCUSDT, Price.of("32000"));
    }

    assertThat(seenByHandler).hasSize(6).endsWith(Price.of("32000"));
  }

  @Test
  void aFailingHandlerDoesNotStopTheExchangeOrLaterEvents() {
    AtomicInteger calls = new AtomicInteger();
    OrderUpdateHandler failing = (owner, update) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("boom");
    };
    try (PaperExchange other = PaperExchange.create(config(), clock, scheduler, new Random(1), failing, PaperStateStore.inMemory())) {
      other.watch(new UserRef("test", "x"), ALICE_KEY);
      other.place(ALICE_KEY, oco(Side.SELL, "0.01", maker("32000"), stop("29000")), ID);
      other.setPrice(BTCUSDT, Price.of("32000"));

      assertThat(calls).hasValue(6);
      assertThat(other.openOrderLists(ALICE_KEY)).isEmpty();
    }
  }

  @Test
  void aFailedSaveIsRetriedWithTheNextChange() {
    FlakyStore flaky = new FlakyStore();
    try (PaperExchange other = PaperExchange.create(config(), clock, scheduler, new Random(1), events, flaky)) {
      flaky.failing = true;
      other.place(ALICE_KEY, oco(Side.SELL, "0.01", maker("32000"), stop("29000")), ID);
      assertThat(flaky.saved().orElseThrow()).doesNotContain("ob-t1");
      flaky.failing = false;

      other.orderList(ALICE_KEY, OrderListRef.of(ID));
      other.balances(ALICE_KEY);

      assertThat(flaky.saved().orElseThrow()).contains("client=ob-t1 ");
    }
  }

  @Test
  void walkStepsThatFillNothingSaveAtMostEveryWalkSaveInterval() {
    FlakyStore counting = new FlakyStore();
    PaperExchange other = PaperExchange.create(config(), clock, scheduler, new Random(1), events, counting);
    int afterStart = counting.saves.get();
    for (int i = 0; i < 5; i++) {
      other.stepPriceWalk();
    }
    assertThat(counting.saves).hasValue(afterStart);
    clock.advance(Duration.ofSeconds(10));
    other.stepPriceWalk();
    assertThat(counting.saves).hasValue(afterStart + 1);
    other.stepPriceWalk();

    other.close();

    assertThat(counting.saves).hasValue(afterStart + 2);
    assertThat(counting.saved().orElseThrow())
        .contains("price symbol=BTCUSDT value=" + other.lastPrice(Symbol.of("BTCUSDT")).plain() + "\n");
  }

  /**
   * Changes that pile up behind a slow save are saved together: one save of the newest state, not
   * one per change (each waiting change held its own copy of the whole book's text, which under a
   * burst of 1,000 placements was most of the heap).
   */
  @Test
  void changesWaitingBehindASlowSaveAreSavedOnceWithTheNewestState() throws Exception {
    BlockingStore slow = new BlockingStore();
    try (PaperExchange other = PaperExchange.create(config(), clock, scheduler, new Random(1), events, slow)) {
      int before = slow.saves.get();
      slow.block.set(new CountDownLatch(1));
      Thread first = Thread.ofPlatform().start(() -> other.balances(paperKey("paper-first")));
      assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();
      List<Thread> waiting = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String key = "paper-waiting-" + i;
        waiting.add(Thread.ofPlatform().start(() -> other.balances(paperKey(key))));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (waiting.stream().anyMatch(t -> t.getState() != Thread.State.WAITING) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      slow.block.get().countDown();
      first.join(5_000);
      for (Thread thread : waiting) {
        thread.join(5_000);
      }

      assertThat(slow.saves.get() - before).isEqualTo(2);
      assertThat(slow.saved().orElseThrow()).contains("key=paper-first\n", "key=paper-waiting-0\n", "key=paper-waiting-9\n");
    }
  }

  /** An in-memory store whose next save waits for a latch, and which counts saves. */
  static final class BlockingStore implements PaperStateStore {
    final AtomicReference<CountDownLatch> block = new AtomicReference<>(new CountDownLatch(0));
    final CountDownLatch entered = new CountDownLatch(1);
    final PaperStateStore memory = PaperStateStore.inMemory();
    final AtomicInteger saves = new AtomicInteger();

    @Override
    public Optional<PaperState> load() {
      return memory.load();
    }

    @Override
    public void save(PaperStateChange change) {
      CountDownLatch latch = block.get();
      if (latch.getCount() > 0) {
        entered.countDown();
        try {
          latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      memory.save(change);
      saves.incrementAndGet();
    }

    /** What the saves add up to, as one text. */
    Optional<String> saved() {
      return memory.load().map(StateCodec::joined);
    }
  }

  /** An in-memory store whose saves can be made to fail, and which counts them. */
  static final class FlakyStore implements PaperStateStore {
    volatile boolean failing;
    final PaperStateStore memory = PaperStateStore.inMemory();
    final AtomicInteger saves = new AtomicInteger();

    @Override
    public Optional<PaperState> load() {
      return memory.load();
    }

    @Override
    public void save(PaperStateChange change) {
      if (failing) {
        throw new StorageException("disk full", null);
      }
      memory.save(change);
      saves.incrementAndGet();
    }

    /** What the saves add up to, as one text. */
    Optional<String> saved() {
      return memory.load().map(StateCodec::joined);
    }
  }
}
