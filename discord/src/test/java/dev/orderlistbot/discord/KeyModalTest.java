package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.OutboundMessage;
import java.util.Map;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class KeyModalTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  private final Harness harness = new Harness();

  @Test
  void theModalAsksForTheKeyOnOneLineAndTheSecretInAParagraph() {
    Modal modal = KeyModal.create();

    assertThat(modal.getId()).isEqualTo("setkey");
    assertThat(modal.getComponents()).hasSize(2);
    TextInput apiKey = modal.getComponents().get(0).asLabel().getChild().asTextInput();
    Label secretLabel = modal.getComponents().get(1).asLabel();
    TextInput secret = secretLabel.getChild().asTextInput();
    assertThat(apiKey.getCustomId()).isEqualTo("api_key");
    assertThat(apiKey.getStyle()).isEqualTo(TextInputStyle.SHORT);
    assertThat(apiKey.isRequired()).isTrue();
    assertThat(secret.getCustomId()).isEqualTo("secret");
    assertThat(secret.getStyle()).isEqualTo(TextInputStyle.PARAGRAPH);
    assertThat(secret.isRequired()).isFalse();
    assertThat(secretLabel.getDescription()).contains("/keygen");
  }

  @Test
  void aSubmissionInADirectMessageReachesCoreAsThePrivateSetkeyLine() {
    harness.started();

    harness.listener().onModalInteraction(submission(InteractionContextType.BOT_DM));

    assertThat(harness.handled).singleElement()
        .isInstanceOfSatisfying(ChatEvent.TextMessage.class, m -> {
          assertThat(m.text()).isEqualTo("/setkey " + API_KEY + " " + SECRET);
          assertThat(m.kind()).isEqualTo(ChatKind.PRIVATE);
        });
  }

  @Test
  void theAnswerToAKeyIsEphemeralEvenInADirectMessage() {
    harness.started().core = event -> harness.platform.send(event.chat(), OutboundMessage.text("Key stored (…8A)."));
    ModalInteractionEvent event = submission(InteractionContextType.BOT_DM);

    harness.listener().onModalInteraction(event);

    verify(event).deferReply(true);
    verify(event.getHook()).editOriginal(any(MessageEditData.class));
    verify(event.getHook(), never()).sendMessage(any(MessageCreateData.class));
  }

  @Test
  void aSubmissionInAGuildReachesCoreAsAGroupLineAndCoresRefusalStaysEphemeral() {
    harness.started().core = event -> harness.platform.send(event.chat(), OutboundMessage.text("Send keys in a DM with me."));
    ModalInteractionEvent event = submission(InteractionContextType.GUILD);

    harness.listener().onModalInteraction(event);

    assertThat(harness.handled).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(ChatKind.GROUP));
    verify(event).deferReply(true);
    ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook()).editOriginal(reply.capture());
    assertThat(reply.getValue().getContent()).isEqualTo("Send keys in a DM with me.");
  }

  @Test
  void aFormThatIsNotOursIsAnsweredWithoutCore() {
    harness.started();
    ModalInteractionEvent event = Events.modal(InteractionContextType.BOT_DM, "something-else", Map.of());

    harness.listener().onModalInteraction(event);

    verify(event).reply(anyString());
    verify(event, never()).deferReply(anyBoolean());
    assertThat(harness.handled).isEmpty();
  }

  private static ModalInteractionEvent submission(InteractionContextType context) {
    return Events.modal(context, "setkey", Map.of("api_key", API_KEY, "secret", SECRET));
  }
}
