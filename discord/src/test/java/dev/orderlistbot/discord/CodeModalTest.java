package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import java.util.Map;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** A Confirm that needs a step-up code opens the code form; its submission reaches core with the token and the code. */
class CodeModalTest {
  private static final String CONFIRM_TOKEN = "sk:AbCdEfGhIjKlMnOpQrStUv";
  private final Harness harness = new Harness();

  @Test
  void theFormAsksForSixDigitsOnOneLineAndIsNamedByTheButtonsToken() {
    Modal modal = CodeModal.create(CONFIRM_TOKEN);

    assertThat(modal.getId()).isEqualTo(CONFIRM_TOKEN);
    TextInput code = modal.getComponents().getFirst().asLabel().getChild().asTextInput();
    assertThat(code.getCustomId()).isEqualTo("code");
    assertThat(code.getStyle()).isEqualTo(TextInputStyle.SHORT);
    assertThat(code.getMinLength()).isEqualTo(6);
    assertThat(code.getMaxLength()).isEqualTo(6);
    assertThat(code.isRequired()).isTrue();
  }

  @Test
  void pressingAConfirmThatNeedsACodeOpensTheFormAndCoreHearsNothingYet() {
    harness.started();
    ButtonInteractionEvent press = Events.button(InteractionContextType.BOT_DM, 777L, CONFIRM_TOKEN, Events.USER);
    when(press.replyModal(any(Modal.class))).thenReturn(mock(ModalCallbackAction.class, Mockito.RETURNS_SELF));

    harness.listener().onButtonInteraction(press);

    ArgumentCaptor<Modal> modal = ArgumentCaptor.forClass(Modal.class);
    verify(press).replyModal(modal.capture());
    assertThat(modal.getValue().getId()).isEqualTo(CONFIRM_TOKEN);
    verify(press, never()).deferEdit();
    assertThat(harness.handled).isEmpty();
  }

  @Test
  void anOrdinaryButtonIsStillDeferredAndHandedToCore() {
    harness.started();
    ButtonInteractionEvent press = Events.button(InteractionContextType.BOT_DM, 777L, "ok:AbCdEfGhIjKlMnOpQrStUv", Events.USER);

    harness.listener().onButtonInteraction(press);

    verify(press).deferEdit();
    verify(press, never()).replyModal(any(Modal.class));
  }

  @Test
  void theSubmittedCodeReachesCoreWithTheTokenAndTheButtonsMessageButIsNeverLogged() {
    harness.started();
    ModalInteractionEvent event = Events.modal(InteractionContextType.BOT_DM, CONFIRM_TOKEN, Map.of("code", " 480315 "));
    Message message = mock(Message.class);
    when(message.getIdLong()).thenReturn(777L);
    when(event.getMessage()).thenReturn(message);

    try (CapturedLogs logs = new CapturedLogs()) {
      harness.listener().onModalInteraction(event);

      assertThat(logs.all()).doesNotContain("480315");
    }

    verify(event).deferReply(true);
    assertThat(harness.handled).singleElement()
        .isInstanceOfSatisfying(ChatEvent.CodeEntered.class, entered -> {
          assertThat(entered.token()).isEqualTo(CONFIRM_TOKEN);
          assertThat(entered.code()).isEqualTo("480315");
          assertThat(entered.kind()).isEqualTo(ChatKind.PRIVATE);
          assertThat(entered.message().messageId()).isEqualTo("777");
          assertThat(entered.toString()).doesNotContain("480315");
        });
  }
}
