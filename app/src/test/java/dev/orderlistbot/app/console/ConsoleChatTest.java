package dev.orderlistbot.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleChatTest {
  private final StringWriter printed = new StringWriter();
  private final ConsoleChatPlatform console =
      new ConsoleChatPlatform(new PrintWriter(printed), Path.of("target", "console-chat-test", "charts"), Clock.systemUTC());
  private final List<ChatEvent> received = new ArrayList<>();

  @Test
  void eachLineIsAPrivateMessageFromTheLocalUser() {
    run("/price BTCUSDT\n\n  /help  \n");

    assertThat(received).hasSize(2);
    ChatEvent.TextMessage first = (ChatEvent.TextMessage) received.get(0);
    assertThat(first.text()).isEqualTo("/price BTCUSDT");
    assertThat(first.user()).isEqualTo(ConsoleChatPlatform.USER);
    assertThat(first.kind().isPrivate()).isTrue();
    assertThat(((ChatEvent.TextMessage) received.get(1)).text()).isEqualTo("/help");
  }

  @Test
  void buttonsPrintNumberedAndABareNumberOrPressCommandPressesThem() {
    MessageRef preview =
        console.send(
            ConsoleChatPlatform.CHAT,
            OutboundMessage.withButtons("Preview", new Button("Confirm", "c-1"), new Button("Cancel", "x-1")));

    run("1\n/press 2\n");

    assertThat(printed.toString()).contains("bot #1> Preview").contains("[1] Confirm  [2] Cancel");
    assertThat(received)
        .extracting(e -> ((ChatEvent.ButtonPressed) e).token())
        .containsExactly("c-1", "x-1");
    assertThat(((ChatEvent.ButtonPressed) received.get(0)).message()).isEqualTo(preview);
  }

  @Test
  void pressingWhenNoButtonIsShownSaysSoAndSendsNothing() {
    run("1\n");

    assertThat(received).isEmpty();
    assertThat(printed.toString()).contains("there is no button 1 to press");
  }

  @Test
  void anEditWithoutButtonsRemovesThemFromWhatCanBePressed() {
    MessageRef preview =
        console.send(ConsoleChatPlatform.CHAT, OutboundMessage.withButtons("Preview", new Button("Confirm", "c-1")));
    console.edit(preview, OutboundMessage.text("Placing…"));

    run("1\n");

    assertThat(received).isEmpty();
    assertThat(printed.toString()).contains("bot #1 (edited)> Placing…");
  }

  @Test
  void multiLineMessagesAreIndentedUnderTheirPrefix() {
    console.send(ConsoleChatPlatform.CHAT, OutboundMessage.text("line one\nline two"));

    assertThat(printed.toString()).contains("bot #1> line one" + System.lineSeparator() + "        line two");
  }

  @Test
  void aPrintedLineCannotBeDeleted() {
    MessageRef sent = console.send(ConsoleChatPlatform.CHAT, OutboundMessage.text("hello"));

    assertThat(console.delete(sent)).isFalse();
  }

  private void run(String input) {
    new ConsoleSession(console, received::add).run(new BufferedReader(new StringReader(input)));
  }
}
