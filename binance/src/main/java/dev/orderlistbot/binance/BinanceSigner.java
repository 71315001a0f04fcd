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

  private final String apiKey;
  private final PayloadSigner signer;
  private final LongSupplier timestampMillis;
  private final String recvWindow;

  BinanceSigner(String apiKey, PayloadSigner signer, LongSupplier timestampMillis, String recvWindow) {
    this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.timestampMillis = Objects.requireNonNull(timestampMillis, "timestampMillis");
    this.recvWindow = Objects.requireNonNull(recvWindow, "recvWindow");
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
   * the wire: a first attempt's form (no signing pairs to drop) is neither decoded nor copied but
   * once, into the signed form.
   */
  private void signBody(RequestTemplate template, byte[] body) {
    byte[] form = hasNoSigningParamsNorEmptyPairs(body)
        ? body
        : withoutSigningParams(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    byte[] signed = concat(form, ("&recvWindow=" + recvWindow + "&timestamp=" + timestampMillis.getAsLong()).getBytes(StandardCharsets.UTF_8));
    String query = query(template);
    String signature = signer.sign(query.isEmpty() ? signed : concat(query.getBytes(StandardCharsets.UTF_8), signed));
    byte[] wire = concat(signed, ("&signature=" + WireParams.encode(signature)).getBytes(StandardCharsets.UTF_8));
    template.body(wire, StandardCharsets.UTF_8);
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
   * {@link #hasNoSigningParamsNorEmptyPairs(String)} over the form's bytes, read one byte a char
   * (the names looked for are ASCII), so the JDK's vectorised search does the scanning.
   */
  private static boolean hasNoSigningParamsNorEmptyPairs(byte[] form) {
    return hasNoSigningParamsNorEmptyPairs(new String(form, StandardCharsets.ISO_8859_1));
  }

  @Override
  public String toString() {
    return "BinanceSigner[" + signer + "]";
  }
}
