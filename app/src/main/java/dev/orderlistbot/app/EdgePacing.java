package dev.orderlistbot.app;

import dev.orderlistbot.core.engine.ChatFanOut;
import dev.orderlistbot.core.engine.DeliveryPolicy;
import dev.orderlistbot.core.engine.DrainWaker;
import dev.orderlistbot.core.engine.FloodLimits;
import dev.orderlistbot.core.engine.PacedChatPlatform;
import dev.orderlistbot.core.engine.Pause;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Where the chat platforms' limits are kept in the app (issue 19): every new message of Telegram
 * and Discord leaves through a {@link PacedChatPlatform} holding the platform's whole policy, so a
 * burst of answers (a thousand previews at once) and the outbox's notices share the platform's pace
 * and none is refused for going too fast; the outbox's dispatcher keeps only the per-chat limits,
 * to put a notice back for later rather than wait for its chat. The console is not paced. Every
 * live instance sends on Telegram (webhook updates reach any of them, and standby instances send
 * their answers), so each keeps to its share of Telegram's overall limit; Discord's messages are
 * sent by the one instance holding its connection.
 */
final class EdgePacing {
  private EdgePacing() {}

  /**
   * {@code platforms}, each held to its limits where its messages leave; {@code liveInstances} is
   * how many instances run on the database now (they share the Telegram token).
   */
  static List<ChatPlatform> paced(List<ChatPlatform> platforms, Clock clock, IntSupplier liveInstances) {
    return platforms.stream().map(platform -> paced(platform, clock, liveInstances)).toList();
  }

  /** The dispatcher's limits: the chats', the platform's being kept at the edge. */
  static Map<String, DeliveryPolicy> outboxPolicies() {
    return Map.of(
        "telegram", DeliveryPolicy.telegramAtTheCeiling().perChatOnly(),
        "discord", DeliveryPolicy.discord().perChatOnly());
  }

  /**
   * How many chats a drain sends to at once: enough to draw the next cards' charts while a notice
   * waits for its turn at Telegram's pace (35 ms), few enough that the charts drawn at once stay a
   * few megabytes.
   */
  static final int CHATS_AT_ONCE = 8;

  /** A drain's chats side by side on {@code workers}, {@link #CHATS_AT_ONCE} at a time. */
  static ChatFanOut fanOut(Executor workers) {
    return ChatFanOut.sideBySide(workers, CHATS_AT_ONCE);
  }

  /** Runs a drain at an instant on {@code scheduler}; at shutdown, the last drain takes what is left. */
  static DrainWaker waker(ScheduledExecutorService scheduler, Clock clock) {
    return (at, drain) -> {
      long nanos = Math.max(0, Duration.between(clock.instant(), at).toNanos());
      try {
        var unused = scheduler.schedule(drain, nanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        // shutting down
      }
    };
  }

  private static ChatPlatform paced(ChatPlatform platform, Clock clock, IntSupplier liveInstances) {
    return switch (platform.platform()) {
      case "telegram" ->
          new PacedChatPlatform(platform, DeliveryPolicy.telegramAtTheCeiling(), FloodLimits.telegram(), clock, Pause.sleeping(clock), liveInstances);
      case "discord" -> new PacedChatPlatform(platform, DeliveryPolicy.discord(), FloodLimits.discord(), clock, Pause.sleeping(clock));
      default -> platform;
    };
  }
}
