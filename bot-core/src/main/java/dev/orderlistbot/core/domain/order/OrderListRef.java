package dev.orderlistbot.core.domain.order;

import java.util.Objects;

/**
 * How to name an existing order list: by the id Binance assigned, or by the client id the bot
 * chose (the only handle there is after a placement whose outcome is unknown).
 */
public sealed interface OrderListRef {

  static OrderListRef of(OrderListId id) {
    return new ById(id);
  }

  static OrderListRef of(ClientListId clientId) {
    return new ByClientId(clientId);
  }

  /** The list Binance numbered {@code id}. */
  record ById(OrderListId id) implements OrderListRef {
    public ById {
      Objects.requireNonNull(id, "id");
    }
  }

  /** The list the bot placed with {@code listClientOrderId = clientId}. */
  record ByClientId(ClientListId clientId) implements OrderListRef {
    public ByClientId {
      Objects.requireNonNull(clientId, "clientId");
    }
  }
}
