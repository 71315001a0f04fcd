package dev.orderlistbot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.orderlistbot.core.domain.Secret;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class LifecycleTest {
  private final AtomicReference<JdaListener> captured = new AtomicReference<>();

  @Test
  void startLogsInWithTheConfiguredToken() {
    AtomicReference<String> usedToken = new AtomicReference<>();
    JDA jda = mock(JDA.class);
    DiscordChatPlatform platform =
        new DiscordChatPlatform(
            new DiscordConfig(Secret.of(Harness.TOKEN)), List::of, Runnable::run,
            (token, listener) -> {
              usedToken.set(token.reveal());
              return jda;
            });

    platform.start(event -> {});

    assertThat(usedToken).hasValue(Harness.TOKEN);
    assertThat(platform.platform()).isEqualTo("discord");
  }

  @Test
  void startingTwiceIsRefused() {
    Harness harness = new Harness().started();

    assertThatThrownBy(() -> harness.platform.start(event -> {})).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onceConnectedEverySlashCommandIsRegisteredGlobally() {
    Harness harness = new Harness().started();
    ReadyEvent ready = mock(ReadyEvent.class);
    when(ready.getJDA()).thenReturn(harness.jda);
    CommandListUpdateAction update = mock(CommandListUpdateAction.class, RETURNS_SELF);
    when(harness.jda.updateCommands()).thenReturn(update);

    harness.listener().onReady(ready);

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Collection<CommandData>> commands = ArgumentCaptor.forClass(Collection.class);
    verify(update).addCommands(commands.capture());
    assertThat(commands.getValue()).extracting(CommandData::getName).hasSize(SlashCommands.values().length);
    verify(update).queue(any(), any());
  }

  @Test
  void symbolAutocompleteOffersTheExchangeSymbolsThatStartWithWhatWasTyped() {
    Harness harness = new Harness().started();
    CommandAutoCompleteInteractionEvent event = autocomplete("symbol", "bt");

    harness.listener().onCommandAutoCompleteInteraction(event);

    assertThat(choices(event)).containsExactly("BTCFDUSD", "BTCUSDT");
  }

  @Test
  void autocompleteOffersAtMostTwentyFiveSymbols() {
    List<String> many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "SYM" + i + "USDT").toList();

    assertThat(SymbolChoices.matching(many, "")).hasSize(25);
    assertThat(SymbolChoices.matching(many, "sym1")).extracting(Command.Choice::getAsString).hasSize(11);
  }

  @Test
  void autocompleteWithoutSymbolsOffersNothingRatherThanFailing() {
    Harness harness = new Harness(Runnable::run);
    DiscordChatPlatform failing =
        new DiscordChatPlatform(
            new DiscordConfig(Secret.of(Harness.TOKEN)),
            () -> {
              throw new IllegalStateException("exchange down");
            },
            Runnable::run,
            (token, listener) -> {
              captured.set((JdaListener) listener);
              return harness.jda;
            });
    failing.start(event -> {});
    CommandAutoCompleteInteractionEvent event = autocomplete("symbol", "BT");

    captured.get().onCommandAutoCompleteInteraction(event);

    assertThat(choices(event)).isEmpty();
  }

  @Test
  void aStandbyInstanceSendsOnDiscordOnlyWhileItHoldsTheConnectionAndMayConnectAgain() throws Exception {
    List<String> logins = new java.util.ArrayList<>();
    JDA jda = mock(JDA.class);
    when(jda.awaitShutdown(any(Duration.class))).thenReturn(true);
    DiscordChatPlatform platform =
        new DiscordChatPlatform(
            new DiscordConfig(Secret.of(Harness.TOKEN)), List::of, Runnable::run,
            (token, listener) -> {
              logins.add("login");
              return jda;
            });
    assertThat(platform.sendsHere()).as("before its lease").isFalse();

    platform.start(event -> {});
    assertThat(platform.sendsHere()).isTrue();
    platform.close();
    assertThat(platform.sendsHere()).as("lease lost").isFalse();
    platform.start(event -> {});

    assertThat(platform.sendsHere()).isTrue();
    assertThat(logins).hasSize(2);
  }

  @Test
  void closeShutsJdaDownAndWaitsForIt() throws Exception {
    Harness harness = new Harness().started();
    when(harness.jda.awaitShutdown(any(Duration.class))).thenReturn(true);

    harness.platform.close();
    harness.platform.close();

    verify(harness.jda).shutdown();
    verify(harness.jda, never()).shutdownNow();
  }

  @Test
  void closeForcesJdaDownWhenItIsSlow() throws Exception {
    Harness harness = new Harness().started();
    when(harness.jda.awaitShutdown(any(Duration.class))).thenReturn(false);

    harness.platform.close();

    verify(harness.jda).shutdownNow();
  }

  @Test
  void aBlankTokenIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> new DiscordConfig(Secret.of("  "))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DiscordConfig(Secret.of("abc def-token-part")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("def-token-part");
  }

  private static CommandAutoCompleteInteractionEvent autocomplete(String option, String typed) {
    CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
    AutoCompleteQuery query = mock(AutoCompleteQuery.class);
    when(query.getName()).thenReturn(option);
    when(query.getValue()).thenReturn(typed);
    when(event.getFocusedOption()).thenReturn(query);
    AutoCompleteCallbackAction reply = mock(AutoCompleteCallbackAction.class, RETURNS_SELF);
    when(event.replyChoices(anyCollection())).thenReturn(reply);
    return event;
  }

  private static List<String> choices(CommandAutoCompleteInteractionEvent event) {
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Collection<Command.Choice>> choices = ArgumentCaptor.forClass(Collection.class);
    verify(event).replyChoices(choices.capture());
    return choices.getValue().stream().map(Command.Choice::getAsString).toList();
  }
}
