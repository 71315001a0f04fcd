package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.slf4j.LoggerFactory;

/** The bot token and a trader's key never reach a log line, an exception message or a channel. */
class SecretsNeverLeakTest {
  private static final String TOKEN = Harness.TOKEN;
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String API_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private static final String STEP_UP_CODE = "480315";

  @Test
  void aFailedLoginNamesNoTokenEvenWhenJdasExceptionQuotesIt() {
    DiscordChatPlatform platform =
        new DiscordChatPlatform(
            new DiscordConfig(Secret.of(TOKEN)), List::of, Runnable::run,
            (token, listener) -> {
              throw new IllegalArgumentException(
                  "login refused for " + token.reveal(), new IllegalStateException("Authorization: Bot " + token.reveal()));
            });

    String logged;
    Throwable failure;
    try (CapturedLogs logs = new CapturedLogs()) {
      failure = catchThrowable(() -> platform.start(event -> {}));
      // what the app does with it
      LoggerFactory.getLogger("app").error("Discord did not start", failure);
      logged = logs.all();
    }

    assertThat(failure).isInstanceOf(IllegalStateException.class).hasNoCause();
    assertThat(failure.getMessage()).contains("login refused for ***").contains("Authorization: Bot ***");
    assertThat(stackTrace(failure)).doesNotContain(TOKEN);
    assertThat(logged).contains("Discord did not start").doesNotContain(TOKEN);
  }

  @Test
  void theConfigNeverPrintsTheToken() {
    assertThat(new DiscordConfig(Secret.of(TOKEN)).toString()).doesNotContain(TOKEN).contains("***");
  }

  @Test
  void aWholeSessionLogsNeitherTheTokenNorAKey() {
    Harness harness = new Harness();
    String logged;
    try (CapturedLogs logs = new CapturedLogs()) {
      harness.started().core =
          event -> {
            if (event instanceof ChatEvent.TextMessage text && text.text().startsWith("/setkey")) {
              throw new IllegalStateException("vault refused the key");
            }
            if (event instanceof ChatEvent.CodeEntered code) {
              throw new IllegalStateException("step-up check failed for " + code);
            }
            harness.platform.send(
                event.chat(), OutboundMessage.withButtons("Preview", new Button("Confirm", "c:1")));
          };
      ReadyEvent ready = mock(ReadyEvent.class);
      when(ready.getJDA()).thenReturn(harness.jda);
      when(harness.jda.updateCommands()).thenReturn(mock(CommandListUpdateAction.class, RETURNS_SELF));
      harness.listener().onReady(ready);
      harness.listener().onSlashCommandInteraction(
          Events.slash(InteractionContextType.GUILD, "oco",
              Map.of("symbol", "BTCUSDT", "side", "sell", "quantity", "0.01", "tp", "32000", "sl", "29000")));
      ModalInteractionEvent key =
          Events.modal(InteractionContextType.GUILD, "setkey", Map.of("api_key", API_KEY, "secret", API_SECRET));
      harness.listener().onModalInteraction(key);
      harness.listener().onButtonInteraction(Events.button(InteractionContextType.GUILD, 5L, "c:1", Events.USER));
      harness.listener().onModalInteraction(
          Events.modal(InteractionContextType.BOT_DM, "sk:AbCdEfGhIjKlMnOpQrStUv", Map.of("code", STEP_UP_CODE)));
      failingChannel(harness);
      Throwable refused =
          catchThrowable(() -> harness.platform.send(new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL)), OutboundMessage.text("x")));
      LoggerFactory.getLogger("outbox").warn("delivery failed", refused);
      harness.platform.close();
      logged = logs.all();

      ArgumentCaptor<MessageEditData> reply = ArgumentCaptor.forClass(MessageEditData.class);
      Mockito.verify(key.getHook()).editOriginal(reply.capture());
      assertThat(reply.getValue().getContent()).doesNotContain(API_SECRET).doesNotContain(API_KEY);
    }

    assertThat(logged).contains("core failed").doesNotContain(TOKEN).doesNotContain(API_SECRET).doesNotContain(API_KEY)
        .doesNotContain(STEP_UP_CODE);
  }

  private static void failingChannel(Harness harness) {
    MessageChannel channel = mock(MessageChannel.class);
    MessageCreateAction send = mock(MessageCreateAction.class, RETURNS_SELF);
    when(send.complete()).thenThrow(new IllegalArgumentException("bad request " + TOKEN));
    when(channel.sendMessage(any(MessageCreateData.class))).thenReturn(send);
    when(harness.jda.getChannelById(MessageChannel.class, Events.GUILD_CHANNEL)).thenReturn(channel);
  }

  @Test
  void aDeliveryFailureDoesNotCarryJdasMessage() {
    Harness harness = new Harness().started();
    failingChannel(harness);

    Throwable failure =
        catchThrowable(() -> harness.platform.send(new ChatRef("discord", Long.toString(Events.GUILD_CHANNEL)), OutboundMessage.text("x")));

    assertThat(failure).isInstanceOf(ChatDeliveryException.class);
    assertThat(stackTrace(failure)).doesNotContain(TOKEN);
  }

  private static String stackTrace(Throwable failure) {
    StringWriter out = new StringWriter();
    failure.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
