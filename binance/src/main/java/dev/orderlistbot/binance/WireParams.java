package dev.orderlistbot.binance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered list of request parameters and its one wire form. Binance signs "exactly the bytes on
 * the wire", so the bot encodes once, here, and sends (and signs) that string unchanged.
 *
 * <p>Encoding is RFC 3986: {@code [A-Za-z0-9-_.~]} stay, every other UTF-8 byte becomes {@code %XX}
 * (upper-case hex). Unlike {@code URLEncoder}, a space is {@code %20} and {@code *} is encoded. For
 * the bot's own values (symbols, enums, plain decimals, ids matching {@code [a-zA-Z0-9-_]}) the
 * encoding is the identity; a Unicode symbol such as {@code １２３４５６} is not.
 */
final class WireParams {
  /** Room for the longest create (an OTOCO: up to 23 parameters) without the list growing. */
  private final List<Map.Entry<String, String>> entries = new ArrayList<>(24);

  WireParams add(String name, String value) {
    Objects.requireNonNull(name, "name");
    if (value == null) {
      throw new NullPointerException("value of " + name); // the message only when thrown
    }
    entries.add(Map.entry(name, value));
    return this;
  }

  List<Map.Entry<String, String>> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** {@code name=value&...} with every name and value percent-encoded: a form body or query. */
  String encoded() {
    StringBuilder out = new StringBuilder(unencodedLength());
    for (Map.Entry<String, String> entry : entries) {
      if (!out.isEmpty()) {
        out.append('&');
      }
      out.append(encode(entry.getKey())).append('=').append(encode(entry.getValue()));
    }
    return out.toString();
  }

  /** The form's length when nothing needs encoding (the bot's own values): the builder's exact size. */
  private int unencodedLength() {
    int length = Math.max(0, entries.size() - 1);
    for (Map.Entry<String, String> entry : entries) {
      length += entry.getKey().length() + 1 + entry.getValue().length();
    }
    return length;
  }

  /**
   * Name to encoded value, in order, for a Feign {@code @QueryMap}. Feign leaves values made only
   * of unreserved characters and {@code %XX} escapes as they are, so the query on the wire is
   * exactly {@link #encoded()}; the signer signs what Feign rendered anyway.
   */
  Map<String, Object> encodedQueryMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : entries) {
      map.put(entry.getKey(), encode(entry.getValue()));
    }
    return map;
  }

  /** RFC 3986 percent-encoding of the UTF-8 bytes of {@code text}. */
  static String encode(String text) {
    if (isAllUnreserved(text)) {
      return text;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = null;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      if (isUnreserved(b)) {
        if (out != null) {
          out.append((char) b);
        }
      } else {
        if (out == null) {
          out = new StringBuilder(bytes.length * 3).append(text, 0, i);
        }
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
      }
    }
    return out == null ? text : out.toString();
  }

  /** The common case (symbols, enums, decimals, the bot's ids): nothing to encode, nothing to copy. */
  private static boolean isAllUnreserved(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isUnreserved(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b} is in {@code [A-Za-z0-9-_.~]}: one bit test in the masks below. */
  private static boolean isUnreserved(int b) {
    if (b < 64) {
      return b >= 0 && (UNRESERVED_BELOW_64 >>> b & 1) != 0;
    }
    return b < 128 && (UNRESERVED_64_TO_127 >>> (b - 64) & 1) != 0;
  }

  /** Bits 45 ({@code -}), 46 ({@code .}) and 48 to 57 ({@code 0-9}). */
  private static final long UNRESERVED_BELOW_64 = 0x03FF_6000_0000_0000L;

  /** Bits for {@code A-Z} (65-90), {@code _} (95), {@code a-z} (97-122), {@code ~} (126), less 64. */
  private static final long UNRESERVED_64_TO_127 = 0x47FF_FFFE_87FF_FFFEL;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public String toString() {
    return encoded();
  }
}
