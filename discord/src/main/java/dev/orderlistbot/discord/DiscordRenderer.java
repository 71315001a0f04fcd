package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Core's {@link OutboundMessage} out as Discord messages: plain text with Discord's markdown escaped
 * and no mention that pings anyone, and each row of buttons as an {@link ActionRow} (a button's
 * custom id is core's opaque token; the first button of a message is the primary one), and a picture
 * as an attached PNG shown by an embed ({@link PictureEmbed}).
 *
 * <p>Discord limits: 2,000 characters a message, 5 buttons a row, 5 rows. A longer text is sent as
 * several messages split at line ends, the buttons under the last; an edit is one message, so its
 * text is shortened. A row longer than 5 wraps; more than 25 buttons is core's mistake and refused.
 */
final class DiscordRenderer {
  static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;
  static final int MAX_ROWS = 5;
  static final int MAX_PER_ROW = 5;
  private static final int MAX_LABEL = net.dv8tion.jda.api.components.buttons.Button.LABEL_MAX_LENGTH;
  private static final String ELLIPSIS = "…";
  private static final Pattern HEADING = Pattern.compile("(?m)^(\\s*)(#{1,3} |-# )");

  private DiscordRenderer() {}

  /**
   * One Discord message: escaped content, its button rows (none removes them on an edit) and maybe a
   * picture ({@link PictureEmbed}). An edit with a picture replaces the attachment and the embed;
   * an edit without one leaves both as they are (they are not part of the edit at all).
   */
  record Page(String content, List<ActionRow> rows, Optional<Picture> picture) {
    Page {
      rows = List.copyOf(rows);
      Objects.requireNonNull(picture, "picture");
    }

    Page(String content, List<ActionRow> rows) {
      this(content, rows, Optional.empty());
    }

    MessageCreateData create() {
      MessageCreateBuilder message =
          new MessageCreateBuilder()
              .setContent(content)
              .setComponents(rows)
              .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
      picture.ifPresent(p -> message.setFiles(PictureEmbed.upload(p)).setEmbeds(PictureEmbed.embed(p)));
      return message.build();
    }

    MessageEditData edit() {
      MessageEditBuilder message =
          new MessageEditBuilder()
              .setContent(content)
              .setComponents(rows)
              .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
      // the new upload is the only attachment kept: the old chart goes
      picture.ifPresent(p -> message.setAttachments(PictureEmbed.upload(p)).setEmbeds(PictureEmbed.embed(p)));
      return message.build();
    }
  }

  /**
   * The messages to send for {@code message}, in order; the buttons and the picture sit under the
   * last, the message whose reference core keeps (and edits).
   */
  static List<Page> pages(OutboundMessage message) {
    List<ActionRow> rows = rows(message);
    List<String> chunks = chunks(message.text());
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      boolean last = i == chunks.size() - 1;
      pages.add(new Page(chunks.get(i), last ? rows : List.of(), last ? message.picture() : Optional.empty()));
    }
    return pages;
  }

  /** The one message an edit turns {@code message} into: text shortened to fit if need be. */
  static Page single(OutboundMessage message) {
    List<String> chunks = chunks(message.text());
    String content = chunks.size() == 1 ? chunks.get(0) : shorten(chunks.get(0));
    return new Page(content, rows(message), message.picture());
  }

  static List<ActionRow> rows(OutboundMessage message) {
    List<ActionRow> rows = new ArrayList<>();
    boolean first = true;
    for (List<Button> row : message.buttonRows()) {
      for (int start = 0; start < row.size(); start += MAX_PER_ROW) {
        List<net.dv8tion.jda.api.components.buttons.Button> buttons = new ArrayList<>();
        for (Button button : row.subList(start, Math.min(row.size(), start + MAX_PER_ROW))) {
          buttons.add(button(button, first));
          first = false;
        }
        rows.add(ActionRow.of(buttons));
      }
    }
    if (rows.size() > MAX_ROWS) {
      throw ChatDeliveryException.permanent(
          "a Discord message holds at most " + MAX_ROWS * MAX_PER_ROW + " buttons in " + MAX_ROWS + " rows",
          null);
    }
    return rows;
  }

  private static net.dv8tion.jda.api.components.buttons.Button button(Button button, boolean primary) {
    String label =
        button.label().length() <= MAX_LABEL
            ? button.label()
            : button.label().substring(0, MAX_LABEL - 1) + ELLIPSIS;
    return primary
        ? net.dv8tion.jda.api.components.buttons.Button.primary(button.token(), label)
        : net.dv8tion.jda.api.components.buttons.Button.secondary(button.token(), label);
  }

  /**
   * The text escaped and cut into pieces of at most {@link #MAX_CONTENT} characters, at line ends
   * where possible; the cut is made before escaping, so an escape is never split from its character.
   */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String candidate = current.isEmpty() ? line : current + "\n" + line;
      if (escape(candidate).length() <= MAX_CONTENT) {
        current.setLength(0);
        current.append(candidate);
        continue;
      }
      if (!current.isEmpty()) {
        chunks.add(escape(current.toString()));
        current.setLength(0);
      }
      String rest = line;
      while (escape(rest).length() > MAX_CONTENT) {
        int cut = longestFittingPrefix(rest);
        chunks.add(escape(rest.substring(0, cut)));
        rest = rest.substring(cut);
      }
      current.append(rest);
    }
    chunks.add(escape(current.toString()));
    // Discord refuses an empty message: blank pieces (runs of empty lines at a cut) are dropped
    List<String> nonBlank = chunks.stream().filter(chunk -> !chunk.isBlank()).toList();
    return nonBlank.isEmpty() ? List.of(chunks.get(0)) : nonBlank;
  }

  private static int longestFittingPrefix(String line) {
    int low = 1;
    int high = line.length();
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (escape(line.substring(0, mid)).length() <= MAX_CONTENT) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    // never split a surrogate pair
    return Character.isHighSurrogate(line.charAt(low - 1)) && low > 1 ? low - 1 : low;
  }

  private static String shorten(String escaped) {
    int end = MAX_CONTENT - ELLIPSIS.length();
    // never leave a lone backslash that would escape the ellipsis
    while (end > 0 && escaped.charAt(end - 1) == '\\') {
      end--;
    }
    return escaped.substring(0, end) + ELLIPSIS;
  }

  /**
   * Discord's markdown escaped: JDA escapes bold, italics, underline, strike-through, spoilers, code
   * and quotes; a heading ({@code # }, {@code ## }, {@code ### }, {@code -# }) at a line start is
   * escaped here.
   */
  static String escape(String text) {
    return HEADING.matcher(MarkdownSanitizer.escape(text)).replaceAll("$1\\\\$2");
  }
}
