package dev.orderlistbot.paper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.AveragePrice;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.OpenOrder;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.domain.order.ReportedOrderType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the bot's open-order limits and price bands read from the paper market. */
class OpenOrdersTest extends PaperTest {

  @Test
  void anOcosStopWaitsAsAnAlgoOrderUntilItTriggersThenRestsAsALimit() {
    PlacedOrderList list = accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900")));

    assertThat(paper.openOrders(ALICE_KEY, Optional.of(BTCUSDT))).containsExactlyInAnyOrder(
        new OpenOrder(BTCUSDT, Optional.of(list.id()), ReportedOrderType.LIMIT_MAKER, true),
        new OpenOrder(BTCUSDT, Optional.of(list.id()), ReportedOrderType.STOP_LOSS_LIMIT, false));
    price("28800");

    assertThat(paper.openOrders(ALICE_KEY, Optional.empty())).containsExactly(
        new OpenOrder(BTCUSDT, Optional.of(list.id()), ReportedOrderType.STOP_LOSS_LIMIT, true));
    assertThat(paper.openOrders(ALICE_KEY, Optional.empty())).noneMatch(OpenOrder::waitingAlgo);
  }

  @Test
  void aTriggeredStopLimitRestingOnTheBookNoLongerCountsAgainstTheAlgoOrderLimit() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29500", "29400")), ClientListId.forKey("first"));
    for (int i = 1; i < 5; i++) {
      accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900")), ClientListId.forKey("more" + i));
    }
    assertThat(rejected(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900"))).reason())
        .contains("too many open stop-loss and take-profit orders");

    price("29300");

    accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900")), ClientListId.forKey("sixth"));
  }

  @Test
  void openOrdersOfOneSymbolLeaveTheOtherSymbolsOut() {
    accepted(oco(Side.SELL, "0.01", maker("32000"), stopLimit("29000", "28900")));

    assertThat(paper.openOrders(ALICE_KEY, Optional.of(ETHUSDT))).isEmpty();
    assertThat(paper.openOrders(ALICE_KEY, Optional.empty())).hasSize(2);
  }

  @Test
  void thePaperMarketHasNoReferencePriceAndItsAverageIsTheLastPrice() {
    price("30100");

    assertThat(paper.referencePrice(BTCUSDT)).isEmpty();
    assertThat(paper.averagePrice(BTCUSDT)).isEqualTo(new AveragePrice(Price.of("30100"), 0));
  }
}
