package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import java.time.Duration;
import java.util.Objects;

/**
 * How fast the dispatcher may send notifications on one platform: a {@link Limit} per private chat,
 * per group or channel, and for the whole platform. A message that would break a limit is not sent
 * late by a sleeping thread: it is put back in the outbox for the instant it may go.
 *
 * <p>Telegram's limits (its Bots FAQ): about 1 message per second in one chat, 20 per minute in one
 * group, 30 per second overall. {@link #telegramAtTheCeiling()}, what the app holds every Telegram
 * message to where it leaves ({@link PacedChatPlatform}), spaces messages 1 s apart in a private
 * chat, 3.1 s apart in a group (19.4 a minute, so a late message never makes 21 in a minute) and
 * 35 ms apart overall without a burst (28.6 a second: at most 29 in any second, one short of the
 * limit, so a message that leaves a little late does not make 31); the dispatcher keeps its chat
 * limits ({@link #perChatOnly()}) to put a notice back in the outbox rather than wait for its chat.
 * {@link #telegram()}, a dispatcher's default when nothing paces Telegram at the edge, spaces chats
 * alike (3 s in a group) and lets 15 go at once then 15 per second overall (never more than 30 in
 * any second, and 15 per drain even if the app drains only once a second). A Telegram group or
 * channel has a negative chat id; that is how {@link #limitFor} tells them apart. Discord allows 5
 * messages per 5 s per channel and 50 requests per second: {@link #discord()} lets 2 go at once
 * then one every 2 s per channel, 25 then 25 per second overall.
 */
public record DeliveryPolicy(Limit privateChat, Limit groupChat, Limit global) {
  /**
   * A token bucket of {@code burst} tokens that refills one token every {@code interval}: at most
   * {@code burst + window / interval} messages in any window. A zero interval is no limit.
   */
  public record Limit(int burst, Duration interval) {
    public Limit {
      Objects.requireNonNull(interval, "interval");
      if (burst < 1 || interval.isNegative()) {
        throw new IllegalArgumentException("a limit has a burst of at least 1 and an interval not negative");
      }
    }

    public static Limit none() {
      return new Limit(1, Duration.ZERO);
    }

    /** One message every {@code interval}, no burst. */
    public static Limit every(Duration interval) {
      return new Limit(1, interval);
    }

    boolean isNone() {
      return interval.isZero();
    }
  }

  public DeliveryPolicy {
    Objects.requireNonNull(privateChat, "privateChat");
    Objects.requireNonNull(groupChat, "groupChat");
    Objects.requireNonNull(global, "global");
  }

  /** Half Telegram's overall limit, with bursts: for a dispatcher that paces Telegram alone. */
  public static DeliveryPolicy telegram() {
    return new DeliveryPolicy(
        Limit.every(Duration.ofSeconds(1)),
        Limit.every(Duration.ofSeconds(3)),
        new Limit(15, Duration.ofNanos(1_000_000_000L / 15)));
  }

  /** Telegram's limits with a margin, no burst: for the edge every message leaves through. */
  public static DeliveryPolicy telegramAtTheCeiling() {
    return new DeliveryPolicy(
        Limit.every(Duration.ofSeconds(1)), Limit.every(Duration.ofMillis(3_100)), Limit.every(Duration.ofMillis(35)));
  }

  public static DeliveryPolicy discord() {
    return new DeliveryPolicy(
        new Limit(2, Duration.ofSeconds(2)), new Limit(2, Duration.ofSeconds(2)), new Limit(25, Duration.ofMillis(40)));
  }

  public static DeliveryPolicy unlimited() {
    return new DeliveryPolicy(Limit.none(), Limit.none(), Limit.none());
  }

  /** The default for a platform id: Telegram's and Discord's published limits; others unlimited. */
  public static DeliveryPolicy defaultFor(String platform) {
    return switch (platform) {
      case "telegram" -> telegram();
      case "discord" -> discord();
      default -> unlimited();
    };
  }

  /** The same chat limits without the platform-wide one (kept where messages leave). */
  public DeliveryPolicy perChatOnly() {
    return new DeliveryPolicy(privateChat, groupChat, Limit.none());
  }

  /** The limit of one chat: a negative id is a group or channel (Telegram's convention). */
  Limit limitFor(ChatRef chat) {
    return chat.chatId().startsWith("-") ? groupChat : privateChat;
  }
}
