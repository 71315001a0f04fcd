package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ApiCredentials;
import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Balance;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.port.out.PlacementResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many virtual threads trading at once: nothing is lost, ids stay unique, events stay in order. */
class ConcurrencyTest extends PaperTest {

  @Test
  void concurrentTradersAndPriceMovesKeepTheBooksConsistent() throws Exception {
    int traders = 16;
    List<ApiCredentials> keys = new ArrayList<>();
    for (int t = 0; t < traders; t++) {
      ApiCredentials key = paperKey("paper-test-" + t);
      keys.add(key);
      paper.watch(new UserRef("test", "u" + t), key);
    }
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < traders; t++) {
        ApiCredentials key = keys.get(t);
        done.add(threads.submit(() -> {
          for (int i = 0; i < 5; i++) {
            PlacementResult result =
                paper.place(key, oco(Side.SELL, "0.001", maker("31000"), stop("29000")), ClientListId.forKey("c" + i));
            assertThat(result).isInstanceOf(PlacementResult.Accepted.class);
          }
        }));
      }
      done.add(threads.submit(() -> {
        for (int i = 0; i < 50; i++) {
          paper.setPrice(BTCUSDT, Price.of(i % 2 == 0 ? "30500" : "30400"));
        }
      }));
      for (Future<?> f : done) {
        f.get();
      }
    }
    paper.setPrice(BTCUSDT, Price.of("31000"));

    List<OrderListUpdate> all = events.updates();
    assertThat(all).extracting(OrderListUpdate::eventId).doesNotHaveDuplicates();
    List<Long> sequence = all.stream().map(u -> Long.parseLong(u.eventId().substring(u.eventId().lastIndexOf('-') + 1))).toList();
    assertThat(sequence).isSorted();
    assertThat(all).filteredOn(u -> u instanceof OrderListUpdate.ListChanged l && l.isDone()).hasSize(traders * 5);
    for (ApiCredentials key : keys) {
      Balance usdt = paper.balances(key).of(Asset.of("USDT")).orElseThrow();
      Balance btc = paper.balances(key).of(Asset.of("BTC")).orElseThrow();
      assertThat(usdt.free()).isEqualByComparingTo(new BigDecimal("10155"));
      assertThat(btc.free()).isEqualByComparingTo("0.095");
      assertThat(btc.locked()).isEqualByComparingTo("0");
    }
  }
}
