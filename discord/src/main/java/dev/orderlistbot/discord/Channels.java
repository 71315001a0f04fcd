package dev.orderlistbot.discord;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * Finds the channel behind a {@link ChatRef} for messages outside an interaction (fills, alerts):
 * a guild channel from JDA's cache (filled through the non-privileged {@code GUILDS} intent JDA always uses), a DM from
 * JDA's cache or, failing that, reopened from the user learned when they last used the bot there.
 *
 * <p>Thread-safe.
 */
final class Channels {
  private final Map<String, Long> directUsers = new ConcurrentHashMap<>();

  /** Remembers that {@code channelId} is the DM with {@code userId}. */
  void learnDirect(String channelId, long userId) {
    directUsers.put(channelId, userId);
  }

  MessageChannel resolve(JDA jda, ChatRef chat) {
    long id = parse(chat);
    MessageChannel channel = jda.getChannelById(MessageChannel.class, id);
    if (channel != null) {
      return channel;
    }
    Optional<Long> user = Optional.ofNullable(directUsers.get(chat.chatId()));
    if (user.isPresent()) {
      return DeliveryFailures.call(
          "open the DM " + chat, () -> jda.openPrivateChannelById(user.get()).complete());
    }
    if (jda.getStatus() != JDA.Status.CONNECTED) {
      // the cache fills once connected: worth another try
      throw ChatDeliveryException.retryLater(
          "Discord is not connected yet, channel " + chat + " unknown", Optional.empty(), null);
    }
    throw ChatDeliveryException.permanent(
        "the bot cannot see channel " + chat + " (left the server, or a DM not used since the restart)",
        null);
  }

  private static long parse(ChatRef chat) {
    try {
      return Long.parseUnsignedLong(chat.chatId());
    } catch (NumberFormatException e) {
      throw ChatDeliveryException.permanent("not a Discord channel id: " + chat, null);
    }
  }
}
