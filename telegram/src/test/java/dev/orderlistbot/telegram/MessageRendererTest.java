package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

class MessageRendererTest {
  private final MessageRenderer renderer = new MessageRenderer();
  private final ChatRef chat = new ChatRef("telegram", "42");
  private final Button confirm = new Button("Confirm", "c:7Hq2xW");
  private final Button cancel = new Button("Cancel", "x:7Hq2xW");

  @Test
  void everyDynamicValueIsEscapedForHtmlParseMode() {
    SendMessage sent =
        renderer.send(chat, OutboundMessage.text("Refused: price <29000 & qty >0.5 for <b>BTC</b>")).getFirst();

    assertThat(sent.getParseMode()).isEqualTo(ParseMode.HTML);
    assertThat(sent.getText())
        .isEqualTo("Refused: price &lt;29000 &amp; qty &gt;0.5 for &lt;b&gt;BTC&lt;/b&gt;");
  }

  @Test
  void alreadyEscapedLookingTextIsEscapedAgainSoItShowsLiterally() {
    assertThat(MessageRenderer.html("&amp; <a href=\"x\">")).isEqualTo("&amp;amp; &lt;a href=\"x\"&gt;");
  }

  @Test
  void shortMessageIsOneSendMessageToTheChat() {
    List<SendMessage> sent = renderer.send(chat, OutboundMessage.text("Placed."));

    assertThat(sent).hasSize(1);
    assertThat(sent.getFirst().getChatId()).isEqualTo("42");
    assertThat(sent.getFirst().getReplyMarkup()).isNull();
  }

  @Test
  void buttonsBecomeOneInlineKeyboardRowPerRowWithTheTokenAsCallbackData() {
    OutboundMessage preview =
        new OutboundMessage("Preview", List.of(List.of(confirm, cancel), List.of(new Button("Cancel 123", "k:123"))));

    InlineKeyboardMarkup keyboard = (InlineKeyboardMarkup) renderer.send(chat, preview).getFirst().getReplyMarkup();

    assertThat(keyboard.getKeyboard()).hasSize(2);
    assertThat(keyboard.getKeyboard().get(0))
        .extracting(InlineKeyboardButton::getText, InlineKeyboardButton::getCallbackData)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Confirm", "c:7Hq2xW"),
            org.assertj.core.groups.Tuple.tuple("Cancel", "x:7Hq2xW"));
    assertThat(keyboard.getKeyboard().get(1).getFirst().getCallbackData()).isEqualTo("k:123");
  }

  @Test
  void longMessageIsSplitAtLineBoundariesWithTheButtonsOnTheLastPart() {
    String line = "x".repeat(99);
    String text = IntStream.range(0, 100).mapToObj(i -> line).collect(Collectors.joining("\n"));

    List<SendMessage> parts = renderer.send(chat, OutboundMessage.withButtons(text, confirm, cancel));

    assertThat(parts).hasSize(3);
    assertThat(parts).allSatisfy(p -> assertThat(p.getText().length()).isLessThanOrEqualTo(4096));
    assertThat(parts).allSatisfy(p -> assertThat(p.getText().split("\n")).allMatch(line::equals));
    assertThat(parts.subList(0, 2)).allSatisfy(p -> assertThat(p.getReplyMarkup()).isNull());
    assertThat(parts.getLast().getReplyMarkup()).isNotNull();
    assertThat(parts.stream().map(SendMessage::getText).collect(Collectors.joining("\n"))).isEqualTo(text);
  }

  @Test
  void splitCountsTheVisibleTextNotTheEscapes() {
    String text = "<".repeat(4096);

    List<SendMessage> parts = renderer.send(chat, OutboundMessage.text(text));

    assertThat(parts).hasSize(1);
    assertThat(parts.getFirst().getText()).isEqualTo("&lt;".repeat(4096));
  }

  @Test
  void editReplacesTextAndButtons() {
    EditMessageText edit =
        renderer.edit(new MessageRef(chat, "1002"), OutboundMessage.withButtons("Placing…", cancel));

    assertThat(edit.getChatId()).isEqualTo("42");
    assertThat(edit.getMessageId()).isEqualTo(1002);
    assertThat(edit.getParseMode()).isEqualTo(ParseMode.HTML);
    assertThat(edit.getReplyMarkup().getKeyboard()).hasSize(1);
  }

  @Test
  void editWithoutButtonsSendsAnEmptyKeyboardSoTheOldButtonsDisappear() {
    EditMessageText edit = renderer.edit(new MessageRef(chat, "1002"), OutboundMessage.text("Placed <ok>"));

    assertThat(edit.getReplyMarkup()).isNotNull();
    assertThat(edit.getReplyMarkup().getKeyboard()).isEmpty();
    assertThat(edit.getText()).isEqualTo("Placed &lt;ok&gt;");
  }

  @Test
  void overLongEditIsCutAtALineBoundaryAndEndsWithAnEllipsis() {
    String text = ("y".repeat(2000) + "\n").repeat(3) + "end";

    EditMessageText edit = renderer.edit(new MessageRef(chat, "5"), OutboundMessage.text(text));

    assertThat(edit.getText()).hasSizeLessThanOrEqualTo(4096).endsWith("\n…");
    assertThat(edit.getText()).startsWith("y".repeat(2000) + "\n" + "y".repeat(2000));
  }

  @Test
  void messageIdThatIsNotTelegramsIsRefused() {
    assertThatThrownBy(() -> renderer.edit(new MessageRef(chat, "abc"), OutboundMessage.text("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
