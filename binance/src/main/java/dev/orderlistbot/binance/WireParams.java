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
    Objects.requireNonNull(value, "value of " + name);
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

  private static boolean isUnreserved(int b) {
    return (b >= 'A' && b <= 'Z')
        || (b >= 'a' && b <= 'z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '_'
        || b == '.'
        || b == '~';
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public String toString() {
    return encoded();
  }
}
