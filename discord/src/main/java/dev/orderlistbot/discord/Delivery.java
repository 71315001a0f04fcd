package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Core's send, edit and delete, mapped onto Discord: through the hook of the interaction being
 * answered (see {@link Interactions}), else to the channel. Every call blocks until Discord
 * answered; rate limits are waited out in JDA's queues.
 *
 * <p>Thread-safe.
 */
final class Delivery {
  private final Interactions interactions;
  private final Supplier<JDA> jda;

  Delivery(Interactions interactions, Supplier<JDA> jda) {
    this.interactions = interactions;
    this.jda = jda;
  }

  MessageRef send(ChatRef chat, OutboundMessage message) {
    List<DiscordRenderer.Page> pages = DiscordRenderer.pages(message);
    Optional<InteractionReply> reply = interactions.replyingIn(chat);
    if (reply.isPresent()) {
      return reply.get().send(pages, interactions);
    }
    MessageChannel channel = Channels.resolve(connected(), chat);
    MessageRef last = null;
    for (DiscordRenderer.Page page : pages) {
      Message sent =
          DeliveryFailures.call("send to " + chat, () -> channel.sendMessage(page.create()).complete());
      last = new MessageRef(chat, Long.toUnsignedString(sent.getIdLong()));
    }
    return last;
  }

  void edit(MessageRef message, OutboundMessage replacement) {
    DiscordRenderer.Page page = DiscordRenderer.single(replacement);
    Optional<HookedMessage> hooked = interactions.hookFor(message);
    if (hooked.isPresent()) {
      DeliveryFailures.call("edit " + message, () -> hooked.get().edit(page.edit()).complete());
      return;
    }
    MessageChannel channel = Channels.resolve(connected(), message.chat());
    DeliveryFailures.call(
        "edit " + message, () -> channel.editMessageById(message.messageId(), page.edit()).complete());
  }

  /**
   * Deletes a message of the bot. A slash command or modal posts no message of the user's (a key
   * typed into the modal was never in a channel), so there is nothing to delete and the answer is
   * true; so it is for a message already gone. False when Discord denies it.
   */
  boolean delete(MessageRef message) {
    if (interactions.isEventRef(message)) {
      return true;
    }
    try {
      Optional<HookedMessage> hooked = interactions.hookFor(message);
      if (hooked.isPresent()) {
        hooked.get().delete().complete();
      } else {
        MessageChannel channel = Channels.resolve(connected(), message.chat());
        channel.deleteMessageById(message.messageId()).complete();
      }
      return true;
    } catch (ErrorResponseException e) {
      ErrorResponse error = e.getErrorResponse();
      if (error == ErrorResponse.UNKNOWN_MESSAGE) {
        return true;
      }
      if (error == ErrorResponse.MISSING_PERMISSIONS || error == ErrorResponse.MISSING_ACCESS) {
        return false;
      }
      throw DeliveryFailures.map("delete " + message, e);
    } catch (ChatDeliveryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DeliveryFailures.map("delete " + message, e);
    }
  }

  private JDA connected() {
    JDA current = jda.get();
    if (current == null) {
      throw ChatDeliveryException.retryLater("Discord is not connected", Optional.empty(), null);
    }
    return current;
  }
}
