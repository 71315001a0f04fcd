package dev.orderlistbot.app.console;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The terminal as a {@link ChatPlatform}: every message the bot sends or edits is printed at once,
 * numbered ({@code #3}), with its buttons numbered as a person presses them. It remembers the latest
 * message that has buttons, which {@code /press N} (or a bare {@code N}) presses.
 *
 * <p>A printed line cannot be taken back, so {@link #delete} answers false. Thread-safe: fills
 * printed from another thread never interleave with a preview being printed.
 */
public final class ConsoleChatPlatform implements ChatPlatform {
  public static final String PLATFORM = "console";
  public static final ChatRef CHAT = new ChatRef(PLATFORM, "local");
  public static final UserRef USER = new UserRef(PLATFORM, "local");

  private final PrintWriter out;
  private long lastId;
  private MessageRef latestWithButtons;
  private List<Button> latestButtons = List.of();

  public ConsoleChatPlatform(PrintWriter out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public synchronized MessageRef send(ChatRef chat, OutboundMessage message) {
    MessageRef ref = new MessageRef(chat, Long.toString(++lastId));
    print("bot #" + ref.messageId() + "> ", message);
    remember(ref, message);
    return ref;
  }

  @Override
  public synchronized void edit(MessageRef message, OutboundMessage replacement) {
    print("bot #" + message.messageId() + " (edited)> ", replacement);
    if (replacement.hasButtons()) {
      remember(message, replacement);
    } else if (message.equals(latestWithButtons)) {
      latestWithButtons = null;
      latestButtons = List.of();
    }
  }

  @Override
  public boolean delete(MessageRef message) {
    return false;
  }

  /** The token of button {@code number} (1-based) of the latest message that has buttons. */
  synchronized Optional<Pressable> button(int number) {
    if (latestWithButtons == null || number < 1 || number > latestButtons.size()) {
      return Optional.empty();
    }
    return Optional.of(new Pressable(latestWithButtons, latestButtons.get(number - 1).token()));
  }

  /** Prints a line of the console's own (not a bot message), e.g. how to press a button. */
  synchronized void note(String text) {
    out.println("(" + text + ")");
    out.flush();
  }

  private void remember(MessageRef ref, OutboundMessage message) {
    if (message.hasButtons()) {
      latestWithButtons = ref;
      latestButtons = message.buttons();
    }
  }

  private void print(String prefix, OutboundMessage message) {
    String indent = " ".repeat(prefix.length());
    String[] lines = message.text().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.println((i == 0 ? prefix : indent) + lines[i]);
    }
    if (message.hasButtons()) {
      StringBuilder row = new StringBuilder(indent);
      List<Button> buttons = message.buttons();
      for (int i = 0; i < buttons.size(); i++) {
        row.append(i == 0 ? "" : "  ").append('[').append(i + 1).append("] ").append(buttons.get(i).label());
      }
      out.println(row);
    }
    out.flush();
  }

  /** A button that can be pressed: the message it sits under and its token. */
  record Pressable(MessageRef message, String token) {}
}
