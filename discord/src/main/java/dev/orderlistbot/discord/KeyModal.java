package dev.orderlistbot.discord;

import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The {@code /setkey} modal: the API key (one line) and the secret or PEM private key (a paragraph,
 * optional after {@code /keygen}). Its submission becomes the line {@code /setkey API_KEY [SECRET]}
 * core reads; the secret is never posted in a channel, never attached, never logged.
 */
final class KeyModal {
  static final String ID = "setkey";
  static final String API_KEY = "api_key";
  static final String SECRET = "secret";

  private static final int MAX_API_KEY = 256;
  private static final int MAX_SECRET = TextInput.MAX_VALUE_LENGTH;

  private KeyModal() {}

  static Modal create() {
    TextInput apiKey =
        TextInput.create(API_KEY, TextInputStyle.SHORT)
            .setRequired(true)
            .setMaxLength(MAX_API_KEY)
            .build();
    TextInput secret =
        TextInput.create(SECRET, TextInputStyle.PARAGRAPH)
            .setRequired(false)
            .setMaxLength(MAX_SECRET)
            .setPlaceholder("-----BEGIN PRIVATE KEY----- … or the HMAC secret")
            .build();
    return Modal.create(ID, DiscordTexts.KEY_MODAL_TITLE)
        .addComponents(
            Label.of(DiscordTexts.KEY_MODAL_API_KEY, apiKey),
            Label.of(DiscordTexts.KEY_MODAL_SECRET, DiscordTexts.KEY_MODAL_SECRET_HINT, secret))
        .build();
  }

  /**
   * The {@code /setkey} line of a submitted key modal, or empty when the modal is not ours. The
   * secret keeps its line breaks (a PEM key spans lines); core takes everything after the API key.
   */
  static Optional<String> line(ModalInteractionEvent event) {
    if (!ID.equals(event.getModalId())) {
      return Optional.empty();
    }
    String apiKey = "";
    String secret = "";
    for (ModalMapping value : event.getValues()) {
      if (API_KEY.equals(value.getCustomId())) {
        apiKey = text(value);
      } else if (SECRET.equals(value.getCustomId())) {
        secret = text(value);
      }
    }
    StringBuilder line = new StringBuilder("/setkey");
    // without an API key the secret would be read as one: leave it out
    if (!apiKey.isEmpty()) {
      line.append(' ').append(apiKey);
      if (!secret.isEmpty()) {
        line.append(' ').append(secret);
      }
    }
    return Optional.of(line.toString());
  }

  private static String text(ModalMapping value) {
    String text = value.getAsString();
    return text == null ? "" : text.strip();
  }
}
