package dev.orderlistbot.discord;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * Finds the channel behind a {@link ChatRef} for messages outside an interaction (fills, alerts). A
 * guild channel comes from JDA's cache (filled through the non-privileged {@code GUILDS} intent JDA
 * always uses). A DM's chat id is the user's id (see {@link InteractionTranslator}), so the DM is
 * opened again from it, after a restart too.
 *
 * <p>Stateless.
 */
final class Channels {
  private Channels() {}

  static MessageChannel resolve(JDA jda, ChatRef chat) {
    long id = parse(chat);
    MessageChannel channel = jda.getChannelById(MessageChannel.class, id);
    if (channel != null) {
      return channel;
    }
    if (jda.getStatus() != JDA.Status.CONNECTED) {
      // the guild cache fills once connected: worth another try
      throw ChatDeliveryException.retryLater(
          "Discord is not connected yet, channel " + chat + " unknown", Optional.empty(), null);
    }
    return DeliveryFailures.call("open the DM " + chat, () -> jda.openPrivateChannelById(id).complete());
  }

  private static long parse(ChatRef chat) {
    try {
      return Long.parseUnsignedLong(chat.chatId());
    } catch (NumberFormatException e) {
      throw ChatDeliveryException.permanent("not a Discord chat id: " + chat, null);
    }
  }
}
