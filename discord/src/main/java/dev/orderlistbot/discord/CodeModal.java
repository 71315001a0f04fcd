package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.CodeButtons;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The step-up code form: a press of a button core marked as asking for a code ({@link CodeButtons})
 * is answered with this modal (id: the button's token), whose one field takes the 6-digit code. Its
 * submission becomes a {@link ChatEvent.CodeEntered} carrying the same token: the code is never
 * posted in a channel and never logged.
 */
final class CodeModal {
  static final String CODE = "code";

  private CodeModal() {}

  static Modal create(String token) {
    TextInput code =
        TextInput.create(CODE, TextInputStyle.SHORT)
            .setRequired(true)
            .setMinLength(6)
            .setMaxLength(6)
            .setPlaceholder("123456")
            .build();
    return Modal.create(token, DiscordTexts.CODE_MODAL_TITLE)
        .addComponents(Label.of(DiscordTexts.CODE_MODAL_LABEL, DiscordTexts.CODE_MODAL_HINT, code))
        .build();
  }

  /** The code a submitted code form carries, for the button it answered; empty for other modals. */
  static Optional<ChatEvent.CodeEntered> entered(ModalInteractionEvent event) {
    String token = event.getModalId();
    if (!CodeButtons.asksForCode(token)) {
      return Optional.empty();
    }
    String code = "";
    for (ModalMapping value : event.getValues()) {
      if (CODE.equals(value.getCustomId()) && value.getAsString() != null) {
        code = value.getAsString().strip();
      }
    }
    ChatRef chat = InteractionTranslator.chat(event);
    Message message = event.getMessage();
    MessageRef ref =
        message == null
            ? InteractionTranslator.eventRef(event)
            : new MessageRef(chat, Long.toUnsignedString(message.getIdLong()));
    return Optional.of(
        new ChatEvent.CodeEntered(chat, InteractionTranslator.kind(event), InteractionTranslator.user(event), ref, token, code));
  }
}
