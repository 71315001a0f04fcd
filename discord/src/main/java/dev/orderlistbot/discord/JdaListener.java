package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.chat.CodeButtons;
import dev.orderlistbot.core.chat.ChatKind;
import dev.orderlistbot.core.port.in.ChatEventHandler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDA's events in: acknowledgement first (Discord allows 3 seconds), then the translated event to
 * core on the injected executor (virtual threads in the app), never on JDA's event thread.
 *
 * <ul>
 *   <li>A slash command is deferred ({@code deferReply}, ephemeral in guilds) and its chat line goes
 *       to core; {@code /setkey} answers with the key modal instead; {@code /alerts MODE} in a guild
 *       from a member without Manage Channels is refused at once.
 *   <li>A button is deferred ({@code deferEdit}) and its token goes to core.
 *   <li>The key modal is deferred (always ephemeral) and its {@code /setkey} line goes to core.
 *   <li>A button that asks for a step-up code ({@link CodeButtons}) is answered with the code form
 *       ({@link CodeModal}); its submission is deferred (ephemeral) and goes to core with the code.
 *   <li>Autocomplete of {@code symbol} answers from the exchange's symbols.
 * </ul>
 *
 * <p>If core throws (it should not), the user gets a short reference that matches the log line.
 */
final class JdaListener extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(JdaListener.class);

  private final ChatEventHandler handler;
  private final Interactions interactions;
  private final Supplier<List<String>> symbols;
  private final Executor executor;

  JdaListener(
      ChatEventHandler handler,
      Interactions interactions,
      Supplier<List<String>> symbols,
      Executor executor) {
    this.handler = handler;
    this.interactions = interactions;
    this.symbols = symbols;
    this.executor = executor;
  }

  @Override
  public void onReady(ReadyEvent event) {
    event
        .getJDA()
        .updateCommands()
        .addCommands(SlashCommands.all())
        .queue(
            done -> log.info("Discord: {} slash commands registered", done.size()),
            failure -> log.warn("Discord: registering the slash commands failed", failure));
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    try {
      switch (InteractionTranslator.slash(event)) {
        case SlashAction.OpenKeyModal open -> event.replyModal(KeyModal.create()).queue(ok -> {}, this::ackFailed);
        case SlashAction.Refuse refuse -> event.reply(refuse.text()).setEphemeral(true).queue(ok -> {}, this::ackFailed);
        case SlashAction.Forward forward -> {
          boolean ephemeral = InteractionTranslator.kind(event) == ChatKind.GROUP;
          event.deferReply(ephemeral).queue(ok -> {}, this::ackFailed);
          ChatEvent.TextMessage message = InteractionTranslator.textMessage(event, forward.line());
          hand(
              message,
              new InteractionReply(
                  message.message(), event.getHook(), InteractionReply.Mode.DEFERRED_REPLY, ephemeral),
              reference(event));
        }
      }
    } catch (RuntimeException e) {
      failedBeforeCore(event, e);
    }
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    try {
      if (CodeButtons.asksForCode(event.getComponentId())) {
        // a modal must be the first answer: core hears the press only with its code
        event.replyModal(CodeModal.create(event.getComponentId())).queue(ok -> {}, this::ackFailed);
        return;
      }
      event.deferEdit().queue(ok -> {}, this::ackFailed);
      ChatEvent.ButtonPressed pressed = InteractionTranslator.buttonPressed(event);
      boolean ephemeral = pressed.kind() == ChatKind.GROUP;
      // the fresh hook can edit the message the button sits on, ephemeral or not, for 15 minutes
      interactions.remember(pressed.message(), HookedMessage.original(event.getHook()));
      hand(
          pressed,
          new InteractionReply(
              pressed.message(), event.getHook(), InteractionReply.Mode.DEFERRED_EDIT, ephemeral),
          reference(event));
    } catch (RuntimeException e) {
      failedBeforeCore(event, e);
    }
  }

  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    try {
      Optional<ChatEvent> submission =
          InteractionTranslator.keySubmission(event).<ChatEvent>map(m -> m).or(() -> CodeModal.entered(event));
      if (submission.isEmpty()) {
        event.reply(DiscordTexts.unknownForm()).setEphemeral(true).queue(ok -> {}, this::ackFailed);
        return;
      }
      // what answers a key or a code is private, in a DM too
      event.deferReply(true).queue(ok -> {}, this::ackFailed);
      ChatEvent message = submission.get();
      hand(
          message,
          new InteractionReply(
              InteractionTranslator.eventRef(event), event.getHook(), InteractionReply.Mode.DEFERRED_REPLY, true),
          reference(event));
    } catch (RuntimeException e) {
      failedBeforeCore(event, e);
    }
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (SlashCommands.HELP_TOPIC_OPTION.equals(event.getFocusedOption().getName())) {
      event.replyChoices(SlashCommands.helpTopics(event.getFocusedOption().getValue())).queue(ok -> {}, this::ackFailed);
      return;
    }
    if (!SlashCommands.SYMBOL_OPTION.equals(event.getFocusedOption().getName())) {
      event.replyChoices(List.of()).queue(ok -> {}, this::ackFailed);
      return;
    }
    String typed = event.getFocusedOption().getValue();
    try {
      executor.execute(() -> event.replyChoices(choices(typed)).queue(ok -> {}, this::ackFailed));
    } catch (RejectedExecutionException e) {
      log.debug("Discord: no thread for autocomplete (shutting down?)");
    }
  }

  private List<Command.Choice> choices(String typed) {
    try {
      return SymbolChoices.matching(symbols.get(), typed);
    } catch (RuntimeException e) {
      log.warn("Discord: the symbol list for autocomplete is unavailable", e);
      return List.of();
    }
  }

  private void hand(ChatEvent event, InteractionReply reply, String reference) {
    try {
      executor.execute(() -> handle(event, reply, reference));
    } catch (RejectedExecutionException e) {
      log.warn("Discord: no thread to handle an interaction (ref {}); shutting down?", reference);
      reply.fail(DiscordTexts.somethingWentWrong(reference));
    }
  }

  private void handle(ChatEvent event, InteractionReply reply, String reference) {
    interactions.open(reply);
    try {
      handler.handle(event);
    } catch (RuntimeException e) {
      // the event's toString never holds typed text (it may be a /setkey line)
      log.error("Discord: core failed on {} (ref {})", event, reference, e);
      reply.fail(DiscordTexts.somethingWentWrong(reference));
    } finally {
      interactions.close(reply);
      reply.finish();
    }
  }

  private void failedBeforeCore(IReplyCallback event, RuntimeException e) {
    String reference = reference(event);
    log.error("Discord: could not translate an interaction (ref {})", reference, e);
    if (!event.isAcknowledged()) {
      event
          .reply(DiscordTexts.somethingWentWrong(reference))
          .setEphemeral(true)
          .queue(ok -> {}, this::ackFailed);
    }
  }

  private void ackFailed(Throwable failure) {
    log.warn("Discord: answering an interaction failed", failure);
  }

  /** A short reference for the user and the log: the end of the interaction's id, in hex. */
  static String reference(Interaction interaction) {
    return String.format("%06x", interaction.getIdLong() & 0xFFFFFFL);
  }
}
