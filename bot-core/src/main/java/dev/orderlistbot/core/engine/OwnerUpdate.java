package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import java.util.Objects;

/** An order event as it reached {@code owner}'s subscription, waiting to be routed. */
public record OwnerUpdate(UserRef owner, OrderListUpdate update) {
  public OwnerUpdate {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(update, "update");
  }
}
