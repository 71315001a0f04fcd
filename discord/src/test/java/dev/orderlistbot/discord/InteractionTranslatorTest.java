package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import org.junit.jupiter.api.Test;

class InteractionTranslatorTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String PEM =
      "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIPmOeCqd9J1nQY2fYZ4Z\n-----END PRIVATE KEY-----";

  @Test
  void slashOptionsAreForwardedAsTheCanonicalChatLine() {
    SlashCommandInteractionEvent event =
        Events.slash(
            InteractionContextType.GUILD,
            "oco",
            Map.of("symbol", "BTCUSDT", "side", "sell", "quantity", "0.01", "tp", "32000", "sl", "29000/28900"));

    assertThat(InteractionTranslator.slash(event))
        .isEqualTo(new SlashAction.Forward("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900"));
  }

  @Test
  void aTextMessageCarriesChannelUserAndTheInteractionAsItsMessage() {
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "price", Map.of("symbol", "BTCUSDT"));

    ChatEvent.TextMessage message = InteractionTranslator.textMessage(event, "/price BTCUSDT");

    ChatRef chat = new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL));
    assertThat(message.chat()).isEqualTo(chat);
    assertThat(message.user()).isEqualTo(new UserRef("discord", Long.toString(Events.USER)));
    assertThat(message.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(message.message()).isEqualTo(new MessageRef(chat, Long.toString(event.getIdLong())));
    assertThat(message.text()).isEqualTo("/price BTCUSDT");
  }

  @Test
  void aDirectMessageIsNamedByTheUserSoItCanBeReopenedForLaterNotices() {
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.BOT_DM, "keys", Map.of());

    ChatEvent.TextMessage message = InteractionTranslator.textMessage(event, "/keys");

    assertThat(message.chat()).isEqualTo(new ChatRef("discord", Long.toString(Events.USER)));
    assertThat(message.kind()).isEqualTo(ChatKind.PRIVATE);
  }

  @Test
  void aDirectMessageWithTheBotIsPrivateAndAGuildChannelIsAGroup() {
    assertThat(InteractionTranslator.kind(Events.slash(InteractionContextType.BOT_DM, "keys", Map.of())))
        .isEqualTo(ChatKind.PRIVATE);
    assertThat(InteractionTranslator.kind(Events.slash(InteractionContextType.GUILD, "keys", Map.of())))
        .isEqualTo(ChatKind.GROUP);
    assertThat(InteractionTranslator.kind(Events.slash(InteractionContextType.PRIVATE_CHANNEL, "keys", Map.of())))
        .isEqualTo(ChatKind.GROUP);
  }

  @Test
  void setkeyOpensTheModalInsteadOfReachingCore() {
    assertThat(InteractionTranslator.slash(Events.slash(InteractionContextType.BOT_DM, "setkey", Map.of())))
        .isInstanceOf(SlashAction.OpenKeyModal.class);
  }

  @Test
  void changingAlertsInAGuildNeedsManageChannels() {
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "alerts", Map.of("mode", "on"));
    Member eventMember = Events.member(false);
    when(event.getMember()).thenReturn(eventMember);

    assertThat(InteractionTranslator.slash(event))
        .isEqualTo(new SlashAction.Refuse(DiscordTexts.alertsNeedManageChannels()));
  }

  @Test
  void anyMemberMayTurnTheirOwnAlertsOffInAGuild() {
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "alerts", Map.of("mode", "off"));
    Member eventMember = Events.member(false);
    when(event.getMember()).thenReturn(eventMember);

    assertThat(InteractionTranslator.slash(event)).isEqualTo(new SlashAction.Forward("/alerts off"));
  }

  @Test
  void aMemberWhoManagesTheChannelTurnsAlertsOn() {
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "alerts", Map.of("mode", "on"));
    Member eventMember = Events.member(true);
    when(event.getMember()).thenReturn(eventMember);

    assertThat(InteractionTranslator.slash(event)).isEqualTo(new SlashAction.Forward("/alerts on"));
  }

  @Test
  void anyoneMaySeeTheAlertSettingAndChangeItInADirectMessage() {
    SlashCommandInteractionEvent show = Events.slash(InteractionContextType.GUILD, "alerts", Map.of());
    Member showMember = Events.member(false);
    when(show.getMember()).thenReturn(showMember);
    SlashCommandInteractionEvent direct = Events.slash(InteractionContextType.BOT_DM, "alerts", Map.of("mode", "off"));

    assertThat(InteractionTranslator.slash(show)).isEqualTo(new SlashAction.Forward("/alerts"));
    assertThat(InteractionTranslator.slash(direct)).isEqualTo(new SlashAction.Forward("/alerts off"));
  }

  @Test
  void anUnknownCommandIsLeftForCoreToAnswer() {
    assertThat(InteractionTranslator.slash(Events.slash(InteractionContextType.GUILD, "occo", Map.of())))
        .isEqualTo(new SlashAction.Forward("/occo"));
  }

  @Test
  void aButtonPressCarriesItsTokenAndTheMessageItSitsOn() {
    ButtonInteractionEvent event =
        Events.button(InteractionContextType.GUILD, 777L, "c:abc123", Events.USER);

    ChatEvent.ButtonPressed pressed = InteractionTranslator.buttonPressed(event);

    ChatRef chat = new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL));
    assertThat(pressed)
        .isEqualTo(
            new ChatEvent.ButtonPressed(
                chat, ChatKind.GROUP, new UserRef("discord", Long.toString(Events.USER)),
                new MessageRef(chat, "777"), "c:abc123"));
  }

  @Test
  void theKeyModalBecomesTheSetkeyLineWithThePemKeyIntact() {
    ModalInteractionEvent event =
        Events.modal(InteractionContextType.BOT_DM, "setkey", Map.of("api_key", " " + API_KEY + " ", "secret", PEM + "\n"));

    Optional<ChatEvent.TextMessage> message = InteractionTranslator.keySubmission(event);

    assertThat(message).isPresent();
    assertThat(message.get().text()).isEqualTo("/setkey " + API_KEY + " " + PEM);
    assertThat(message.get().kind()).isEqualTo(ChatKind.PRIVATE);
    assertThat(message.get().toString()).doesNotContain(API_KEY).doesNotContain("PRIVATE KEY");
  }

  @Test
  void aKeyModalWithoutSecretSetsTheKeyOfAKeygenPair() {
    ModalInteractionEvent event =
        Events.modal(InteractionContextType.BOT_DM, "setkey", Map.of("api_key", API_KEY, "secret", ""));

    assertThat(InteractionTranslator.keySubmission(event).orElseThrow().text()).isEqualTo("/setkey " + API_KEY);
  }

  @Test
  void aKeyModalSubmittedInAGuildReachesCoreAsAGroupMessage() {
    ModalInteractionEvent event =
        Events.modal(InteractionContextType.GUILD, "setkey", Map.of("api_key", API_KEY, "secret", "s3cr3t"));

    assertThat(InteractionTranslator.keySubmission(event).orElseThrow().kind()).isEqualTo(ChatKind.GROUP);
  }

  @Test
  void anotherModalIsNotAKey() {
    assertThat(InteractionTranslator.keySubmission(Events.modal(InteractionContextType.BOT_DM, "other", Map.of())))
        .isEmpty();
  }
}
