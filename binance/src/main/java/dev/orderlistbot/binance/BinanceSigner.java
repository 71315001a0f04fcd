package dev.orderlistbot.binance;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Signs every request of one credential set at the edge, after Feign has rendered it: sets {@code
 * X-MBX-APIKEY}, appends {@code recvWindow} and {@code timestamp}, then signs <em>the exact
 * percent-encoded bytes that go on the wire</em> (query string immediately followed by the body,
 * reference 3.3) and appends {@code signature} percent-encoded.
 *
 * <p>A request with a body (the POST creates) carries its parameters there and gets the signing
 * parameters appended to the body; any other request gets them in the query string.
 *
 * <p>Feign re-applies interceptors to the <em>same</em> template on every retry, and {@code
 * RequestTemplate.query} appends. So the signer first removes any {@code recvWindow}, {@code
 * timestamp} and {@code signature} a previous attempt left, then sets them afresh: a retried
 * request carries one fresh timestamp and one signature.
 *
 * <p>Thread-safe (Feign calls it concurrently); holds the signer, never the secret's text.
 */
final class BinanceSigner implements RequestInterceptor {
  static final String API_KEY_HEADER = "X-MBX-APIKEY";
  private static final Set<String> SIGNING_PARAMS = Set.of("recvWindow", "timestamp", "signature");
  private static final List<byte[]> SIGNING_NAMES =
      SIGNING_PARAMS.stream().map(name -> name.getBytes(StandardCharsets.US_ASCII)).toList();
  private static final byte[] SIGNATURE_PAIR = "&signature=".getBytes(StandardCharsets.US_ASCII);
  /** An HMAC-SHA256 signature's length in hex: the room the body's buffer leaves for it. */
  private static final int HMAC_HEX_LENGTH = 64;

  private final String apiKey;
  private final PayloadSigner signer;
  private final LongSupplier timestampMillis;
  private final String recvWindow;
  /** {@code &recvWindow=<window>&timestamp=}: what a body gets before the timestamp's digits. */
  private final byte[] signingPairs;

  BinanceSigner(String apiKey, PayloadSigner signer, LongSupplier timestampMillis, String recvWindow) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.timestampMillis = Objects.requireNonNull(timestampMillis, "timestampMillis");
    this.recvWindow = Objects.requireNonNull(recvWindow, "recvWindow");
    this.signingPairs = ("&recvWindow=" + recvWindow + "&timestamp=").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void apply(RequestTemplate template) {
    template.removeHeader(API_KEY_HEADER);
    template.headerLiteral(API_KEY_HEADER, apiKey);
    byte[] body = template.body();
    if (body != null && body.length > 0) {
      signBody(template, body);
    } else {
      signQuery(template);
    }
  }

  private void signQuery(RequestTemplate template) {
    for (String name : SIGNING_PARAMS) {
      template.query(name, List.of());
    }
    template.query("recvWindow", recvWindow);
    template.query("timestamp", Long.toString(timestampMillis.getAsLong()));
    String payload = query(template);
    template.query("signature", WireParams.encode(signer.sign(payload)));
  }

  /**
   * Appends the signing pairs to the form and signs the query and the form as bytes, as they go on
   * the wire. The form is copied once, into the buffer that becomes the body: the signing pairs are
   * written after it, the front of the buffer is signed, and the signature goes into the room left
   * at its end (exactly the HMAC's 64 hex digits; a longer, asymmetric signature costs one more
   * copy). A first attempt's form (no signing pairs to drop) is neither decoded nor copied before.
   */
  private void signBody(RequestTemplate template, byte[] body) {
    byte[] form = hasNoSigningParamsNorEmptyPairs(body)
        ? body
        : withoutSigningParams(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    long timestamp = timestampMillis.getAsLong();
    byte[] digits = timestamp < 0 ? Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII) : null;
    int signedLength = form.length + signingPairs.length + (digits == null ? digitCount(timestamp) : digits.length);
    byte[] wire = Arrays.copyOf(form, signedLength + SIGNATURE_PAIR.length + HMAC_HEX_LENGTH);
    System.arraycopy(signingPairs, 0, wire, form.length, signingPairs.length);
    if (digits == null) {
      putDigits(wire, signedLength, timestamp);
    } else {
      System.arraycopy(digits, 0, wire, signedLength - digits.length, digits.length);
    }
    String query = query(template);
    String signature = WireParams.encode(query.isEmpty()
        ? signer.sign(wire, signedLength)
        : signer.sign(concat(query.getBytes(StandardCharsets.UTF_8), Arrays.copyOf(wire, signedLength))));
    int wireLength = signedLength + SIGNATURE_PAIR.length + signature.length();
    if (wireLength != wire.length) {
      wire = Arrays.copyOf(wire, wireLength);
    }
    System.arraycopy(SIGNATURE_PAIR, 0, wire, signedLength, SIGNATURE_PAIR.length);
    byte[] encoded = signature.getBytes(StandardCharsets.US_ASCII); // hex or percent-encoded base64
    System.arraycopy(encoded, 0, wire, signedLength + SIGNATURE_PAIR.length, encoded.length);
    template.body(wire, StandardCharsets.UTF_8);
  }

  /** The number of decimal digits of a non-negative {@code value} (compared, not divided). */
  private static int digitCount(long value) {
    long bound = 10;
    for (int count = 1; count < 19; count++) {
      if (value < bound) {
        return count;
      }
      bound *= 10;
    }
    return 19;
  }

  /** Writes the decimal digits of a non-negative {@code value} so that the last one is at {@code end - 1}. */
  private static void putDigits(byte[] out, int end, long value) {
    long rest = value;
    int at = end;
    do {
      out[--at] = (byte) ('0' + (int) (rest % 10));
      rest /= 10;
    } while (rest > 0);
  }

  private static byte[] concat(byte[] head, byte[] tail) {
    byte[] joined = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, joined, head.length, tail.length);
    return joined;
  }

  /** The rendered query string without its leading {@code ?}, exactly as Feign will send it. */
  private static String query(RequestTemplate template) {
    String line = template.queryLine();
    return line.startsWith("?") ? line.substring(1) : line;
  }

  /** The form without the pairs a previous attempt's signing appended. */
  static String withoutSigningParams(String form) {
    if (hasNoSigningParamsNorEmptyPairs(form)) {
      return form;
    }
    StringBuilder kept = new StringBuilder(form.length());
    for (String pair : form.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (pair.isEmpty() || SIGNING_PARAMS.contains(name)) {
        continue;
      }
      if (!kept.isEmpty()) {
        kept.append('&');
      }
      kept.append(pair);
    }
    return kept.toString();
  }

  /**
   * The first attempt's form, as {@link OrderListParams} encodes it: nothing to remove, so no
   * split and no copy. A value or name merely containing one of those words only takes the slow path.
   */
  private static boolean hasNoSigningParamsNorEmptyPairs(String form) {
    return !form.isEmpty()
        && form.charAt(0) != '&'
        && form.charAt(form.length() - 1) != '&'
        && !form.contains("&&")
        && !form.contains("recvWindow")
        && !form.contains("timestamp")
        && !form.contains("signature");
  }

  /**
   * Whether the form's bytes need no cleaning: no empty pair and no pair named {@code recvWindow},
   * {@code timestamp} or {@code signature} (what {@link #withoutSigningParams(String)} would drop).
   * One pass over the bytes looking for {@code &}, comparing names only at the start of a pair,
   * without decoding or copying the form.
   */
  private static boolean hasNoSigningParamsNorEmptyPairs(byte[] form) {
    int start = 0;
    for (int i = 0; i <= form.length; i++) {
      if (i == form.length || form[i] == '&') {
        if (i == start || isSigningPair(form, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** Whether the pair in {@code form[from, to)} is named like a signing parameter. */
  private static boolean isSigningPair(byte[] form, int from, int to) {
    for (byte[] name : SIGNING_NAMES) {
      int nameEnd = from + name.length;
      if (nameEnd <= to
          && (nameEnd == to || form[nameEnd] == '=')
          && Arrays.equals(form, from, nameEnd, name, 0, name.length)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "BinanceSigner[" + signer + "]";
  }
}
