package dev.orderlistbot.core.domain.order;

import java.util.Objects;

/**
 * The {@code clientOrderId} of one order, in Binance's documented form {@code
 * ^[a-zA-Z0-9-_]{1,36}$}. The bot derives the ids of its legs from the list's {@link ClientListId}.
 */
public record ClientOrderId(String value) {
  public ClientOrderId {
    Objects.requireNonNull(value, "clientOrderId");
    if (!ClientListId.hasForm(value)) {
      throw new IllegalArgumentException(
          "a client order id must match [a-zA-Z0-9-_]{1,36}, was '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
