package dev.orderlistbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdateTranslatorTest {
  private final UpdateTranslator translator = new UpdateTranslator();

  private Optional<ChatEvent> translate(String fixture) {
    return translator.translate(Fixtures.update(fixture));
  }

  @Test
  void privateTextBecomesATextMessageFromThatUserInAPrivateChat() {
    ChatRef chat = new ChatRef("telegram", "42");

    assertThat(translate("private-text"))
        .contains(
            new ChatEvent.TextMessage(
                chat,
                ChatKind.PRIVATE,
                new UserRef("telegram", "42"),
                new MessageRef(chat, "1001"),
                "/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900"));
  }

  @Test
  void groupCommandAddressedToTheBotArrivesAsTypedForCoresParser() {
    ChatEvent event = translate("group-command").orElseThrow();

    assertThat(event).isInstanceOf(ChatEvent.TextMessage.class);
    ChatEvent.TextMessage text = (ChatEvent.TextMessage) event;
    assertThat(text.chat()).isEqualTo(new ChatRef("telegram", "-4012345678"));
    assertThat(text.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(text.user()).isEqualTo(new UserRef("telegram", "43"));
    assertThat(text.text()).startsWith("/oco@OrderListBot BTCUSDT");
  }

  @Test
  void supergroupIsAGroupAndUnknownFieldsFromLaterBotApisAreIgnored() {
    ChatEvent event = translate("supergroup-command").orElseThrow();

    assertThat(event.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(event.chat().chatId()).isEqualTo("-1001234567890");
  }

  @Test
  void buttonPressCarriesOnlyTheTokenThePresserAndTheMessageUnderWhichItSits() {
    ChatRef chat = new ChatRef("telegram", "42");

    assertThat(translate("callback-query"))
        .contains(
            new ChatEvent.ButtonPressed(
                chat, ChatKind.PRIVATE, new UserRef("telegram", "42"), new MessageRef(chat, "1002"), "c:7Hq2xW"));
  }

  @Test
  void buttonPressInAGroupNamesThePresserNotTheRequester() {
    ChatEvent event = translate("callback-query-group").orElseThrow();

    assertThat(event.kind()).isEqualTo(ChatKind.GROUP);
    assertThat(event.user()).isEqualTo(new UserRef("telegram", "43"));
  }

  @Test
  void buttonUnderAnOldInaccessibleMessageStillReachesCoreWhichDecidesItHasExpired() {
    ChatEvent event = translate("callback-query-inaccessible").orElseThrow();

    assertThat(event).isInstanceOf(ChatEvent.ButtonPressed.class);
    assertThat(((ChatEvent.ButtonPressed) event).message().messageId()).isEqualTo("900");
  }

  @Test
  void buttonUnderAnInlineModeMessageIsIgnoredBecauseItHasNoChat() {
    assertThat(translate("callback-query-inline")).isEmpty();
  }

  @Test
  void channelPostIsIgnoredBecauseNoPersonWroteIt() {
    assertThat(translate("channel-post")).isEmpty();
  }

  @Test
  void buttonUnderAChannelPostIsPressedByAPersonInAChannel() {
    ChatEvent event = translate("channel-button").orElseThrow();

    assertThat(event.kind()).isEqualTo(ChatKind.CHANNEL);
    assertThat(event.user()).isEqualTo(new UserRef("telegram", "45"));
  }

  @Test
  void editedMessageIsIgnoredSoAnEditCannotPlaceASecondOrder() {
    assertThat(translate("edited-message")).isEmpty();
  }

  @Test
  void messageFromABotSuchAsAnAnonymousGroupAdminIsIgnored() {
    assertThat(translate("anonymous-admin")).isEmpty();
  }

  @Test
  void messageWithoutTextIsIgnored() {
    assertThat(translate("photo")).isEmpty();
  }

  @Test
  void textMessageNeverPrintsItsTextBecauseItMayHoldASecret() {
    ChatEvent event =
        translator
            .translate(
                Fixtures.update("private-text"))
            .orElseThrow();

    assertThat(event.toString()).doesNotContain("BTCUSDT");
  }
}
