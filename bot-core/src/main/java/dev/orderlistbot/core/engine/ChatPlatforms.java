package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The chat platforms the app started, by platform id ({@code telegram}, {@code discord}, {@code
 * console}): core picks the one to answer on from {@link ChatRef#platform()}. Kept in the order
 * given. Immutable and thread-safe.
 */
public final class ChatPlatforms {
  private final Map<String, ChatPlatform> byId;

  private ChatPlatforms(Map<String, ChatPlatform> byId) {
    // In the order the app started them, in every JVM: the dispatcher's lanes and their drains are
    // queued in this order (Map.copyOf's order changes from one process to the next).
    this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(byId));
  }

  /** The registry of these platforms; two with the same id are a programming error. */
  public static ChatPlatforms of(List<ChatPlatform> platforms) {
    Map<String, ChatPlatform> byId = new LinkedHashMap<>();
    for (ChatPlatform platform : platforms) {
      Objects.requireNonNull(platform, "platform");
      if (byId.putIfAbsent(platform.platform(), platform) != null) {
        throw new IllegalArgumentException("two chat platforms named " + platform.platform());
      }
    }
    return new ChatPlatforms(byId);
  }

  public static ChatPlatforms of(ChatPlatform... platforms) {
    return of(List.of(platforms));
  }

  /** The ids of the running platforms. */
  Set<String> ids() {
    return byId.keySet();
  }

  /** Whether this instance sends on {@code platform} now (see {@link ChatPlatform#sendsHere()}). */
  boolean sendsHere(String platform) {
    ChatPlatform running = byId.get(platform);
    return running != null && running.sendsHere();
  }

  /** The platform that hosts {@code chat}, if it is running. */
  public Optional<ChatPlatform> forChat(ChatRef chat) {
    return Optional.ofNullable(byId.get(chat.platform()));
  }
}
