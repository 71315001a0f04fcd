package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Asset;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.ContingencyType;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.ListOrderStatus;
import dev.orderlistbot.core.domain.order.ListStatusType;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One paper order list, mutable, guarded by the exchange's lock. Its legs are kept in the order
 * events report them: the working (entry) order first if there is one, then the stop-loss, then
 * the take-profit (Binance's examples also list the stop-type leg first).
 *
 * <p>It holds one lock on the owner's balance at a time ({@code lockAsset}, {@code locked}): the
 * entry's while the entry works, then the exits'. {@code EXECUTING} while any leg can still trade;
 * {@code ALL_DONE} once every leg is final.
 */
final class PaperList {
  final OrderListId id;
  final ClientListId clientId;
  final Symbol symbol;
  final ListKind kind;
  final String apiKey;
  final List<PaperLeg> legs;

  ListOrderStatus status = ListOrderStatus.EXECUTING;
  Instant transactionTime;
  Optional<Asset> lockAsset = Optional.empty();
  BigDecimal locked = BigDecimal.ZERO;

  PaperList(
      OrderListId id, ClientListId clientId, Symbol symbol, ListKind kind, String apiKey, List<PaperLeg> legs,
      Instant transactionTime) {
    this.id = id;
    this.clientId = clientId;
    this.symbol = symbol;
    this.kind = kind;
    this.apiKey = apiKey;
    this.legs = List.copyOf(legs);
    this.transactionTime = transactionTime;
  }

  boolean isOpen() {
    return status == ListOrderStatus.EXECUTING;
  }

  Optional<PaperLeg> working() {
    return legs.stream().filter(leg -> leg.role == LegRole.WORKING).findFirst();
  }

  /** The exit legs: both legs of an OCO, the pending leg(s) of the other kinds. */
  List<PaperLeg> exits() {
    return legs.stream().filter(leg -> leg.role != LegRole.WORKING).toList();
  }

  boolean allFinal() {
    return legs.stream().allMatch(PaperLeg::isFinal);
  }

  void hold(Asset asset, BigDecimal amount) {
    lockAsset = Optional.of(asset);
    locked = amount;
  }

  void releaseHold() {
    lockAsset = Optional.empty();
    locked = BigDecimal.ZERO;
  }

  ContingencyType contingencyType() {
    return ContingencyType.fromBinance(kind.contingencyType());
  }

  ListStatusType statusType() {
    return isOpen() ? ListStatusType.EXEC_STARTED : ListStatusType.ALL_DONE;
  }

  /**
   * The list as the port answers it. Placement and cancel answers carry each leg's report; queries
   * carry ids only, as Binance's {@code GET /api/v3/orderList} does (query a leg with {@code order}).
   */
  PlacedOrderList view(boolean withReports) {
    List<ListLeg> shown =
        legs.stream()
            .map(leg -> new ListLeg(leg.orderId, leg.clientOrderId, withReports ? Optional.of(leg.report()) : Optional.empty()))
            .toList();
    return new PlacedOrderList(id, clientId, symbol, contingencyType(), statusType(), status, transactionTime, shown);
  }
}
