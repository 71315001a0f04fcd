package dev.orderlistbot.core.chart;

import dev.orderlistbot.core.domain.Decimals;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A horizontal line across the chart at {@code price}, drawn in its kind's colour with {@code
 * label} at its right end, e.g. {@code "TP 32,000 (+6.67%)"}.
 */
public record ChartLine(Kind kind, BigDecimal price, String label) {
  /** What the line stands for; each kind has its own colour. */
  public enum Kind {
    ENTRY,
    TAKE_PROFIT,
    STOP_TRIGGER,
    STOP_LIMIT,
    LAST_PRICE
  }

  public ChartLine {
    Objects.requireNonNull(kind, "kind");
    price = Decimals.positive(price, "price");
    Objects.requireNonNull(label, "label");
  }
}
