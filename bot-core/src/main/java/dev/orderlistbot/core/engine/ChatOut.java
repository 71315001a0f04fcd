package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's direct answers: send, edit and delete on the platform of the chat. A platform that
 * does not take a message is logged, never thrown back into a conversation (there is nobody to
 * tell). An edit that fails is sent as a new message instead, so a result is never lost just
 * because the preview it replaces could not be edited. A message whose picture the platform refuses
 * goes out again as its text and buttons alone. Thread-safe.
 */
final class ChatOut {
  private static final Logger LOG = LoggerFactory.getLogger(ChatOut.class);

  /** How long, in all, an answer the platform refused with "retry after" waits to be sent again. */
  static final Duration LONGEST_ANSWER_WAIT = Duration.ofMinutes(2);

  private final ChatPlatforms platforms;

  ChatOut(ChatPlatforms platforms) {
    this.platforms = platforms;
  }

  Optional<MessageRef> send(ChatRef chat, OutboundMessage message) {
    return send(chat, message, Duration.ZERO);
  }

  /**
   * Sends {@code message}; {@code waited}: how long the platform has already asked it to wait
   * ("too many requests, retry after N"). Such a refusal means the message did not go, so it is
   * sent again, for as long as the waits asked add up to at most {@link #LONGEST_ANSWER_WAIT}: the
   * paced platform ({@link PacedChatPlatform}) holds every send until the wait is over, so the
   * answer arrives late rather than never (a notice, by contrast, is retried by the outbox). Past
   * that the trader has long moved on; the answer is dropped and logged.
   */
  private Optional<MessageRef> send(ChatRef chat, OutboundMessage message, Duration waited) {
    Optional<ChatPlatform> platform = platform(chat);
    if (platform.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(platform.get().send(chat, message));
    } catch (ChatDeliveryException e) {
      Duration asked = e.retryAfter().orElse(Duration.ZERO);
      if (e.retryable() && e.retryAfter().isPresent() && waited.plus(asked).compareTo(LONGEST_ANSWER_WAIT) <= 0) {
        LOG.info("{} asked to wait {} s; the answer to {} goes once the wait is over", chat.platform(), asked.toSeconds(), chat);
        return send(chat, message, waited.plus(asked));
      }
      // only a refusal of the picture itself: a send that may have gone through (a timeout, a 5xx)
      // is not sent again, or the chat would show two previews with live buttons
      if (message.picture().isPresent() && !e.retryable()) {
        LOG.info("could not send a picture to {}, sending the text alone: {}", chat, e.getMessage());
        return send(chat, message.withoutPicture(), waited);
      }
      LOG.warn("could not send to {}: {}", chat, e.getMessage());
      return Optional.empty();
    }
  }

  Optional<MessageRef> send(ChatRef chat, String text) {
    return send(chat, OutboundMessage.text(text));
  }

  /** Shows {@code replacement} in place of {@code message}, or as a new message; true when it was shown either way. */
  boolean edit(MessageRef message, OutboundMessage replacement) {
    Optional<ChatPlatform> platform = platform(message.chat());
    if (platform.isEmpty()) {
      return false;
    }
    try {
      platform.get().edit(message, replacement);
      return true;
    } catch (ChatDeliveryException e) {
      LOG.warn("could not edit {}, sending it as a new message: {}", message, e.getMessage());
      // a message that can no longer be edited gets the whole replacement, buttons and picture too
      // (a card's actions belong to its new message); an edit that may have landed (a timeout)
      // sends the text alone, so no live button is ever shown twice
      return send(message.chat(), e.retryable() ? OutboundMessage.text(replacement.text()) : replacement).isPresent();
    }
  }

  /**
   * Edits {@code message} if the platform takes it now, and nothing else: for a passing status
   * ("Placing…") that a new message would only leave behind, never replaced.
   */
  void editIfPossible(MessageRef message, String text) {
    Optional<ChatPlatform> platform = platform(message.chat());
    if (platform.isEmpty()) {
      return;
    }
    try {
      platform.get().edit(message, OutboundMessage.text(text));
    } catch (ChatDeliveryException e) {
      LOG.info("could not show the status on {}, the result will replace it: {}", message, e.getMessage());
    }
  }

  boolean edit(MessageRef message, String text) {
    return edit(message, OutboundMessage.text(text));
  }

  /**
   * Where the notices of a list confirmed by {@code owner} in {@code chat} go: that chat, or the
   * owner's private chat when the platform answered them privately there (see {@link
   * ChatPlatform#answersPrivatelyInGroups}). A private chat's id is its user's id on every platform.
   */
  ChatRef noticeChat(UserRef owner, ChatRef chat) {
    ChatRef privateChat = new ChatRef(owner.platform(), owner.userId());
    boolean answeredPrivately = platform(chat).map(ChatPlatform::answersPrivatelyInGroups).orElse(false);
    return answeredPrivately && chat.platform().equals(owner.platform()) ? privateChat : chat;
  }

  /** Whether the message is gone; false when the platform cannot or may not delete it. */
  boolean delete(MessageRef message) {
    Optional<ChatPlatform> platform = platform(message.chat());
    if (platform.isEmpty()) {
      return false;
    }
    try {
      return platform.get().delete(message);
    } catch (ChatDeliveryException e) {
      LOG.warn("could not delete {}: {}", message, e.getMessage());
      return false;
    }
  }

  /**
   * Whether {@code user} administers {@code chat}, where its platform can tell (see {@link
   * ChatPlatform#isAdmin}); unlike the other methods this one throws {@link ChatDeliveryException}
   * when the platform could not be asked, because the caller must answer the user.
   */
  Optional<Boolean> isAdmin(ChatRef chat, UserRef user) {
    Optional<ChatPlatform> platform = platforms.forChat(chat);
    return platform.isEmpty() ? Optional.empty() : platform.get().isAdmin(chat, user);
  }

  private Optional<ChatPlatform> platform(ChatRef chat) {
    Optional<ChatPlatform> platform = platforms.forChat(chat);
    if (platform.isEmpty()) {
      LOG.warn("no chat platform {} is running; dropped a message to {}", chat.platform(), chat);
    }
    return platform;
  }
}
