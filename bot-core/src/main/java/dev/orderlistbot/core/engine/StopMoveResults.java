package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.AuditAction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What each end of a stop's move writes with the sentence that tells it (one transaction, through
 * the outbox): the replacement recorded at the Confirm is attached, rejected (never placed), or
 * left owed an answer for the settlement. Pure.
 */
final class StopMoveResults {
  private StopMoveResults() {}

  private static String key(ClientListId clientId) {
    return "placement:" + clientId.value();
  }

  /** The replacement is live. */
  static PlacementResults.Result placed(ClientListId clientId, PlacedOrderList list, String text) {
    return new PlacementResults.Result(
        key(clientId), stores -> Placement.answered(stores, clientId, Placement.attach(stores, clientId, list)), text,
        Optional.of(list))
        .audited(AuditAction.ORDER_LIST_PLACED, "list:" + list.symbol() + ":" + list.id() + " client:" + clientId.value() + " stop moved");
  }

  /** The replacement was not placed and never will be (under this id). */
  static PlacementResults.Result notMoved(ClientListId clientId, String name, String text) {
    return new PlacementResults.Result(
        key(clientId), stores -> Placement.answered(stores, clientId, Placement.rejected(stores, clientId)), text)
        .audited(AuditAction.ORDER_LIST_NOT_PLACED, "client:" + clientId.value() + " stop not moved (" + name + ")");
  }

  /** Nobody knows yet whether the replacement was placed: the settlement answers it later. */
  static PlacementResults.Result unknown(ClientListId clientId, String text) {
    return new PlacementResults.Result(key(clientId), stores -> Placement.owesAnswer(stores, clientId), text);
  }

  /** The base quantity of a list: the OCO's, or its entry's. */
  static BigDecimal quantity(OrderListRequest request) {
    return switch (request) {
      case OrderListRequest.Oco oco -> oco.quantity().value();
      case OrderListRequest.Oto oto -> oto.working().quantity().value();
      case OrderListRequest.Otoco otoco -> otoco.working().quantity().value();
      case OrderListRequest.Opo opo -> opo.working().quantity().value();
      case OrderListRequest.Opoco opoco -> opoco.working().quantity().value();
    };
  }

  /**
   * Whether the cancelled list, as its cancel answered, is no longer what the replacement was sized
   * for: an exit filled (even partly), or an entry that had not filled did (even partly), or it holds
   * another quantity than the replacement protects.
   */
  static boolean changedMeanwhile(LiveList cancelled, OrderListRequest replacement) {
    if (cancelled.exitsExecuted().signum() > 0) {
      return true;
    }
    if (replacement instanceof OrderListRequest.Oco oco) {
      return cancelled.held().compareTo(oco.quantity().value()) != 0;
    }
    return cancelled.leg(LegRole.WORKING).map(entry -> entry.executedQty().signum() > 0).orElse(false);
  }
}
