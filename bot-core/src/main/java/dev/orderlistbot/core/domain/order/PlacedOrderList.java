package dev.orderlistbot.core.domain.order;

import dev.orderlistbot.core.domain.Symbol;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order list as Binance knows it: just placed, cancelled or queried.
 *
 * <p>Example: placing {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900} with client id {@code
 * tg42-oco-0001} answers a list with contingency type {@code OCO}, status {@code EXEC_STARTED /
 * EXECUTING} and two legs, {@code tg42-oco-0001-tp} (LIMIT_MAKER, NEW) and {@code
 * tg42-oco-0001-sl} (STOP_LOSS_LIMIT, NEW).
 *
 * @param id Binance's order list id
 * @param clientId the list's client id (the bot's, or one Binance generated for lists placed
 *     elsewhere)
 * @param symbol the pair
 * @param contingencyType {@code OCO} or {@code OTO} (OTOCO, OPO and OPOCO report {@code OTO})
 * @param listStatus Binance's {@code listStatusType}
 * @param orderStatus Binance's {@code listOrderStatus}
 * @param transactionTime when Binance processed the placement, cancel or last update
 * @param legs the list's orders, in the order Binance sent them
 */
public record PlacedOrderList(
    OrderListId id,
    ClientListId clientId,
    Symbol symbol,
    ContingencyType contingencyType,
    ListStatusType listStatus,
    ListOrderStatus orderStatus,
    Instant transactionTime,
    List<ListLeg> legs) {

  public PlacedOrderList {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(contingencyType, "contingencyType");
    Objects.requireNonNull(listStatus, "listStatus");
    Objects.requireNonNull(orderStatus, "orderStatus");
    Objects.requireNonNull(transactionTime, "transactionTime");
    legs = List.copyOf(legs);
  }

  /** The leg with this client order id, e.g. {@code clientId().legId(LegRole.STOP_LOSS)}. */
  public Optional<ListLeg> leg(ClientOrderId clientOrderId) {
    return legs.stream().filter(leg -> leg.clientOrderId().equals(clientOrderId)).findFirst();
  }

  /** Whether any leg of the list can still work. */
  public boolean isOpen() {
    return orderStatus == ListOrderStatus.EXECUTING;
  }
}
