package dev.orderlistbot.bench;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text fields of a {@code multipart/form-data} body, as TelegramBots sends {@code sendPhoto}
 * and {@code editMessageMedia} (the picture is a part with a file name, skipped). Stateless.
 */
final class MultipartForm {
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

  private MultipartForm() {}

  /** The boundary of a multipart content type, if it is one. */
  static Optional<String> boundary(String contentType) {
    if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Each text field's name and value, in order; file parts are left out. */
  static Map<String, String> fields(byte[] body, String boundary) {
    // ISO-8859-1 keeps every byte as one char, so the picture's bytes cannot break the split
    String all = new String(body, StandardCharsets.ISO_8859_1);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : all.split("--" + Pattern.quote(boundary), -1)) {
      int end = part.indexOf("\r\n\r\n");
      if (end < 0) {
        continue;
      }
      String headers = part.substring(0, end);
      Matcher name = NAME.matcher(headers);
      if (!name.find() || headers.contains("filename=")) {
        continue;
      }
      String value = part.substring(end + 4);
      if (value.endsWith("\r\n")) {
        value = value.substring(0, value.length() - 2);
      }
      fields.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
    return fields;
  }
}
