package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.core.rules.SymbolFilter.PriceFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The random walk is reproducible from its seed and always yields a valid price. */
class PriceWalkTest extends PaperTest {
  static final PriceFilter BTC = new PriceFilter(new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.01"));

  @Test
  void theSameSeedWalksTheSamePath() {
    assertThat(path(new PriceWalk(new Random(7), 10), "30000", 500))
        .isEqualTo(path(new PriceWalk(new Random(7), 10), "30000", 500))
        .isNotEqualTo(path(new PriceWalk(new Random(8), 10), "30000", 500));
  }

  @Test
  void everyStepIsPositiveOnTheTickAndWithinOneStep() {
    PriceWalk walk = new PriceWalk(new Random(3), 1000);
    BigDecimal price = new BigDecimal("0.05");
    for (int i = 0; i < 20_000; i++) {
      BigDecimal next = walk.next(price, BTC);
      assertThat(next).isGreaterThan(BigDecimal.ZERO);
      assertThat(next.remainder(new BigDecimal("0.01"))).isEqualByComparingTo("0");
      assertThat(next.subtract(price).abs()).isLessThanOrEqualTo(price.movePointLeft(1).add(new BigDecimal("0.01")));
      price = next;
    }
  }

  @Test
  void theExchangesWalkIsDeterministicForASeed() {
    List<Price> first = walkedPrices();
    closePaperExchange();
    store = PaperStateStore.inMemory();
    openPaperExchange();

    assertThat(walkedPrices()).isEqualTo(first);
    assertThat(new HashSet<>(first)).hasSizeGreaterThan(5);
  }

  @Test
  void aWalkStepMatchesOpenLists() {
    accepted(oco(Side.SELL, "0.01", maker("30000.01"), stop("29000")));
    events.drain();

    for (int i = 0; i < 200 && paper.openOrderLists(ALICE_KEY).size() == 1; i++) {
      paper.stepPriceWalk();
    }

    assertThat(paper.openOrderLists(ALICE_KEY)).isEmpty();
    assertThat(events.drain()).last().isEqualTo("list ob-t1 ALL_DONE/ALL_DONE");
  }

  private List<Price> walkedPrices() {
    List<Price> seen = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      paper.stepPriceWalk();
      seen.add(paper.lastPrice(Symbol.of("SOLUSDT")));
    }
    return seen;
  }

  private static List<BigDecimal> path(PriceWalk walk, String start, int steps) {
    List<BigDecimal> path = new ArrayList<>();
    BigDecimal price = new BigDecimal(start);
    for (int i = 0; i < steps; i++) {
      price = walk.next(price, BTC);
      path.add(price);
    }
    return path;
  }
}
