package dev.orderlistbot.simulation;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.time.Duration;
import java.util.Optional;

/**
 * One chat platform as one part of the bot calls it: the dispatcher's notices, or the engine's own
 * answers (two views of the same {@link SimChats}, so each path gets its own faults). Every call is
 * blocking (other simulated threads may run meanwhile) and a place where the bot may die before the
 * platform took the message.
 */
final class FaultyChatPlatform implements ChatPlatform {
  enum Path {
    NOTICES,
    REPLIES
  }

  private static final double YIELD = 0.4;

  private final String platform;
  private final Path path;
  private final SimChats chats;
  private final SimScheduler scheduler;
  private final Faults faults;

  FaultyChatPlatform(String platform, Path path, SimChats chats, SimScheduler scheduler, Faults faults) {
    this.platform = platform;
    this.path = path;
    this.chats = chats;
    this.scheduler = scheduler;
    this.faults = faults;
  }

  @Override
  public String platform() {
    return platform;
  }

  @Override
  public MessageRef send(ChatRef chat, OutboundMessage message) {
    before(chat);
    if (path == Path.NOTICES) {
      chats.delivered(chat, message.text());
    }
    return chats.show(chat, message);
  }

  @Override
  public void edit(MessageRef message, OutboundMessage replacement) {
    before(message.chat());
    chats.edit(message, replacement);
  }

  @Override
  public boolean delete(MessageRef message) {
    before(message.chat());
    return true;
  }

  private void before(ChatRef chat) {
    faults.crashPoint("before a call to " + platform + " (" + path + ")");
    scheduler.yieldPoint(YIELD);
    if (path == Path.NOTICES) {
      noticeFaults(chat);
    } else if (faults.strikes(Fault.REPLY_FAILURE, 0.15)) {
      throw ChatDeliveryException.retryLater("429 Too Many Requests", Optional.of(Duration.ofSeconds(1 + scheduler.random().nextInt(30))), null);
    }
  }

  private void noticeFaults(ChatRef chat) {
    if (faults.strikes(Fault.CHAT_SLOW, 0.2)) {
      // mostly seconds; now and then longer than the dispatcher's two-minute lease
      int seconds = scheduler.random().nextInt(10) == 0 ? 121 + scheduler.random().nextInt(120) : 1 + scheduler.random().nextInt(20);
      scheduler.sleep(Duration.ofSeconds(seconds), 0.9);
    }
    if (!faults.healed() && chats.isDown(platform)) {
      throw ChatDeliveryException.retryLater(platform + " is down (502)", Optional.empty(), null);
    }
    if (chats.isGone(chat)) {
      throw ChatDeliveryException.permanent("403 Forbidden: bot was kicked from the group chat", null);
    }
    if (faults.strikes(Fault.CHAT_RATE_LIMIT, 0.15)) {
      throw ChatDeliveryException.retryLater("429 Too Many Requests", Optional.of(Duration.ofSeconds(1 + scheduler.random().nextInt(60))), null);
    }
    if (faults.strikes(Fault.CHAT_TRANSIENT, 0.1)) {
      throw ChatDeliveryException.retryLater("connection reset", Optional.empty(), null);
    }
  }
}
