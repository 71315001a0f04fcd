package dev.orderlistbot.paper;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code key=value} fields of one line of a {@link StateCodec} snapshot. */
record Fields(Map<String, String> values) {
  static Fields of(String[] words) {
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("malformed field '" + words[i] + "'");
      }
      values.put(words[i].substring(0, eq), unescape(words[i].substring(eq + 1)));
    }
    return new Fields(values);
  }

  Optional<String> optional(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }

  String text(String key) {
    return optional(key).orElseThrow(() -> new IllegalArgumentException("missing field '" + key + "'"));
  }

  BigDecimal decimal(String key) {
    return new BigDecimal(text(key));
  }

  Optional<BigDecimal> optionalDecimal(String key) {
    return optional(key).map(BigDecimal::new);
  }

  long number(String key) {
    return Long.parseLong(text(key));
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(text(key));
  }

  Instant instant(String key) {
    return Instant.parse(text(key));
  }

  /** Keeps {@code [A-Za-z0-9._:+-]}; every other UTF-8 byte becomes {@code %XX}. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ".:_+-".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  static String unescape(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        bytes.write(c);
        i++;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
