package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * A chat platform whose sends take what the test scripts: each send first runs {@code whileSending}
 * with its number (1, 2, …), which may move a clock, start another drain or block on a latch, and
 * then records the text. Thread-safe; the script runs outside any lock, so a blocked send holds
 * nobody else up.
 */
final class ScriptedChatPlatform implements ChatPlatform {
  private final String platform;
  private final IntConsumer whileSending;
  private final List<String> sent = new ArrayList<>();
  private int started;

  ScriptedChatPlatform(String platform, IntConsumer whileSending) {
    this.platform = platform;
    this.whileSending = whileSending;
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public MessageRef send(ChatRef chat, OutboundMessage message) {
    int number;
    synchronized (this) {
      number = ++started;
    }
    whileSending.accept(number);
    synchronized (this) {
      sent.add(message.text());
      return new MessageRef(chat, platform + "-" + sent.size());
    }
  }

  @Override
  public void edit(MessageRef message, OutboundMessage replacement) {
    throw new UnsupportedOperationException("notices are only sent");
  }

  @Override
  public boolean delete(MessageRef message) {
    return false;
  }

  synchronized List<String> sent() {
    return List.copyOf(sent);
  }

  /** How often each text was sent, by text. */
  synchronized Map<String, Integer> sendsPerText() {
    Map<String, Integer> counts = new TreeMap<>();
    sent.forEach(text -> counts.merge(text, 1, Integer::sum));
    return counts;
  }
}
