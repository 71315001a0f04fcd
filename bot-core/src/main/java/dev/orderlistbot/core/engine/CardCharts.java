package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chart.CandleInterval;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.port.out.CardLeg;
import dev.orderlistbot.core.port.out.ExchangeClient;
import dev.orderlistbot.core.port.out.OrderCard;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An order card's chart, for the card's messages in the outbox: once a leg of the list has traded,
 * each edit of the card carries the list's prices with the fills marked at their average price
 * (before any fill the card keeps the preview's chart it replaced, so nothing is drawn). Only for an
 * owner who has charts on. Drawn at send time from the card as it stands then. Thread-safe.
 */
public final class CardCharts implements OutboxPictures {
  private static final Logger LOG = LoggerFactory.getLogger(CardCharts.class);
  private static final CandleInterval INTERVAL = Charts.PREVIEW_INTERVAL;

  private final Transactor transactor;
  private final Charts charts;
  private final Clock clock;

  public CardCharts(Transactor transactor, ExchangeClient exchange, ChartDrawing drawing, Clock clock) {
    this.transactor = transactor;
    this.charts = new Charts(drawing, exchange, transactor);
    this.clock = clock;
  }

  @Override
  public Optional<Picture> pictureFor(OutboxMessage message) {
    return message.cardOf().flatMap(list -> forCard(list, false));
  }

  /**
   * The chart of the card of {@code list} as it stands; with {@code untradedToo} also before any fill
   * (a card sent anew, by {@code /status}, has no preview's chart to keep). Empty when the owner has
   * charts off or it cannot be drawn now.
   */
  Optional<Picture> forCard(String list, boolean untradedToo) {
    if (!charts.enabled()) {
      return Optional.empty();
    }
    try {
      Optional<OrderCard> card = transactor.inTransaction(stores -> stores.cards().find(list));
      boolean untraded = card.map(c -> c.legs().stream().map(CardLeg::filledQuantity).allMatch(q -> q.signum() == 0)).orElse(true);
      if (card.isEmpty() || (untraded && !untradedToo)) {
        return Optional.empty();
      }
      Optional<TrackedOrderList> tracked = transactor.inTransaction(stores -> stores.orderLists().findByListClientOrderId(list));
      if (tracked.isPresent() && !charts.wanted(tracked.get().owner())) {
        return Optional.empty();
      }
      return charts.now(CardState.request(card.get()).symbol(), INTERVAL,
          candles -> ListCharts.card(card.get(), INTERVAL, candles, clock.instant()));
    } catch (RuntimeException e) {
      LOG.warn("the card chart of {} could not be drawn; the card goes out as text", list, e);
      return Optional.empty();
    }
  }
}
