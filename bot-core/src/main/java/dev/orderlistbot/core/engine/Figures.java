package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.Decimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How numbers and times look in a chat: exact decimals with thousands separators ({@code 32,000},
 * {@code 0.0125}), signed percentages ({@code +6.67%}) and UTC times. No sentence lives here.
 */
final class Figures {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Figures() {}

  /** {@code 32000.50} as {@code 32,000.5}: exact, never rounded. */
  static String number(BigDecimal value) {
    String plain = Decimals.canonical(value).toPlainString();
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    String fraction = dot < 0 ? "" : digits.substring(dot);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + grouped + fraction;
  }

  /** A signed percentage, {@code +6.67%} or {@code -3.33%}. */
  static String percent(BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + value.toPlainString() + "%";
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
