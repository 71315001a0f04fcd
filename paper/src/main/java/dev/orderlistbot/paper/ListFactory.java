package dev.orderlistbot.paper;

import dev.orderlistbot.core.domain.Decimals;
import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListId;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an order-list request into a paper list, with the ids the exchange would give it: the list
 * id and one order id per leg from the book's sequences (taken for good only when the list is
 * accepted), {@code listClientOrderId = clientListId} and leg ids {@code clientListId.legId(role)},
 * as the Binance adapter sends them. Exit legs of OTO-family lists start {@code PENDING_NEW}.
 */
final class ListFactory {
  private final Book book;
  private final ClientListId clientId;
  private final Instant now;
  private final List<PaperLeg> legs = new ArrayList<>();

  private ListFactory(Book book, ClientListId clientId, Instant now) {
    this.book = book;
    this.clientId = clientId;
    this.now = now;
  }

  static PaperList build(Book book, String apiKey, OrderListRequest request, ClientListId clientId, Instant now) {
    ListFactory factory = new ListFactory(book, clientId, now);
    switch (request) {
      case OrderListRequest.Oco oco -> factory.pair(oco.pair(), Optional.of(oco.quantity()), LegStatus.NEW);
      case OrderListRequest.Oto oto -> {
        factory.working(oto.working());
        factory.leg(
            LegRole.ofPending(oto.pending().leg()), oto.pending().leg(), oto.pending().side(),
            Optional.of(oto.pending().quantity()), LegStatus.PENDING_NEW);
      }
      case OrderListRequest.Otoco otoco -> {
        factory.working(otoco.working());
        factory.pair(otoco.pending(), Optional.of(otoco.pendingQuantity()), LegStatus.PENDING_NEW);
      }
      case OrderListRequest.Opo opo -> {
        factory.working(opo.working());
        factory.leg(LegRole.ofPending(opo.pending()), opo.pending(), opo.pendingSide(), Optional.empty(), LegStatus.PENDING_NEW);
      }
      case OrderListRequest.Opoco opoco -> {
        factory.working(opoco.working());
        factory.pair(opoco.pending(), Optional.empty(), LegStatus.PENDING_NEW);
      }
    }
    return new PaperList(
        new OrderListId(book.nextListId), clientId, request.symbol(), request.kind(), apiKey, factory.legs, now);
  }

  private void working(WorkingOrder working) {
    leg(LegRole.WORKING, working.leg(), working.side(), Optional.of(working.quantity()), LegStatus.NEW);
  }

  private void pair(OcoPair pair, Optional<Quantity> quantity, LegStatus status) {
    leg(LegRole.STOP_LOSS, pair.stopLoss(), pair.side(), quantity, status);
    leg(LegRole.TAKE_PROFIT, pair.takeProfit(), pair.side(), quantity, status);
  }

  private void leg(LegRole role, Leg leg, Side side, Optional<Quantity> quantity, LegStatus status) {
    legs.add(
        new PaperLeg(
            book.nextOrderId + legs.size(),
            clientId.legId(role),
            role,
            leg.type(),
            side,
            quantity.map(q -> Decimals.canonical(q.value())),
            leg.limitPrice().map(Price::value),
            leg.stopPrice().map(Price::value),
            leg.trailingDelta().map(TrailingDelta::bips).orElse(0),
            leg.timeInForce(),
            status,
            now));
  }
}
