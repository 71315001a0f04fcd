package dev.orderlistbot.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.NumberInput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The fields of one user data stream event that {@link UserDataEvents} reads, taken from the frame
 * by Jackson's streaming parser: no tree per frame (building one was half of the stream's CPU per
 * event, issue 19). Every other field, nested objects and arrays included, is skipped unread.
 *
 * <p>The accessors answer as Jackson's {@code JsonNode} did for the same JSON ({@code asText},
 * {@code asLong}, {@code isTextual}), so events decode as they did with a tree: a string is its
 * text, a number its literal, {@code true}/{@code false} and {@code null} their names, an object or
 * array the empty text, and a missing field the empty text or the default asked for. One
 * difference: a decimal sent as a JSON number with a fraction is read from its literal rather than
 * through a {@code double} (Binance sends decimals as strings).
 *
 * <p>Immutable once read.
 */
final class EventFields {
  /** What the JSON had in a field. */
  private enum Kind {
    MISSING,
    NULL,
    TEXT,
    INTEGER,
    FRACTION,
    TRUE,
    FALSE,
    CONTAINER
  }

  private static final int COUNT = 19;

  private final Kind[] kinds = new Kind[COUNT];
  private final String[] texts = new String[COUNT];

  private EventFields() {
    Arrays.fill(kinds, Kind.MISSING);
  }

  /** An event with none of the fields (the frame's {@code event} was not an object). */
  static EventFields none() {
    return new EventFields();
  }

  /**
   * Reads the value the parser stands on: an object's fields the bot uses, or, for any other value,
   * skips it and answers {@link #none()}.
   *
   * @throws IOException if the JSON is malformed or cut short
   */
  static EventFields read(JsonParser parser) throws IOException {
    EventFields fields = new EventFields();
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return fields;
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      int index = index(parser.currentName());
      JsonToken value = parser.nextToken();
      if (index < 0) {
        parser.skipChildren();
      } else {
        fields.take(index, value, parser);
      }
    }
    return fields;
  }

  private void take(int index, JsonToken value, JsonParser parser) throws IOException {
    Kind kind =
        switch (value) {
          case VALUE_STRING -> Kind.TEXT;
          case VALUE_NUMBER_INT -> Kind.INTEGER;
          case VALUE_NUMBER_FLOAT -> Kind.FRACTION;
          case VALUE_TRUE -> Kind.TRUE;
          case VALUE_FALSE -> Kind.FALSE;
          case VALUE_NULL -> Kind.NULL;
          default -> Kind.CONTAINER;
        };
    kinds[index] = kind;
    switch (kind) {
      case TEXT, INTEGER, FRACTION -> texts[index] = parser.getText();
      case TRUE -> texts[index] = "true";
      case FALSE -> texts[index] = "false";
      case NULL -> texts[index] = "null";
      default -> {
        texts[index] = "";
        parser.skipChildren();
      }
    }
  }

  /** The field's text, as {@code JsonNode.asText()}: empty if missing or an object or array. */
  String text(String field) {
    int index = checked(field);
    return kinds[index] == Kind.MISSING ? "" : texts[index];
  }

  /** The field's text, or {@code missing} if it is absent or {@code null}. */
  String text(String field, String missing) {
    int index = checked(field);
    return kinds[index] == Kind.MISSING || kinds[index] == Kind.NULL ? missing : texts[index];
  }

  /** Whether the field is a JSON string. */
  boolean isText(String field) {
    return kinds[checked(field)] == Kind.TEXT;
  }

  /**
   * The field as a whole number, as {@code JsonNode.asLong(missing)}: a number's integer part, a
   * string's number if it holds one, 1 or 0 for {@code true} or {@code false}, else {@code missing}.
   */
  long asLong(String field, long missing) {
    int index = checked(field);
    String text = texts[index];
    return switch (kinds[index]) {
      case INTEGER -> integer(text);
      case FRACTION -> (long) Double.parseDouble(text);
      case TEXT -> NumberInput.parseAsLong(text, missing);
      case TRUE -> 1;
      case FALSE -> 0;
      default -> missing;
    };
  }

  /**
   * The field as a decimal from its text; zero if it is absent or {@code null}.
   *
   * @throws NumberFormatException if its text is not a number
   */
  BigDecimal decimal(String field) {
    int index = checked(field);
    Kind kind = kinds[index];
    return kind == Kind.MISSING || kind == Kind.NULL ? BigDecimal.ZERO : new BigDecimal(texts[index]);
  }

  private static long integer(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return new BigInteger(text).longValue(); // past a long: its low bits, as JsonNode.asLong
    }
  }

  private static int checked(String field) {
    int index = index(field);
    if (index < 0) {
      throw new IllegalArgumentException("not a field the bot reads: " + field);
    }
    return index;
  }

  /**
   * The slot of a field the bot reads, or -1 for any other: a switch on the name's one character
   * (a switch on the whole string, with its hash and equals, was a sixth of the decoding).
   */
  private static int index(String field) {
    if (field.length() != 1) {
      return field.equals("eR") ? 17 : -1;
    }
    return switch (field.charAt(0)) {
      case 'e' -> 0;
      case 's' -> 1;
      case 'g' -> 2;
      case 'i' -> 3;
      case 'c' -> 4;
      case 'C' -> 5;
      case 'X' -> 6;
      case 'o' -> 7;
      case 'S' -> 8;
      case 'x' -> 9;
      case 'q' -> 10;
      case 'l' -> 11;
      case 'L' -> 12;
      case 'z' -> 13;
      case 'Z' -> 14;
      case 'p' -> 15;
      case 'P' -> 16;
      case 'T' -> 18;
      default -> -1;
    };
  }
}
