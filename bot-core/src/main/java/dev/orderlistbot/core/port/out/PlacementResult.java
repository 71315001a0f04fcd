package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import java.util.Objects;

/**
 * What became of one order-list placement. Switch over it exhaustively:
 *
 * <ul>
 *   <li>{@link Accepted}: Binance placed the list.
 *   <li>{@link Rejected}: the list was definitely <em>not</em> placed (Binance refused it, or the
 *       bot did not send it, e.g. while rate limited). Safe to tell the user and let them retry.
 *   <li>{@link Unknown}: the request went out but its answer was lost (timeout, HTTP 5xx), or the
 *       exchange itself said the execution status is unknown (Binance's {@code -1000}, {@code
 *       -1001}, {@code -1006}, {@code -1007}, whatever the HTTP status); Binance documents that such
 *       a request "could have been a success". Never resend: look the list up with {@code
 *       ExchangeClient.orderList(credentials, OrderListRef.of(clientListId))} first.
 * </ul>
 */
public sealed interface PlacementResult {

  /** The list is on the exchange. */
  record Accepted(PlacedOrderList list) implements PlacementResult {
    public Accepted {
      Objects.requireNonNull(list, "list");
    }
  }

  /** The list was not placed; {@link #error()} says why. */
  record Rejected(ExchangeError error) implements PlacementResult {
    public Rejected {
      Objects.requireNonNull(error, "error");
      if (error instanceof ExchangeError.OutcomeUnknown) {
        throw new IllegalArgumentException("an unknown outcome is not a rejection");
      }
    }

    /** The exchange's error code, or {@link ExchangeError#NO_CODE}. */
    public int code() {
      return error.code();
    }

    /** Why, for the trader. */
    public String reason() {
      return error.reason();
    }
  }

  /**
   * The placement may or may not have happened. Resolve it by querying {@code clientListId}; until
   * then, do not place the same order again under another id.
   */
  record Unknown(ClientListId clientListId, int code, String reason) implements PlacementResult {
    public Unknown {
      Objects.requireNonNull(clientListId, "clientListId");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
