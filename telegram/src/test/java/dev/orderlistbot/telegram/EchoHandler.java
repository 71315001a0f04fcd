package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for core that exercises every adapter path: {@code /echo X} answers with two buttons,
 * a press edits that message in place and removes its buttons, {@code /secret …} deletes the
 * user's message, {@code /long} sends a message over Telegram's limit, {@code /boom} throws, {@code
 * /slow} answers after a second.
 */
final class EchoHandler implements ChatEventHandler {
  final List<ChatEvent> events = new CopyOnWriteArrayList<>();
  final List<Boolean> deletions = new CopyOnWriteArrayList<>();
  private volatile ChatPlatform platform;

  void use(ChatPlatform platform) {
    this.platform = platform;
  }

  @Override
  public void handle(ChatEvent event) {
    events.add(event);
    switch (event) {
      case ChatEvent.TextMessage text -> answer(text);
      case ChatEvent.ButtonPressed press ->
          platform.edit(press.message(), OutboundMessage.text("pressed " + press.token() + " by " + press.user().userId()));
      case ChatEvent.CodeEntered code -> throw new IllegalStateException("Telegram types codes as lines, never in a form");
    }
  }

  private void answer(ChatEvent.TextMessage text) {
    String line = text.text();
    if (line.startsWith("/secret")) {
      deletions.add(platform.delete(text.message()));
    } else if (line.startsWith("/boom")) {
      throw new IllegalStateException("core failed with internal details");
    } else if (line.startsWith("/slow")) {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      platform.send(text.chat(), OutboundMessage.text("slow done"));
    } else if (line.startsWith("/long")) {
      platform.send(text.chat(), OutboundMessage.withButtons("line of forty characters, more or less.\n".repeat(150), new Button("OK", "ok:1")));
    } else if (line.startsWith("/echo")) {
      String said = line.substring(line.indexOf(' ') + 1);
      platform.send(
          text.chat(), OutboundMessage.withButtons("echo: " + said, new Button("Yes", "y:1"), new Button("No", "n:1")));
    }
  }
}
