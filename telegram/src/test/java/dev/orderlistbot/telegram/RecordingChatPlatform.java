package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers what it was asked to send. */
final class RecordingChatPlatform implements ChatPlatform {
  final List<String> sent = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  @Override
  public String platform() {
    return "telegram";
  }

  @Override
  public MessageRef send(ChatRef chat, OutboundMessage message) {
    sent.add(chat.chatId() + ": " + message.text());
    return new MessageRef(chat, Integer.toString(ids.incrementAndGet()));
  }

  @Override
  public void edit(MessageRef message, OutboundMessage replacement) {
    sent.add(message + " edited: " + replacement.text());
  }

  @Override
  public boolean delete(MessageRef message) {
    return true;
  }
}
