package dev.orderlistbot.core.domain.order;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code listClientOrderId} the bot assigns to an order list, so that a placement whose outcome
 * is unknown (timeout, 5xx) can be looked up instead of being sent twice: Binance refuses a second
 * open list with the same id.
 *
 * <p>Form: {@code ^[a-zA-Z0-9-_]{1,36}$}, the only form Binance documents (FIX API), which also
 * never changes under percent-encoding. Ids Binance generated itself (22 characters) fit too.
 *
 * <p>Every leg of a list the bot places gets an id derived from this one with {@link
 * #legId(LegRole)}, e.g. {@code ob-7f3a9c-tp}; {@link #forKey(String)} builds an id from an
 * idempotency key and guarantees that every leg id fits as well.
 */
public record ClientListId(String value) {
  /** Binance's documented form of client order ids. */
  public static final Pattern FORM = Pattern.compile("[a-zA-Z0-9_-]{1,36}");

  /** The longest idempotency key {@link #forKey(String)} accepts: 36 minus "ob-" and "-tp". */
  public static final int MAX_KEY_LENGTH = 36 - 3 - 3;

  public ClientListId {
    Objects.requireNonNull(value, "clientListId");
    if (!hasForm(value)) {
      throw new IllegalArgumentException(
          "a client list id must match [a-zA-Z0-9-_]{1,36}, was '" + value + "'");
    }
  }

  /**
   * Whether {@code text} matches {@link #FORM}: the same test without a regex matcher, because every
   * placement checks its list id and each leg's id (docs/performance.md, "Signing an OCO request").
   */
  public static boolean hasForm(String text) {
    int length = text.length();
    if (length < 1 || length > 36) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }

  /**
   * The id for the list placed under an idempotency key (for example a pending order's id):
   * {@code ob-<key>}. The key must match {@code [a-zA-Z0-9-_]{1,30}} so every leg id fits.
   */
  public static ClientListId forKey(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "an idempotency key must have 1.." + MAX_KEY_LENGTH + " characters, had " + idempotencyKey.length());
    }
    return new ClientListId("ob-" + idempotencyKey);
  }

  /**
   * The client order id of one leg of this list: this id, a dash and the role's suffix, e.g.
   * {@code tg42-oco-0001-sl}.
   *
   * @throws IllegalArgumentException if the result would exceed 36 characters
   */
  public ClientOrderId legId(LegRole role) {
    return new ClientOrderId(value + "-" + role.suffix());
  }

  @Override
  public String toString() {
    return value;
  }
}
