package dev.orderlistbot.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.ExpiryReason;
import dev.orderlistbot.core.domain.order.LegExecution;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import org.junit.jupiter.api.Test;

class UserDataEventsTest {

  @Test
  void aCancelledLegCarriesItsOriginalClientOrderIdNotTheCancelRequests() {
    OrderListUpdate update =
        UserDataEvents.map(Fixtures.json("execution-report-oco-canceled-by-user.json").path("event")).orElseThrow();

    assertThat(update)
        .isInstanceOfSatisfying(
            OrderListUpdate.LegChanged.class,
            leg -> {
              assertThat(leg.clientOrderId()).isEqualTo(new ClientOrderId("tg42-oco-0001-tp"));
              assertThat(leg.execution()).isEqualTo(LegExecution.CANCELED);
              assertThat(leg.expiryReason()).isEqualTo(ExpiryReason.NONE);
              assertThat(leg.eventId()).isEqualTo("binance-x-700001-50000050");
            });
  }

  @Test
  void anOrderOutsideAnyListMapsToNothing() {
    ObjectNode event = (ObjectNode) Fixtures.json("execution-report-oco-tp-leg-filled.json").path("event");
    event.put("g", -1);

    assertThat(UserDataEvents.map(event)).isEmpty();
  }

  @Test
  void accountEventsMapToNothing() {
    assertThat(UserDataEvents.map(Fixtures.json("outbound-account-position.json").path("event"))).isEmpty();
  }
}
