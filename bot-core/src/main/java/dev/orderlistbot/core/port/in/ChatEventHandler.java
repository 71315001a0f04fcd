package dev.orderlistbot.core.port.in;

import dev.orderlistbot.core.chat.ChatEvent;

/**
 * Where chat adapters hand what users did. Implemented by the bot engine.
 *
 * <p><b>Contract.</b> {@link #handle} answers the user through the {@code ChatPlatform} of the
 * event's platform and never throws for anything the user did: a bad line gets a clear reply, an
 * unexpected failure a short reference id that matches the log. It may block (exchange calls), so
 * adapters call it on a virtual thread, never on their network thread.
 *
 * <p><b>Thread-safety.</b> Safe to call concurrently for different and for the same chats.
 */
public interface ChatEventHandler {
  void handle(ChatEvent event);
}
