package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A preview waiting for its requester's Confirm or Cancel.
 *
 * @param token the short opaque token carried by the buttons: 1 to 64 bytes of {@code [A-Za-z0-9_-]}
 *     (fits Telegram's 64-byte callback data and a Discord custom id)
 * @param chat where the preview was shown; on the requester's platform
 * @param messageRef the platform's id of the preview message, once it was sent
 * @param payload the engine's own encoding of the order-list request; the store never reads it
 */
public record PendingConfirmation(
    UUID id,
    String token,
    UserRef requester,
    ChatRef chat,
    Optional<String> messageRef,
    String payload,
    Instant createdAt,
    Instant expiresAt,
    ConfirmationState state) {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  public static final int MAX_PAYLOAD_LENGTH = 16_000;

  public PendingConfirmation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(messageRef, "messageRef");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
    if (!TOKEN.matcher(token).matches() || token.getBytes(StandardCharsets.US_ASCII).length > 64) {
      throw new IllegalArgumentException("a token is 1 to 64 characters of [A-Za-z0-9_-]");
    }
    if (!chat.platform().equals(requester.platform())) {
      throw new IllegalArgumentException("the chat and the requester must be on the same platform");
    }
    if (payload.length() > MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException("payload longer than " + MAX_PAYLOAD_LENGTH + " characters");
    }
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("a confirmation must expire after it was created");
    }
  }

  /** A new PENDING confirmation without a message reference yet. */
  public static PendingConfirmation pending(
      UUID id, String token, UserRef requester, ChatRef chat, String payload, Instant createdAt, Instant expiresAt) {
    return new PendingConfirmation(
        id, token, requester, chat, Optional.empty(), payload, createdAt, expiresAt, ConfirmationState.PENDING);
  }
}
