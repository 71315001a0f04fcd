package dev.orderlistbot.binance;

import dev.orderlistbot.core.domain.Price;
import dev.orderlistbot.core.domain.Quantity;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.TimeInForce;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.Leg;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.OcoPair;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.TrailingDelta;
import dev.orderlistbot.core.domain.order.WorkingOrder;
import java.util.Optional;

/**
 * Maps an {@link OrderListRequest} to the parameters of Binance's create endpoint, in a fixed order
 * and exactly as the reference lists them: one method per kind. The signer appends {@code
 * recvWindow}, {@code timestamp} and {@code signature}.
 *
 * <p>Every leg's parameters come from the leg record itself: {@code Type}, then {@code StopPrice}
 * and {@code TrailingDelta} (triggered types), {@code Price} (types with a limit price), {@code
 * TimeInForce} (only types that take one, so never for {@code LIMIT_MAKER}), then the leg's client
 * order id. OPO and OPOCO send no {@code pendingQuantity}; {@code newOrderRespType=RESULT} is always
 * sent, because Binance documents no default for the list endpoints.
 *
 * <p>Example (the chat command {@code /oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900}, id {@code
 * tg42-oco-0001}): {@code symbol=BTCUSDT&side=SELL&quantity=0.01&listClientOrderId=tg42-oco-0001&
 * aboveType=LIMIT_MAKER&abovePrice=32000&aboveClientOrderId=tg42-oco-0001-tp&
 * belowType=STOP_LOSS_LIMIT&belowStopPrice=29000&belowPrice=28900&belowTimeInForce=GTC&
 * belowClientOrderId=tg42-oco-0001-sl&newOrderRespType=RESULT}.
 */
final class OrderListParams {
  private static final Names ABOVE = Names.of("above");
  private static final Names BELOW = Names.of("below");
  private static final Names PENDING = Names.of("pending");
  private static final Names PENDING_ABOVE = Names.of("pendingAbove");
  private static final Names PENDING_BELOW = Names.of("pendingBelow");

  private OrderListParams() {}

  /**
   * One leg's parameter names under a prefix such as {@code above}, joined once rather than on every
   * placement (docs/performance.md, "Signing an OCO request").
   */
  private record Names(
      String type,
      String side,
      String quantity,
      String stopPrice,
      String trailingDelta,
      String price,
      String timeInForce,
      String clientOrderId) {
    static Names of(String prefix) {
      return new Names(
          prefix + "Type",
          prefix + "Side",
          prefix + "Quantity",
          prefix + "StopPrice",
          prefix + "TrailingDelta",
          prefix + "Price",
          prefix + "TimeInForce",
          prefix + "ClientOrderId");
    }
  }

  /** The last path segment of the create endpoint: {@code POST /api/v3/orderList/{segment}}. */
  static String pathSegment(ListKind kind) {
    return switch (kind) {
      case OCO -> "oco";
      case OTO -> "oto";
      case OTOCO -> "otoco";
      case OPO -> "opo";
      case OPOCO -> "opoco";
    };
  }

  static WireParams of(OrderListRequest request, ClientListId id) {
    WireParams params =
        switch (request) {
          case OrderListRequest.Oco oco -> oco(oco, id);
          case OrderListRequest.Oto oto -> oto(oto, id);
          case OrderListRequest.Otoco otoco -> otoco(otoco, id);
          case OrderListRequest.Opo opo -> opo(opo, id);
          case OrderListRequest.Opoco opoco -> opoco(opoco, id);
        };
    return params.add("newOrderRespType", "RESULT");
  }

  static WireParams oco(OrderListRequest.Oco oco, ClientListId id) {
    WireParams p = new WireParams();
    p.add("symbol", oco.symbol().value());
    p.add("side", oco.side().name());
    p.add("quantity", oco.quantity().plain());
    p.add("listClientOrderId", id.value());
    pair(p, ABOVE, BELOW, oco.pair(), id);
    return p;
  }

  static WireParams oto(OrderListRequest.Oto oto, ClientListId id) {
    WireParams p = start(oto.symbol().value(), id);
    working(p, oto.working(), id);
    Leg leg = oto.pending().leg();
    leg(p, PENDING, leg, Optional.of(oto.pending().side()), Optional.of(oto.pending().quantity()));
    p.add(PENDING.clientOrderId(), id.legId(LegRole.ofPending(leg)).value());
    return p;
  }

  static WireParams otoco(OrderListRequest.Otoco otoco, ClientListId id) {
    WireParams p = start(otoco.symbol().value(), id);
    working(p, otoco.working(), id);
    p.add("pendingSide", otoco.pending().side().name());
    p.add("pendingQuantity", otoco.pendingQuantity().plain());
    pair(p, PENDING_ABOVE, PENDING_BELOW, otoco.pending(), id);
    return p;
  }

  static WireParams opo(OrderListRequest.Opo opo, ClientListId id) {
    WireParams p = start(opo.symbol().value(), id);
    working(p, opo.working(), id);
    leg(p, PENDING, opo.pending(), Optional.of(opo.pendingSide()), Optional.empty());
    p.add(PENDING.clientOrderId(), id.legId(LegRole.ofPending(opo.pending())).value());
    return p;
  }

  static WireParams opoco(OrderListRequest.Opoco opoco, ClientListId id) {
    WireParams p = start(opoco.symbol().value(), id);
    working(p, opoco.working(), id);
    p.add("pendingSide", opoco.pending().side().name());
    pair(p, PENDING_ABOVE, PENDING_BELOW, opoco.pending(), id);
    return p;
  }

  private static WireParams start(String symbol, ClientListId id) {
    return new WireParams().add("symbol", symbol).add("listClientOrderId", id.value());
  }

  /** The working order: type, side, price, quantity, time in force (LIMIT only), client id. */
  private static void working(WireParams p, WorkingOrder working, ClientListId id) {
    p.add("workingType", working.leg().type().name());
    p.add("workingSide", working.side().name());
    p.add("workingPrice", working.price().plain());
    p.add("workingQuantity", working.quantity().plain());
    working.leg().timeInForce().ifPresent(tif -> p.add("workingTimeInForce", tif.name()));
    p.add("workingClientOrderId", id.legId(LegRole.WORKING).value());
  }

  /** An above/below pair; the profit leg gets the {@code -tp} id, the stop-loss the {@code -sl} id. */
  private static void pair(WireParams p, Names above, Names below, OcoPair pair, ClientListId id) {
    leg(p, above, pair.above(), Optional.empty(), Optional.empty());
    p.add(above.clientOrderId(), id.legId(roleIn(pair, pair.above())).value());
    leg(p, below, pair.below(), Optional.empty(), Optional.empty());
    p.add(below.clientOrderId(), id.legId(roleIn(pair, pair.below())).value());
  }

  private static LegRole roleIn(OcoPair pair, Leg leg) {
    return leg == pair.takeProfit() ? LegRole.TAKE_PROFIT : LegRole.STOP_LOSS;
  }

  /** One leg's own parameters under a prefix such as {@code above} or {@code pendingBelow}. */
  private static void leg(WireParams p, Names names, Leg leg, Optional<Side> side, Optional<Quantity> quantity) {
    p.add(names.type(), leg.type().name());
    if (side.isPresent()) {
      p.add(names.side(), side.get().name());
    }
    if (quantity.isPresent()) {
      p.add(names.quantity(), quantity.get().plain());
    }
    // tested, not captured: no lambda (and its allocation) per parameter on every placement
    Optional<Price> stop = leg.stopPrice();
    if (stop.isPresent()) {
      p.add(names.stopPrice(), stop.get().plain());
    }
    Optional<TrailingDelta> delta = leg.trailingDelta();
    if (delta.isPresent()) {
      p.add(names.trailingDelta(), Integer.toString(delta.get().bips()));
    }
    Optional<Price> price = leg.limitPrice();
    if (price.isPresent()) {
      p.add(names.price(), price.get().plain());
    }
    Optional<TimeInForce> tif = leg.timeInForce();
    if (tif.isPresent()) {
      p.add(names.timeInForce(), tif.get().name());
    }
  }
}
