package dev.orderlistbot.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Binance fixtures under {@code src/test/resources/fixtures/binance}. */
final class Fixtures {
  static final ObjectMapper JSON = BinanceJson.configure(new ObjectMapper());

  private Fixtures() {}

  static String text(String name) {
    String path = "/fixtures/binance/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String name) {
    try {
      return JSON.readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A flat JSON object of string values, in document order (a request fixture). */
  static Map<String, String> orderedParams(String name) {
    Map<String, String> params = new LinkedHashMap<>();
    json(name).properties().forEach(field -> params.put(field.getKey(), field.getValue().asText()));
    return params;
  }

  static <T> T read(String name, Class<T> type) {
    try {
      return JSON.readValue(text(name), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
