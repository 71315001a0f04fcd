package dev.orderlistbot.app.console;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the terminal line by line and hands each line to core as a message from {@code
 * console:local} in a private chat. {@code /press N} or a bare {@code N} presses button N of the
 * latest message that has buttons. Each line is handled to the end before the next is read, so the
 * conversation prints in order; at the end of input {@link #run} returns, with nothing in flight.
 */
public final class ConsoleSession {
  private static final Pattern PRESS = Pattern.compile("(?:/press\\s+)?(\\d{1,3})");

  private final ConsoleChatPlatform platform;
  private final ChatEventHandler handler;
  private long lastUserMessage;

  public ConsoleSession(ConsoleChatPlatform platform, ChatEventHandler handler) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** Runs until the end of input. */
  public void run(BufferedReader in) {
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          handle(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the console failed", e);
    }
  }

  private void handle(String line) {
    MessageRef message = new MessageRef(ConsoleChatPlatform.CHAT, "u" + ++lastUserMessage);
    Matcher press = PRESS.matcher(line.toLowerCase(Locale.ROOT));
    if (press.matches()) {
      int number = Integer.parseInt(press.group(1));
      Optional<ConsoleChatPlatform.Pressable> button = platform.button(number);
      if (button.isEmpty()) {
        platform.note("there is no button " + number + " to press");
        return;
      }
      handler.handle(
          new ChatEvent.ButtonPressed(
              ConsoleChatPlatform.CHAT, ChatKind.PRIVATE, ConsoleChatPlatform.USER, button.get().message(), button.get().token()));
      return;
    }
    handler.handle(
        new ChatEvent.TextMessage(ConsoleChatPlatform.CHAT, ChatKind.PRIVATE, ConsoleChatPlatform.USER, message, line));
  }
}
