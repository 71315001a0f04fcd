package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class SlashCommandRepliesTest {
  private static final Map<String, String> OCO =
      Map.of("symbol", "BTCUSDT", "side", "sell", "quantity", "0.01", "tp", "32000", "sl", "29000/28900");
  private static final OutboundMessage PREVIEW =
      OutboundMessage.withButtons("Preview: OCO sell 0.01 BTCUSDT", new Button("Confirm", "c:1"), new Button("Cancel", "x:1"));

  private final Harness harness = new Harness();

  @Test
  void theCommandIsAcknowledgedBeforeCoreSeesIt() {
    ChatEventHandler core = mock(ChatEventHandler.class);
    harness.started(core);
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "oco", OCO);
    ReplyCallbackAction defer = event.deferReply(true);

    harness.listener().onSlashCommandInteraction(event);

    InOrder order = inOrder(defer, core);
    order.verify(defer).queue(any(), any());
    order.verify(core).handle(any(ChatEvent.TextMessage.class));
  }

  @Test
  void coreReceivesTheSameLineATraderWouldType() {
    harness.started();

    harness.listener().onSlashCommandInteraction(Events.slash(InteractionContextType.GUILD, "oco", OCO));

    assertThat(harness.handled).singleElement()
        .isInstanceOfSatisfying(ChatEvent.TextMessage.class, m -> {
          assertThat(m.text()).isEqualTo("/oco BTCUSDT sell 0.01 tp 32000 sl 29000/28900");
          assertThat(m.kind()).isEqualTo(ChatKind.GROUP);
        });
  }

  @Test
  void inAGuildCoresFirstAnswerBecomesTheEphemeralDeferredReply() {
    harness.started().core = event -> harness.platform.send(event.chat(), PREVIEW);
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "oco", OCO);

    harness.listener().onSlashCommandInteraction(event);

    verify(event).deferReply(true);
    ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook()).editOriginal(reply.capture());
    assertThat(reply.getValue().getContent()).isEqualTo("Preview: OCO sell 0.01 BTCUSDT");
    assertThat(reply.getValue().getComponents().get(0).asActionRow().getButtons())
        .extracting(b -> b.getCustomId())
        .containsExactly("c:1", "x:1");
    verify(event.getHook(), never()).sendMessage(any(MessageCreateData.class));
  }

  @Test
  void inADirectMessageTheReplyIsNotEphemeral() {
    harness.started().core = event -> harness.platform.send(event.chat(), OutboundMessage.text("BTCUSDT 30000"));
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.BOT_DM, "price", Map.of("symbol", "BTCUSDT"));

    harness.listener().onSlashCommandInteraction(event);

    verify(event).deferReply(false);
    verify(event.getHook()).editOriginal(any(MessageEditData.class));
  }

  @Test
  void theAnsweredReferenceIsTheRepliedMessageSoCoreCanEditIt() {
    List<MessageRef> sent = new ArrayList<>();
    harness.started().core = event -> sent.add(harness.platform.send(event.chat(), PREVIEW));
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "oco", OCO);

    harness.listener().onSlashCommandInteraction(event);
    harness.platform.edit(sent.get(0), OutboundMessage.text("Expired."));

    long original = Events.originalId(event.getHook());
    assertThat(sent.get(0)).isEqualTo(new MessageRef(chat(), Long.toString(original)));
    ArgumentCaptor<MessageEditData> edits = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook(), times(2)).editOriginal(edits.capture());
    MessageEditData edit = edits.getAllValues().get(1);
    assertThat(edit.getContent()).isEqualTo("Expired.");
    assertThat(edit.getComponents()).isEmpty();
  }

  @Test
  void furtherAnswersToTheSameCommandAreEphemeralFollowUps() {
    List<MessageRef> sent = new ArrayList<>();
    harness.started().core =
        event -> {
          sent.add(harness.platform.send(event.chat(), OutboundMessage.text("Open order lists:")));
          sent.add(harness.platform.send(event.chat(), OutboundMessage.text("#1 OCO BTCUSDT")));
        };
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "orders", Map.of());

    harness.listener().onSlashCommandInteraction(event);
    harness.platform.edit(sent.get(1), OutboundMessage.text("#1 OCO BTCUSDT (filled)"));

    InteractionHook hook = event.getHook();
    ArgumentCaptor<MessageCreateData> followUp = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(hook).sendMessage(followUp.capture());
    assertThat(followUp.getValue().getContent()).isEqualTo("#1 OCO BTCUSDT");
    verify(Events.followUps(hook)).setEphemeral(true);
    verify(hook).editMessageById(any(String.class), any(MessageEditData.class));
    assertThat(sent.get(1)).isNotEqualTo(sent.get(0));
  }

  @Test
  void aCommandCoreLeavesUnansweredDoesNotKeepThinking() {
    harness.started();
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "keys", Map.of());

    harness.listener().onSlashCommandInteraction(event);

    verify(event.getHook()).deleteOriginal();
  }

  @Test
  void whenCoreFailsTheUserGetsAReferenceAndNoDetails() {
    harness.started().core = event -> {
      throw new IllegalStateException("database on fire at jdbc:h2:/secret/path");
    };
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "balance", Map.of());

    harness.listener().onSlashCommandInteraction(event);

    ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook()).editOriginal(reply.capture());
    assertThat(reply.getValue().getContent())
        .isEqualTo(DiscordTexts.somethingWentWrong(JdaListener.reference(event)))
        .doesNotContain("database");
  }

  @Test
  void setkeyOpensTheModalAsItsAcknowledgementAndCoreWaitsForTheSubmission() {
    harness.started();
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.BOT_DM, "setkey", Map.of());

    harness.listener().onSlashCommandInteraction(event);

    ArgumentCaptor<Modal> modal = ArgumentCaptor.forClass(Modal.class);
    verify(event).replyModal(modal.capture());
    assertThat(modal.getValue().getId()).isEqualTo(KeyModal.ID);
    verify(event, never()).deferReply(anyBoolean());
    assertThat(harness.handled).isEmpty();
  }

  @Test
  void aMemberWithoutManageChannelsIsRefusedPrivatelyWithoutAskingCore() {
    harness.started();
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "alerts", Map.of("mode", "on"));
    Member member = Events.member(false);
    when(event.getMember()).thenReturn(member);

    harness.listener().onSlashCommandInteraction(event);

    verify(event).reply(DiscordTexts.alertsNeedManageChannels());
    verify(event.reply("probe")).setEphemeral(true);
    verify(event, never()).deferReply(anyBoolean());
    assertThat(harness.handled).isEmpty();
  }

  @Test
  void alertsOnByAManagerReachCoreFromTheChannelItWasUsedIn() {
    harness.started();
    SlashCommandInteractionEvent event = Events.slash(InteractionContextType.GUILD, "alerts", Map.of("mode", "on"));
    Member member = Events.member(true);
    when(event.getMember()).thenReturn(member);

    harness.listener().onSlashCommandInteraction(event);

    assertThat(harness.handled).singleElement()
        .satisfies(e -> assertThat(e.chat()).isEqualTo(chat()))
        .isInstanceOfSatisfying(ChatEvent.TextMessage.class, m -> assertThat(m.text()).isEqualTo("/alerts on"));
  }

  @Test
  void concurrentCommandsInOneChannelEachAnswerTheirOwnUser() throws Exception {
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    Harness concurrent = new Harness(threads);
    CountDownLatch bothOpen = new CountDownLatch(2);
    concurrent.started().core =
        event -> {
          bothOpen.countDown();
          try {
            bothOpen.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          concurrent.platform.send(event.chat(), OutboundMessage.text("for " + ((ChatEvent.TextMessage) event).message().messageId()));
        };
    SlashCommandInteractionEvent first = Events.slash(InteractionContextType.GUILD, "balance", Map.of());
    SlashCommandInteractionEvent second = Events.slash(InteractionContextType.GUILD, "balance", Map.of());

    concurrent.listener().onSlashCommandInteraction(first);
    concurrent.listener().onSlashCommandInteraction(second);
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(replyText(first)).isEqualTo("for " + first.getIdLong());
    assertThat(replyText(second)).isEqualTo("for " + second.getIdLong());
  }

  private static String replyText(SlashCommandInteractionEvent event) {
    ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook()).editOriginal(reply.capture());
    return reply.getValue().getContent();
  }

  private static ChatRef chat() {
    return new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL));
  }
}
