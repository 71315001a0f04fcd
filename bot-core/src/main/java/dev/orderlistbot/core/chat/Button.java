package dev.orderlistbot.core.chat;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A button under a message. It carries a short opaque {@code token} (1 to 64 bytes of {@code
 * [A-Za-z0-9_:-]}, within Telegram's callback-data limit and Discord's custom-id limit), never
 * order data: pressing it tells core only "this token was pressed by this user".
 */
public record Button(String label, String token) {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:-]{1,64}");

  public Button {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(token, "token");
    if (label.isBlank()) {
      throw new IllegalArgumentException("a button needs a label");
    }
    if (!TOKEN.matcher(token).matches() || token.getBytes(StandardCharsets.US_ASCII).length > 64) {
      throw new IllegalArgumentException("a button token is 1 to 64 characters of [A-Za-z0-9_:-]");
    }
  }
}
