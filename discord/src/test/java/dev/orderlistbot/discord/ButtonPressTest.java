package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class ButtonPressTest {
  private static final ChatRef GUILD = new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL));
  private static final long PREVIEW = 555L;

  private final Harness harness = new Harness();

  @Test
  void thePressIsAcknowledgedBeforeCoreSeesIt() {
    ChatEventHandler core = mock(ChatEventHandler.class);
    harness.started(core);
    ButtonInteractionEvent event = Events.button(InteractionContextType.GUILD, PREVIEW, "c:tok", Events.USER);
    MessageEditCallbackAction ack = event.deferEdit();

    harness.listener().onButtonInteraction(event);

    InOrder order = inOrder(ack, core);
    order.verify(ack).queue(any(), any());
    order.verify(core).handle(any(ChatEvent.ButtonPressed.class));
  }

  @Test
  void coreReceivesTheTokenThePresserAndThePreviewMessage() {
    harness.started();

    harness.listener().onButtonInteraction(Events.button(InteractionContextType.GUILD, PREVIEW, "c:tok", Events.OTHER_USER));

    assertThat(harness.handled).singleElement()
        .isInstanceOfSatisfying(ChatEvent.ButtonPressed.class, pressed -> {
          assertThat(pressed.token()).isEqualTo("c:tok");
          assertThat(pressed.user().userId()).isEqualTo(Long.toString(Events.OTHER_USER));
          assertThat(pressed.message()).isEqualTo(new MessageRef(GUILD, Long.toString(PREVIEW)));
          assertThat(pressed.kind()).isEqualTo(ChatKind.GROUP);
        });
  }

  @Test
  void coreEditingThePreviewChangesTheMessageTheButtonSitsOnAndRemovesTheButtons() {
    harness.started().core =
        event -> harness.platform.edit(((ChatEvent.ButtonPressed) event).message(), OutboundMessage.text("Placed: order list 42"));
    ButtonInteractionEvent event = Events.button(InteractionContextType.GUILD, PREVIEW, "c:tok", Events.USER);

    harness.listener().onButtonInteraction(event);

    ArgumentCaptor<MessageEditData> edit = ArgumentCaptor.forClass(MessageEditData.class);
    verify(event.getHook()).editOriginal(edit.capture());
    assertThat(edit.getValue().getContent()).isEqualTo("Placed: order list 42");
    assertThat(edit.getValue().getComponents()).isEmpty();
  }

  @Test
  void theButtonsHookStillEditsThePreviewAfterCoreReturned() {
    harness.started();
    ButtonInteractionEvent event = Events.button(InteractionContextType.GUILD, PREVIEW, "c:tok", Events.USER);
    harness.listener().onButtonInteraction(event);

    harness.platform.edit(new MessageRef(GUILD, Long.toString(PREVIEW)), OutboundMessage.text("Filled."));

    verify(event.getHook()).editOriginal(any(MessageEditData.class));
  }

  @Test
  void whatCoreSendsWhileHandlingAPressIsAnEphemeralFollowUpInAGuild() {
    harness.started().core = event -> harness.platform.send(event.chat(), OutboundMessage.text("That preview has expired."));
    ButtonInteractionEvent event = Events.button(InteractionContextType.GUILD, PREVIEW, "c:tok", Events.USER);

    harness.listener().onButtonInteraction(event);

    ArgumentCaptor<MessageCreateData> followUp = ArgumentCaptor.forClass(MessageCreateData.class);
    verify(event.getHook()).sendMessage(followUp.capture());
    assertThat(followUp.getValue().getContent()).isEqualTo("That preview has expired.");
    verify(Events.followUps(event.getHook())).setEphemeral(true);
  }

  @Test
  void inADirectMessageTheFollowUpIsAnOrdinaryMessage() {
    harness.started().core = event -> harness.platform.send(event.chat(), OutboundMessage.text("Cancelled."));
    ButtonInteractionEvent event = Events.button(InteractionContextType.BOT_DM, PREVIEW, "x:tok", Events.USER);

    harness.listener().onButtonInteraction(event);

    verify(Events.followUps(event.getHook())).setEphemeral(false);
  }
}
