package dev.orderlistbot.app.console;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ChatPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The terminal as a {@link ChatPlatform}: every message the bot sends or edits is printed at once,
 * numbered ({@code #3}), with its buttons numbered as a person presses them. It remembers the latest
 * message that has buttons, which {@code /press N} (or a bare {@code N}) presses.
 *
 * <p>A terminal shows no pictures: a message's picture (a chart) is written to a file ({@link
 * ChartFiles}, the newest 50 kept) and its path printed under the text as {@code chart: /path}; a
 * chart that cannot be written is said so, with the reason, and the text goes out all the same.
 *
 * <p>A printed line cannot be taken back, so {@link #delete} answers false. Thread-safe: fills
 * printed from another thread never interleave with a preview being printed.
 */
public final class ConsoleChatPlatform implements ChatPlatform {
  public static final String PLATFORM = "console";
  public static final ChatRef CHAT = new ChatRef(PLATFORM, "local");
  public static final UserRef USER = new UserRef(PLATFORM, "local");

  private final PrintWriter out;
  private final ChartFiles charts;
  private long lastId;
  private MessageRef latestWithButtons;
  private List<Button> latestButtons = List.of();

  /**
   * @param chartsFolder where the pictures of messages are written ({@code ${BOT_DATA_DIR}/charts}),
   *     created when first needed
   */
  public ConsoleChatPlatform(PrintWriter out, Path chartsFolder, Clock clock) {
    this.out = Objects.requireNonNull(out, "out");
    this.charts = new ChartFiles(chartsFolder, clock);
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
    message.picture().ifPresent(picture -> out.println(indent + chartLine(picture)));
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

  /** Where the picture was saved, or why it could not be (no stack trace: the reason is enough). */
  private String chartLine(Picture picture) {
    try {
      return "chart: " + charts.save(picture);
    } catch (IOException | SecurityException e) {
      return "(the chart could not be saved: " + reason(e) + ")";
    }
  }

  private static String reason(Exception e) {
    if (e instanceof FileSystemException fs) {
      String what =
          e instanceof AccessDeniedException ? "permission denied"
              : e instanceof FileAlreadyExistsException ? "a file is in the way"
              : e instanceof NoSuchFileException ? "no such file or folder"
              : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      return fs.getFile() == null ? what : what + ": " + fs.getFile();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** A button that can be pressed: the message it sits under and its token. */
  record Pressable(MessageRef message, String token) {}
}
