package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.AuditableRestAction;
import net.dv8tion.jda.api.requests.restaction.CacheRestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ChannelDeliveryTest {
  private static final ChatRef GUILD = new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL));
  private static final ChatRef DM = new ChatRef("discord", Long.toString(Events.USER));

  private final Harness harness = new Harness();

  @Test
  void aNoticeOutsideAnInteractionIsPostedInTheChannel() {
    harness.started();
    MessageChannel channel = channel(Events.GUILD_CHANNEL, 9001L);

    MessageRef ref = harness.platform.send(GUILD, OutboundMessage.text("Filled: OCO BTCUSDT take-profit at 32000"));

    assertThat(ref).isEqualTo(new MessageRef(GUILD, "9001"));
    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(channel).sendMessage(sent.capture());
    assertThat(sent.getValue().getContent()).isEqualTo("Filled: OCO BTCUSDT take-profit at 32000");
  }

  @Test
  void onceCoreHasAnsweredACommandLaterNoticesGoToTheChannelNotTheHook() {
    harness.started().core = event -> harness.platform.send(event.chat(), OutboundMessage.text("Placed."));
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "orders", Map.of());
    harness.listener().onSlashCommandInteraction(event);
    MessageChannel channel = channel(Events.GUILD_CHANNEL, 9002L);

    harness.platform.send(GUILD, OutboundMessage.text("Filled."));

    verify(channel).sendMessage(any(MessageCreateData.class));
    verify(event.getHook(), never()).sendMessage(any(MessageCreateData.class));
  }

  @Test
  void aNoticeFromAnotherThreadWhileACommandIsAnsweredInThatChannelStillGoesToTheChannel() throws Exception {
    MessageChannel channel = channel(Events.GUILD_CHANNEL, 9006L);
    List<MessageRef> notices = new ArrayList<>();
    harness.started().core =
        event -> {
          Thread dispatcher = Thread.ofVirtual().start(() -> notices.add(harness.platform.send(GUILD, OutboundMessage.text("Filled."))));
          try {
            dispatcher.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          harness.platform.send(event.chat(), OutboundMessage.text("Paper price set."));
        };
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "paper", Map.of("symbol", "BTCUSDT", "price", "32000"));

    harness.listener().onSlashCommandInteraction(event);

    assertThat(notices).containsExactly(new MessageRef(GUILD, "9006"));
    verify(channel).sendMessage(any(MessageCreateData.class));
    ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook()).editOriginal(reply.capture());
    assertThat(reply.getValue().getContent()).isEqualTo("Paper price set.");
  }

  @Test
  void aTextLongerThanOneMessageIsPostedInPartsAndTheLastPartIsAnswered() {
    harness.started();
    MessageChannel channel = channel(Events.GUILD_CHANNEL, 9003L);
    String line = "z".repeat(1500);

    MessageRef ref = harness.platform.send(GUILD, OutboundMessage.text(line + "\n" + line));

    verify(channel, times(2)).sendMessage(any(MessageCreateData.class));
    assertThat(ref.messageId()).isEqualTo("9003");
  }

  @Test
  void aChannelMessageIsEditedInTheChannel() {
    harness.started();
    MessageChannel channel = channel(Events.GUILD_CHANNEL, 9004L);
    MessageEditAction edit = mock(MessageEditAction.class, RETURNS_SELF);
    Message edited = Events.message(9004L);
    when(edit.complete()).thenReturn(edited);
    when(channel.editMessageById(eq("9004"), any(MessageEditData.class))).thenReturn(edit);

    harness.platform.edit(new MessageRef(GUILD, "9004"), OutboundMessage.text("Cancelled."));

    ArgumentCaptor<MessageEditData> data = ArgumentCaptor.forClass(MessageEditData.class);
    verify(channel).editMessageById(eq("9004"), data.capture());
    assertThat(data.getValue().getContent()).isEqualTo("Cancelled.");
  }

  @Test
  void anOrderCardIsPostedWithItsRowsOfButtonsAndEditedIntoOtherButtons() {
    harness.started();
    MessageChannel channel = channel(Events.GUILD_CHANNEL, 9005L);
    MessageEditAction edit = mock(MessageEditAction.class, RETURNS_SELF);
    Message after = Events.message(9005L);
    when(edit.complete()).thenReturn(after);
    when(channel.editMessageById(eq("9005"), any(MessageEditData.class))).thenReturn(edit);
    OutboundMessage card =
        new OutboundMessage(
            "📋 LIVE · BTCUSDT OTOCO #8821",
            List.of(
                List.of(new Button("Cancel list", "k:CANCEL:8821"), new Button("Close at market", "k:CLOSE:8821")),
                List.of(new Button("Move stop to breakeven", "k:BREAKEVEN:8821"))));

    MessageRef ref = harness.platform.send(GUILD, card);
    harness.platform.edit(ref, OutboundMessage.text("📋 LIVE · BTCUSDT OTOCO #8821 · finished"));

    ArgumentCaptor<MessageCreateData> sent = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(channel).sendMessage(sent.capture());
    assertThat(sent.getValue().getComponents()).hasSize(2);
    assertThat(sent.getValue().getComponents().get(0).asActionRow().getButtons())
        .extracting(b -> b.getCustomId())
        .containsExactly("k:CANCEL:8821", "k:CLOSE:8821");
    assertThat(sent.getValue().getComponents().get(1).asActionRow().getButtons())
        .extracting(b -> b.getLabel())
        .containsExactly("Move stop to breakeven");
    ArgumentCaptor<MessageEditData> edited = ArgumentCaptor.forClass(MessageEditData.class);
    verify(channel).editMessageById(eq("9005"), edited.capture());
    assertThat(edited.getValue().getContent()).isEqualTo("📋 LIVE · BTCUSDT OTOCO #8821 · finished");
    assertThat(edited.getValue().getComponents()).as("a finished card has no buttons").isEmpty();
  }

  @Test
  void aDirectMessageIsReopenedFromTheUserEvenAfterARestart() {
    harness.started();
    when(harness.jda.getStatus()).thenReturn(JDA.Status.CONNECTED);
    PrivateChannel dm = mock(PrivateChannel.class);
    MessageCreateAction send = mock(MessageCreateAction.class, RETURNS_SELF);
    Message sent = Events.message(9005L);
    when(send.complete()).thenReturn(sent);
    when(dm.sendMessage(any(MessageCreateData.class))).thenReturn(send);
    CacheRestAction<PrivateChannel> open = privateChannelAction();
    when(open.complete()).thenReturn(dm);
    when(harness.jda.openPrivateChannelById(Events.USER)).thenReturn(open);

    MessageRef ref = harness.platform.send(DM, OutboundMessage.text("Filled."));

    assertThat(ref).isEqualTo(new MessageRef(DM, "9005"));
  }

  @Test
  void aChannelTheBotCannotSeeIsAPermanentFailure() {
    harness.started();
    when(harness.jda.getStatus()).thenReturn(JDA.Status.CONNECTED);
    CacheRestAction<PrivateChannel> open = privateChannelAction();
    ErrorResponseException unknownUser = error(ErrorResponse.UNKNOWN_USER);
    when(open.complete()).thenThrow(unknownUser);
    when(harness.jda.openPrivateChannelById(Events.GUILD_CHANNEL)).thenReturn(open);

    assertThatThrownBy(() -> harness.platform.send(GUILD, OutboundMessage.text("x")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isFalse());
  }

  @Test
  void beforeTheGatewayIsConnectedAnUnknownChannelIsWorthARetry() {
    harness.started();
    when(harness.jda.getStatus()).thenReturn(JDA.Status.CONNECTING_TO_WEBSOCKET);

    assertThatThrownBy(() -> harness.platform.send(GUILD, OutboundMessage.text("x")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void beforeStartEverySendIsWorthARetry() {
    assertThatThrownBy(() -> harness.platform.send(GUILD, OutboundMessage.text("x")))
        .isInstanceOfSatisfying(ChatDeliveryException.class, e -> assertThat(e.retryable()).isTrue());
  }

  @Test
  void discordRefusingTheMessageComesOutAsCoresDeliveryFailure() {
    harness.started();
    MessageChannel channel = mock(MessageChannel.class);
    when(harness.jda.getChannelById(MessageChannel.class, Events.GUILD_CHANNEL)).thenReturn(channel);
    MessageCreateAction send = mock(MessageCreateAction.class, RETURNS_SELF);
    ErrorResponseException missingAccess = error(ErrorResponse.MISSING_ACCESS);
    when(send.complete()).thenThrow(missingAccess);
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(send);

    assertThatThrownBy(() -> harness.platform.send(GUILD, OutboundMessage.text("secret balance 1.5 BTC")))
        .isInstanceOfSatisfying(
            ChatDeliveryException.class,
            e -> {
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).contains("MISSING_ACCESS").doesNotContain("1.5");
            });
  }

  @Test
  void anotherPlatformsChatIsAProgrammingError() {
    harness.started();

    assertThatThrownBy(() -> harness.platform.send(new ChatRef("telegram", "1"), OutboundMessage.text("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deletingTheCommandItselfSucceedsBecauseNothingWasPosted() {
    List<MessageRef> events = new ArrayList<>();
    harness.started().core =
        event -> {
          events.add(((ChatEvent.TextMessage) event).message());
          harness.platform.send(event.chat(), OutboundMessage.text("Key stored."));
        };
    harness.listener().onModalInteraction(
        Events.modal(InteractionContextType.BOT_DM, "setkey", Map.of("api_key", "A".repeat(64), "secret", "s")));

    assertThat(harness.platform.delete(events.get(0))).isTrue();
    verify(harness.jda, never()).getChannelById(eq(MessageChannel.class), anyString());
  }

  @Test
  void aMessageTheBotMayNotDeleteAnswersFalse() {
    harness.started();
    MessageChannel channel = mock(MessageChannel.class);
    when(harness.jda.getChannelById(MessageChannel.class, Events.GUILD_CHANNEL)).thenReturn(channel);
    AuditableRestAction<Void> delete = deleteAction();
    ErrorResponseException missingPermissions = error(ErrorResponse.MISSING_PERMISSIONS);
    when(delete.complete()).thenThrow(missingPermissions);
    when(channel.deleteMessageById("77")).thenReturn(delete);

    assertThat(harness.platform.delete(new MessageRef(GUILD, "77"))).isFalse();
  }

  @Test
  void aMessageAlreadyGoneCountsAsDeleted() {
    harness.started();
    MessageChannel channel = mock(MessageChannel.class);
    when(harness.jda.getChannelById(MessageChannel.class, Events.GUILD_CHANNEL)).thenReturn(channel);
    AuditableRestAction<Void> delete = deleteAction();
    ErrorResponseException unknown = error(ErrorResponse.UNKNOWN_MESSAGE);
    when(delete.complete()).thenThrow(unknown);
    when(channel.deleteMessageById("78")).thenReturn(delete);

    assertThat(harness.platform.delete(new MessageRef(GUILD, "78"))).isTrue();
  }

  private MessageChannel channel(long id, long sentId) {
    MessageChannel channel = mock(MessageChannel.class);
    MessageCreateAction send = mock(MessageCreateAction.class, RETURNS_SELF);
    Message sent = Events.message(sentId);
    when(send.complete()).thenReturn(sent);
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(send);
    when(harness.jda.getChannelById(MessageChannel.class, id)).thenReturn(channel);
    return channel;
  }

  private static ErrorResponseException error(ErrorResponse response) {
    ErrorResponseException e = mock(ErrorResponseException.class);
    when(e.getErrorResponse()).thenReturn(response);
    when(e.getErrorCode()).thenReturn(response.getCode());
    return e;
  }

  @SuppressWarnings("unchecked")
  private static CacheRestAction<PrivateChannel> privateChannelAction() {
    return mock(CacheRestAction.class, RETURNS_SELF);
  }

  @SuppressWarnings("unchecked")
  private static AuditableRestAction<Void> deleteAction() {
    return mock(AuditableRestAction.class, RETURNS_SELF);
  }
}
