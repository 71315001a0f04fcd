package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/**
 * Discord interactions in, core's {@link ChatEvent}s out; pure functions of the event.
 *
 * <ul>
 *   <li>The user is the Discord user ({@code UserRef("discord", userId)}). The chat is the guild
 *       channel ({@code ChatRef("discord", channelId)}); a DM with the bot is named by the user's
 *       id ({@code ChatRef("discord", userId)}, as Telegram names private chats), because a DM can
 *       always be reopened from the user while a DM channel id cannot be resolved after a restart,
 *       and core sends fill notices there long after the interaction.
 *   <li>A DM with the bot is {@link ChatKind#PRIVATE}; anything else (a guild channel, an unknown
 *       context) is {@link ChatKind#GROUP}, so core's "keys only in private" rule holds by default.
 *   <li>A slash command or modal has no message of its own: its {@link MessageRef} is the
 *       interaction's id. A button press carries the id of the message the button is on.
 * </ul>
 */
final class InteractionTranslator {
  static final String PLATFORM = "discord";

  private InteractionTranslator() {}

  /** What to do with a slash command: forward its chat line, open the key modal, or refuse. */
  static SlashAction slash(SlashCommandInteractionEvent event) {
    Optional<SlashCommands> command = SlashCommands.byName(event.getName());
    if (command.isEmpty()) {
      // registered by an older version of the bot: core answers unknown commands best
      return new SlashAction.Forward("/" + event.getName());
    }
    if (command.get() == SlashCommands.SETKEY) {
      return new SlashAction.OpenKeyModal();
    }
    Map<String, String> values = options(event);
    // turning alerts on in a guild channel needs Manage Channels; anyone may turn their own off
    if (command.get() == SlashCommands.ALERTS
        && values.containsKey(SlashCommands.ALERT_MODE_OPTION)
        && !"off".equalsIgnoreCase(values.get(SlashCommands.ALERT_MODE_OPTION))
        && kind(event) == ChatKind.GROUP
        && !canManageChannel(event.getMember())) {
      return new SlashAction.Refuse(DiscordTexts.alertsNeedManageChannels());
    }
    return new SlashAction.Forward(command.get().line(values));
  }

  /** A line core should read as typed by this interaction's user in its channel. */
  static ChatEvent.TextMessage textMessage(Interaction interaction, String line) {
    ChatRef chat = chat(interaction);
    return new ChatEvent.TextMessage(
        chat, kind(interaction), user(interaction), eventRef(interaction), line);
  }

  /** A press of one of our buttons: its custom id is core's opaque token. */
  static ChatEvent.ButtonPressed buttonPressed(ButtonInteractionEvent event) {
    ChatRef chat = chat(event);
    return new ChatEvent.ButtonPressed(
        chat,
        kind(event),
        user(event),
        new MessageRef(chat, Long.toUnsignedString(event.getMessageIdLong())),
        event.getComponentId());
  }

  /** The key modal's fields as the {@code /setkey} line core reads; empty for other modals. */
  static Optional<ChatEvent.TextMessage> keySubmission(ModalInteractionEvent event) {
    return KeyModal.line(event).map(line -> textMessage(event, line));
  }

  static ChatRef chat(Interaction interaction) {
    long id =
        kind(interaction) == ChatKind.PRIVATE
            ? interaction.getUser().getIdLong()
            : interaction.getChannelIdLong();
    return new ChatRef(PLATFORM, Long.toUnsignedString(id));
  }

  static UserRef user(Interaction interaction) {
    return new UserRef(PLATFORM, Long.toUnsignedString(interaction.getUser().getIdLong()));
  }

  static ChatKind kind(Interaction interaction) {
    return interaction.getContext() == InteractionContextType.BOT_DM ? ChatKind.PRIVATE : ChatKind.GROUP;
  }

  /** The reference of the event itself: the interaction's id. */
  static MessageRef eventRef(Interaction interaction) {
    return new MessageRef(chat(interaction), Long.toUnsignedString(interaction.getIdLong()));
  }

  private static Map<String, String> options(SlashCommandInteractionEvent event) {
    Map<String, String> values = new LinkedHashMap<>();
    for (OptionMapping option : event.getOptions()) {
      values.put(option.getName(), option.getAsString());
    }
    return values;
  }

  private static boolean canManageChannel(Member member) {
    return member != null && member.hasPermission(Permission.MANAGE_CHANNEL);
  }
}
