package dev.orderlistbot.telegram;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Core's {@link OutboundMessage} as Bot API requests. Core's text is plain, so all of it is escaped
 * for HTML parse mode ({@code &}, {@code <}, {@code >}): a symbol, a reason from the exchange or a
 * user's own words can never break the markup or inject a link. Text longer than Telegram's 4096
 * characters goes out as several messages split on line boundaries, with the buttons under the last.
 * Each button's callback data is its opaque token and nothing else.
 */
final class MessageRenderer {
  static final int MAX_TEXT = 4096;
  private static final String MORE = "\n…";

  /** One {@code sendMessage} per part, in order; only the last carries the keyboard. */
  List<SendMessage> send(ChatRef chat, OutboundMessage message) {
    List<String> parts = TextSplitter.split(message.text(), MAX_TEXT);
    List<SendMessage> requests = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      requests.add(
          SendMessage.builder()
              .chatId(chat.chatId())
              .text(html(parts.get(i)))
              .parseMode(ParseMode.HTML)
              .replyMarkup(last && message.hasButtons() ? keyboard(message.buttonRows()) : null)
              .build());
    }
    return requests;
  }

  /**
   * An {@code editMessageText} for a message the bot sent. A message cannot grow into several, so an
   * over-long replacement is cut at a line boundary and ends with an ellipsis. The markup is always
   * set: no buttons is an empty keyboard, which removes the old ones.
   */
  EditMessageText edit(MessageRef target, OutboundMessage replacement) {
    List<String> parts = TextSplitter.split(replacement.text(), MAX_TEXT - MORE.length());
    String text = parts.size() > 1 ? parts.getFirst() + MORE : parts.getFirst();
    return EditMessageText.builder()
        .chatId(target.chat().chatId())
        .messageId(messageId(target))
        .text(html(text))
        .parseMode(ParseMode.HTML)
        .replyMarkup(keyboard(replacement.buttonRows()))
        .build();
  }

  /** Telegram's integer id of a message the bot knows, or an exception for anything else. */
  static int messageId(MessageRef message) {
    try {
      return Integer.parseInt(message.messageId());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Telegram message id: " + message, e);
    }
  }

  /** Rows of buttons as an inline keyboard; no rows is the empty keyboard. */
  static InlineKeyboardMarkup keyboard(List<List<Button>> rows) {
    List<InlineKeyboardRow> keyboard = new ArrayList<>(rows.size());
    for (List<Button> row : rows) {
      InlineKeyboardRow line = new InlineKeyboardRow();
      for (Button button : row) {
        line.add(InlineKeyboardButton.builder().text(button.label()).callbackData(button.token()).build());
      }
      keyboard.add(line);
    }
    return InlineKeyboardMarkup.builder().keyboard(keyboard).build();
  }

  /** Plain text made safe for {@code parse_mode=HTML}: the three characters Telegram requires. */
  static String html(String plain) {
    StringBuilder out = new StringBuilder(plain.length() + 16);
    for (int i = 0; i < plain.length(); i++) {
      char c = plain.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
