package dev.orderlistbot.simulation;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The chat networks' side of the world: every message as it now stands, the notices each chat got
 * (in order), which platforms are down and which chats are gone for good. Chat users see messages
 * with buttons through {@link #onButtons}.
 */
final class SimChats {
  /** A notice the dispatcher delivered. */
  record Delivery(ChatRef chat, String text, Instant at) {}

  private final SimClock clock;
  private final Map<MessageRef, OutboundMessage> messages = new LinkedHashMap<>();
  private final List<Delivery> notices = new ArrayList<>();
  private final Set<String> down = new HashSet<>();
  private final Set<ChatRef> gone = new LinkedHashSet<>();
  private BiConsumer<MessageRef, OutboundMessage> buttonsShown = (ref, message) -> {};
  private long ids = 5000;

  SimChats(SimClock clock) {
    this.clock = clock;
  }

  void onButtons(BiConsumer<MessageRef, OutboundMessage> listener) {
    buttonsShown = listener;
  }

  MessageRef show(ChatRef chat, OutboundMessage message) {
    MessageRef ref = new MessageRef(chat, "bot-" + ids++);
    messages.put(ref, message);
    if (message.hasButtons()) {
      buttonsShown.accept(ref, message);
    }
    return ref;
  }

  void edit(MessageRef ref, OutboundMessage replacement) {
    messages.put(ref, replacement);
  }

  void delivered(ChatRef chat, String text) {
    notices.add(new Delivery(chat, text, clock.instant()));
  }

  List<Delivery> notices() {
    return List.copyOf(notices);
  }

  /** Every message the bot showed, as it now stands. */
  Map<MessageRef, OutboundMessage> messages() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(messages));
  }

  boolean isDown(String platform) {
    return down.contains(platform);
  }

  void down(String platform, boolean isDown) {
    if (isDown) {
      down.add(platform);
    } else {
      down.remove(platform);
    }
  }

  void upAgain() {
    down.clear();
  }

  void gone(ChatRef chat) {
    gone.add(chat);
  }

  boolean isGone(ChatRef chat) {
    return gone.contains(chat);
  }

  Set<ChatRef> goneChats() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(gone));
  }
}
