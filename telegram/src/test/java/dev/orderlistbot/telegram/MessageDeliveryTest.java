package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.chat.Picture;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import java.awt.Color;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** {@link MessageDelivery} against a client that fails in ways the emulator cannot. */
class MessageDeliveryTest {
  private static final Picture CHART = Pngs.chart("chart.png", 40, 30, Color.BLUE);

  @Test
  void anUnexpectedFailureShowingThePictureAfterTheTextWasEditedIsLoggedNotThrown() {
    List<String> calls = new ArrayList<>();
    TelegramClient client =
        (TelegramClient) Proxy.newProxyInstance(
            TelegramClient.class.getClassLoader(),
            new Class<?>[] {TelegramClient.class},
            (proxy, method, args) -> {
              Object request = args == null || args.length == 0 ? null : args[0];
              calls.add(request == null ? method.getName() : request.getClass().getSimpleName());
              if (request instanceof EditMessageText) {
                return true;
              }
              throw new IllegalStateException("a bug in the client");
            });
    MessageDelivery delivery =
        new MessageDelivery(client, new DeliveryFailures(new Redactor(Secret.of("1234:token-token-token-token-token"))), new ShownMessages());
    MessageRef text = new MessageRef(new ChatRef("telegram", "42"), "7");

    assertThatCode(() -> delivery.edit(text, OutboundMessage.text("line\n".repeat(400)).withPicture(CHART)))
        .doesNotThrowAnyException();
    assertThat(calls).containsExactly("EditMessageText", "SendPhoto");
  }
}
