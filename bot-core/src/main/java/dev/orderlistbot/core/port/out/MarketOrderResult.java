package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.order.ClientOrderId;
import dev.orderlistbot.core.domain.order.OrderSnapshot;
import java.util.Objects;

/**
 * What became of one MARKET order. Like {@link PlacementResult}: {@link Unknown} means the request
 * went out and its answer was lost; look the order up by its client order id ({@code
 * ExchangeClient.order(credentials, symbol, OrderRef.of(clientOrderId))}), never send it again.
 */
public sealed interface MarketOrderResult {

  /**
   * The exchange took the order: its snapshot says how much filled ({@code executedQty}) for how
   * much quote ({@code cumulativeQuote}), and its status (FILLED, or EXPIRED when the book ran out).
   */
  record Executed(OrderSnapshot order) implements MarketOrderResult {
    public Executed {
      Objects.requireNonNull(order, "order");
    }
  }

  /** The order was not placed; {@link #error()} says why. */
  record Rejected(ExchangeError error) implements MarketOrderResult {
    public Rejected {
      Objects.requireNonNull(error, "error");
      if (error instanceof ExchangeError.OutcomeUnknown) {
        throw new IllegalArgumentException("an unknown outcome is not a rejection");
      }
    }
  }

  /** The order may or may not have been placed. */
  record Unknown(ClientOrderId clientOrderId, int code, String reason) implements MarketOrderResult {
    public Unknown {
      Objects.requireNonNull(clientOrderId, "clientOrderId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
