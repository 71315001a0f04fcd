package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import java.time.Duration;
import java.util.Objects;

/**
 * A platform's flood limits as the platform counts them: at most so many new messages in any
 * sliding {@link Window}, per private chat, per group or channel, and for the whole bot. Where
 * {@link DeliveryPolicy} says how far apart the bot <em>books</em> its sends, these are the hard
 * ceilings {@link PacedChatPlatform} keeps however late its sends reach the platform: a photo that
 * uploads for 300 ms, or a sender the busy CPU wakes late, is counted by the platform when it
 * arrives, which can bunch messages the pace booked apart.
 *
 * <p>Telegram (its Bots FAQ, as the fake Bot API of the load harness enforces it): 1 a second in a
 * private chat, 20 a minute in a group, 30 a second overall. Discord: 5 per 5 s in a channel, 50
 * requests a second overall. A Telegram group or channel has a negative chat id.
 */
public record FloodLimits(Window privateChat, Window groupChat, Window overall) {

  /** At most {@code messages} arrivals in any {@code span}: none once {@code span} is zero. */
  public record Window(int messages, Duration span) {
    public Window {
      Objects.requireNonNull(span, "span");
      if (messages < 1 || span.isNegative()) {
        throw new IllegalArgumentException("a window holds at least 1 message over a span not negative");
      }
    }

    static Window none() {
      return new Window(1, Duration.ZERO);
    }

    boolean isNone() {
      return span.isZero();
    }
  }

  public FloodLimits {
    Objects.requireNonNull(privateChat, "privateChat");
    Objects.requireNonNull(groupChat, "groupChat");
    Objects.requireNonNull(overall, "overall");
  }

  public static FloodLimits telegram() {
    return new FloodLimits(
        new Window(1, Duration.ofSeconds(1)), new Window(20, Duration.ofMinutes(1)), new Window(30, Duration.ofSeconds(1)));
  }

  public static FloodLimits discord() {
    return new FloodLimits(
        new Window(5, Duration.ofSeconds(5)), new Window(5, Duration.ofSeconds(5)), new Window(50, Duration.ofSeconds(1)));
  }

  public static FloodLimits none() {
    return new FloodLimits(Window.none(), Window.none(), Window.none());
  }

  /** This instance's part when {@code senders} instances send with one token: the overall window split. */
  FloodLimits sharedBy(int senders) {
    if (senders <= 1 || overall.isNone()) {
      return this;
    }
    return new FloodLimits(privateChat, groupChat, new Window(Math.max(1, overall.messages() / senders), overall.span()));
  }

  /** The window of one chat: a negative id is a group or channel (Telegram's convention). */
  Window windowFor(ChatRef chat) {
    return chat.chatId().startsWith("-") ? groupChat : privateChat;
  }
}
