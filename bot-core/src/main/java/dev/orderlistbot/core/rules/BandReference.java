package dev.orderlistbot.core.rules;

import dev.orderlistbot.core.domain.Price;
import java.util.Objects;

/**
 * The price Binance builds PERCENT_PRICE and PERCENT_PRICE_BY_SIDE bands around, and which one it
 * is: the symbol's reference price when it has one, else the average price over the last {@code
 * minutes} ({@code GET /api/v3/avgPrice}), else (an average over 0 minutes, or nothing known) the
 * last price. Refusals name it, so a trader can tell why a price near the last trade is refused.
 *
 * @param price the centre of the band
 * @param source which price it is
 * @param minutes for {@link Source#AVERAGE_PRICE}, how many minutes the average spans; else 0
 */
public record BandReference(Price price, Source source, int minutes) {

  /** Where the centre comes from, in Binance's order of preference. */
  public enum Source {
    REFERENCE_PRICE,
    AVERAGE_PRICE,
    LAST_PRICE
  }

  public BandReference {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(source, "source");
    boolean average = source == Source.AVERAGE_PRICE;
    if (average ? minutes <= 0 : minutes != 0) {
      throw new IllegalArgumentException("an average spans minutes > 0, other sources none: " + source + " " + minutes);
    }
  }

  public static BandReference referencePrice(Price price) {
    return new BandReference(price, Source.REFERENCE_PRICE, 0);
  }

  public static BandReference averagePrice(Price price, int minutes) {
    return new BandReference(price, Source.AVERAGE_PRICE, minutes);
  }

  public static BandReference lastPrice(Price price) {
    return new BandReference(price, Source.LAST_PRICE, 0);
  }
}
