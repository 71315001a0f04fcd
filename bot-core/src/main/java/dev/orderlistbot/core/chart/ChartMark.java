package dev.orderlistbot.core.chart;

import dev.orderlistbot.core.domain.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A point on the chart: a fill at {@code price} at {@code time}, labelled, e.g. {@code "TP filled"}. */
public record ChartMark(Instant time, BigDecimal price, String label) {
  public ChartMark {
    Objects.requireNonNull(time, "time");
    price = Decimals.positive(price, "price");
    Objects.requireNonNull(label, "label");
  }
}
