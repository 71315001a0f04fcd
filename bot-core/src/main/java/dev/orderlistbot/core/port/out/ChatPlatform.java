package dev.orderlistbot.core.port.out;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Optional;

/**
 * One chat network (Telegram, Discord, the console) as core sees it: send, edit and delete
 * messages. Implemented by {@code TelegramChatPlatform}, {@code DiscordChatPlatform}, {@code
 * ConsoleChatPlatform}; the app keeps one per platform id and core picks by {@link ChatRef#platform()}.
 *
 * <p><b>Contract.</b> Text is plain; the adapter escapes it for its markup and splits what is too
 * long. Buttons carry only their opaque token. {@link #edit} replaces text and buttons (no buttons
 * removes them).
 *
 * <p><b>Pictures.</b> A message with a {@link dev.orderlistbot.core.chat.OutboundMessage#picture()
 * picture} is shown as that picture with the text and the buttons under it: Telegram a photo whose
 * caption is the text (a text too long for a caption goes out as the photo followed by the text
 * with the buttons, and the reference answered is the text's), Discord an embed showing the
 * attached PNG, the console the PNG written to a file whose path is printed under the text. An
 * {@link #edit} with a picture replaces the picture too; an edit without one replaces the text
 * and buttons and keeps whatever picture the message shows. A platform that refuses the picture
 * itself throws {@link ChatDeliveryException} like any refusal; the caller then sends the text
 * alone ({@link dev.orderlistbot.core.chat.OutboundMessage#withoutPicture()}).
 *
 * <p><b>Failures.</b> Every method throws {@link ChatDeliveryException} when the platform did not
 * take the message; it says whether trying again later may work and, where the platform said so,
 * after how long. Never a platform-SDK exception.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe; calls block the calling thread.
 */
public interface ChatPlatform {

  /** The platform id used in {@link ChatRef#platform()}, e.g. {@code telegram}. */
  String platform();

  /** Sends a new message and answers its reference (for later edits). */
  MessageRef send(ChatRef chat, OutboundMessage message);

  /** Replaces the text and buttons of a message the bot sent. */
  void edit(MessageRef message, OutboundMessage replacement);

  /**
   * Deletes a message (for example one that carried a secret). Answers false when the platform
   * does not allow it (a console line cannot be unprinted; a group may deny the right).
   */
  boolean delete(MessageRef message);

  /**
   * Whether {@code user} administers {@code chat} (a group or channel), where the platform can tell
   * (Telegram asks {@code getChatMember}); empty where it cannot or checks elsewhere (the console;
   * Discord, whose adapter requires Manage Channels before core sees the command). Throws {@link
   * ChatDeliveryException} when the platform could not be asked.
   */
  default Optional<Boolean> isAdmin(ChatRef chat, UserRef user) {
    return Optional.empty();
  }

  /**
   * Whether what the bot answers in a group is seen by the asking user alone (Discord's ephemeral
   * interaction replies). Then a list confirmed in a group was private to its owner, and its fills
   * are announced in the owner's private chat, not to the group, unless the owner turned {@code
   * /alerts} on there. False by default: on Telegram the group saw the preview.
   */
  default boolean answersPrivatelyInGroups() {
    return false;
  }

  /**
   * Whether this instance sends on the platform now. With several instances, a platform with one
   * connection per bot (Discord's gateway) is connected on the lease holder only; the others leave
   * its notices to it. True by default.
   */
  default boolean sendsHere() {
    return true;
  }
}
