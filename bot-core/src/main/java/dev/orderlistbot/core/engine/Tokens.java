package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.order.ClientListId;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The random identifiers the engine hands out, all from the injected {@link SecureRandom}: button
 * tokens, confirmation ids, the client list id derived from a confirmation, and the short reference
 * ids that tie a "Something went wrong" in a chat to its log line.
 */
final class Tokens {
  /** Button token prefixes: run the pending action, or withdraw it. */
  static final String RUN = "ok:";

  static final String WITHDRAW = "no:";

  /**
   * The prefix of an order card's button, {@code k:<action>:<orderListId>} (e.g. {@code
   * k:BREAKEVEN:8821}). Card buttons live as long as the card, so they are not confirmations: they
   * name an action and a list, and pressing one leads to a confirmation of its own.
   */
  static final String CARD = "k:";

  /** A card button's action and list, read from its token. */
  record CardPress(CardAction action, long orderListId) {}

  private static final String LIST_PREFIX = "ob-";
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {}

  /** 128 random bits as 22 characters of {@code [A-Za-z0-9_-]}, a confirmation's token. */
  static String token(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return URL.encodeToString(bytes);
  }

  /** A version 4 UUID from {@code random}. */
  static UUID uuid(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    ByteBuffer buffer = ByteBuffer.wrap(b);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  /**
   * The client list id of the list placed for confirmation {@code id}: {@code ob-} and the id's 16
   * bytes in 22 URL-safe characters. The same confirmation always gives the same id, so a retried
   * placement can never become a second list.
   */
  static ClientListId clientListId(UUID id) {
    ByteBuffer buffer = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    return ClientListId.forKey(URL.encodeToString(buffer.array()));
  }

  /**
   * The client list id of list {@code index} (from 0) of the plan placed for confirmation {@code
   * id}: {@link #clientListId}'s key, a dash and the index ({@code ob-<22>-2}), 30 characters at most
   * up to index 9999999 ({@link ClientListId#MAX_KEY_LENGTH}), so every leg id fits too.
   */
  static ClientListId planListId(UUID id, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a plan's lists are numbered from 0");
    }
    return ClientListId.forKey(clientListId(id).value().substring(LIST_PREFIX.length()) + "-" + index);
  }

  /**
   * The confirmation a client list id was made from by {@link #clientListId} or {@link
   * #planListId}; empty for an id the bot did not make that way.
   */
  static Optional<UUID> confirmationId(ClientListId clientId) {
    String value = clientId.value().replaceFirst("^(" + LIST_PREFIX + ".{22})-[0-9]{1,7}$", "$1");
    if (!value.startsWith(LIST_PREFIX) || value.length() != LIST_PREFIX.length() + 22) {
      return Optional.empty();
    }
    try {
      ByteBuffer buffer = ByteBuffer.wrap(Base64.getUrlDecoder().decode(value.substring(LIST_PREFIX.length())));
      return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The token of an order card's {@code action} button for list {@code orderListId} (at most 32 bytes). */
  static String cardToken(CardAction action, long orderListId) {
    if (orderListId < 0) {
      throw new IllegalArgumentException("an order list id is not negative");
    }
    return CARD + action.name() + ":" + orderListId;
  }

  /** The press a card button's token stands for; empty for any other token or a malformed one. */
  static Optional<CardPress> cardPress(String token) {
    if (!token.startsWith(CARD)) {
      return Optional.empty();
    }
    String rest = token.substring(CARD.length());
    int colon = rest.indexOf(':');
    if (colon < 1 || colon == rest.length() - 1 || rest.length() - colon - 1 > 19) {
      return Optional.empty();
    }
    String id = rest.substring(colon + 1);
    if (!id.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    try {
      CardAction action = CardAction.valueOf(rest.substring(0, colon));
      return Optional.of(new CardPress(action, Long.parseLong(id)));
    } catch (IllegalArgumentException e) {
      // an unknown action, or an id beyond a long
      return Optional.empty();
    }
  }

  /** Six hex digits, e.g. {@code 7f3a9c}, to quote in a chat and in the log. */
  static String reference(SecureRandom random) {
    byte[] bytes = new byte[3];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
