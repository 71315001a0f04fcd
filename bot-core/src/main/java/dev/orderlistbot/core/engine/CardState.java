package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.domain.order.ClientListId;
import dev.orderlistbot.core.domain.order.LegReport;
import dev.orderlistbot.core.domain.order.LegRole;
import dev.orderlistbot.core.domain.order.LegStatus;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.domain.order.ListLeg;
import dev.orderlistbot.core.domain.order.OrderListRequest;
import dev.orderlistbot.core.domain.order.OrderListUpdate;
import dev.orderlistbot.core.domain.order.PlacedOrderList;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.LastPrice;
import dev.orderlistbot.core.port.out.OrderCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an order card's state moves: its first state when the Confirm is claimed, and the next one
 * after an order event or the exchange's answer. A leg only moves forward (its filled quantity never
 * shrinks, a final status is never undone), so an older snapshot (the REST answer, a catch-up)
 * arriving after newer news changes nothing. Stateless.
 */
final class CardState {
  private CardState() {}

  /** The card of a list about to be placed: nothing traded, the pending legs waiting for the entry. */
  static OrderCard initial(ClientListId clientId, TradingEnvironment environment, ChatRef chat, OrderListRequest request) {
    List<CardLeg> legs = new ArrayList<>();
    for (LegRole role : Placement.roles(request)) {
      boolean pending = request.kind() != ListKind.OCO && role != LegRole.WORKING;
      legs.add(CardLeg.untraded(clientId.legId(role).value(), pending ? LegStatus.PENDING_NEW : LegStatus.NEW));
    }
    String encoded = PendingActionCodec.encode(new PendingAction.PlaceList(request));
    return new OrderCard(clientId.value(), environment, chat, Optional.empty(), encoded, Optional.empty(), legs, Optional.empty(), 0);
  }

  /** The request a card was made for. */
  static OrderListRequest request(OrderCard card) {
    if (PendingActionCodec.decode(card.request()) instanceof PendingAction.PlaceList place) {
      return place.request();
    }
    throw new IllegalArgumentException("an order card holds a placed request");
  }

  /** The card after {@code event}; empty when the event tells it nothing new. */
  static Optional<OrderCard> after(OrderCard card, OrderListUpdate.LegChanged event) {
    Optional<java.time.Instant> filledAt = event.lastQuantity().signum() > 0 ? Optional.of(event.time()) : Optional.empty();
    CardLeg heard =
        new CardLeg(event.clientOrderId().value(), event.status(), event.cumulativeQuantity(), event.cumulativeQuote(), filledAt);
    Optional<LastPrice> last = card.lastPrice();
    if (event.lastQuantity().signum() > 0 && event.lastPrice().signum() > 0
        && last.map(p -> !event.time().isBefore(p.at())).orElse(true)) {
      last = Optional.of(new LastPrice(event.lastPrice(), event.time()));
    }
    return merged(card, List.of(heard), last);
  }

  /** The card after the exchange's answer or a look-up of the list; empty when it tells nothing new. */
  static Optional<OrderCard> after(OrderCard card, PlacedOrderList list) {
    List<CardLeg> heard = new ArrayList<>();
    for (ListLeg leg : list.legs()) {
      leg.report().ifPresent(r -> heard.add(reported(leg, r)));
    }
    return merged(card, heard, card.lastPrice());
  }

  private static CardLeg reported(ListLeg leg, LegReport report) {
    return new CardLeg(leg.clientOrderId().value(), report.status(), report.executedQty(), report.cumulativeQuote());
  }

  private static Optional<OrderCard> merged(OrderCard card, List<CardLeg> heard, Optional<LastPrice> last) {
    List<CardLeg> legs = new ArrayList<>();
    boolean changed = !last.equals(card.lastPrice());
    for (CardLeg known : card.legs()) {
      CardLeg next = known;
      for (CardLeg news : heard) {
        if (news.clientOrderId().equals(known.clientOrderId()) && isNewer(known, news)) {
          // a placement's answer or a look-up does not say when the leg filled: keep what an event said
          next = news.lastFillAt().isPresent() ? news : news.withLastFillAt(known.lastFillAt());
        }
      }
      changed |= !next.equals(known);
      legs.add(next);
    }
    return changed ? Optional.of(card.withLegs(legs, last)) : Optional.empty();
  }

  /** Whether {@code news} moves {@code known} forward: more filled, or the same fill and a later status. */
  static boolean isNewer(CardLeg known, CardLeg news) {
    int filled = news.filledQuantity().compareTo(known.filledQuantity());
    if (filled != 0) {
      return filled > 0;
    }
    if (known.status().isFinal() || known.status() == news.status()) {
      return false;
    }
    return news.status().isFinal() || rank(news.status()) > rank(known.status());
  }

  /** Forward order of the statuses that are not final. */
  private static int rank(LegStatus status) {
    return switch (status) {
      case UNKNOWN -> 0;
      case PENDING_NEW -> 1;
      case NEW -> 2;
      case PARTIALLY_FILLED -> 3;
      case PENDING_CANCEL -> 4;
      case FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH -> 5;
    };
  }
}
