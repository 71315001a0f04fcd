package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The answer channel of one acknowledged interaction while core handles it: what core sends to the
 * interaction's chat goes through the interaction's hook, ephemeral in guilds.
 *
 * <ul>
 *   <li>{@link Mode#DEFERRED_REPLY} (a slash command or the key modal, acknowledged with {@code
 *       deferReply}): core's first message becomes the deferred reply ({@code editOriginal}); the
 *       next ones are follow-ups.
 *   <li>{@link Mode#DEFERRED_EDIT} (a button, acknowledged with {@code deferEdit}): the original is
 *       the message the button sits on, which core changes with an edit; what core sends is a
 *       follow-up.
 * </ul>
 *
 * <p>Thread-safe; {@link #send} calls block until Discord answered.
 */
final class InteractionReply {
  enum Mode {
    DEFERRED_REPLY,
    DEFERRED_EDIT
  }

  private final MessageRef event;
  private final InteractionHook hook;
  private final Mode mode;
  private final boolean ephemeral;
  private boolean answered;

  InteractionReply(MessageRef event, InteractionHook hook, Mode mode, boolean ephemeral) {
    this.event = Objects.requireNonNull(event, "event");
    this.hook = Objects.requireNonNull(hook, "hook");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.ephemeral = ephemeral;
  }

  MessageRef event() {
    return event;
  }

  Mode mode() {
    return mode;
  }

  ChatRef chat() {
    return event.chat();
  }

  /**
   * Sends {@code pages} through the hook and answers the last one's reference; every message sent
   * is registered in {@code interactions} so a later edit goes through this hook too.
   */
  synchronized MessageRef send(List<DiscordRenderer.Page> pages, Interactions interactions) {
    MessageRef last = null;
    for (DiscordRenderer.Page page : pages) {
      last = sendOne(page, interactions);
    }
    return Objects.requireNonNull(last, "no page to send");
  }

  private MessageRef sendOne(DiscordRenderer.Page page, Interactions interactions) {
    if (mode == Mode.DEFERRED_REPLY && !answered) {
      Message message =
          DeliveryFailures.call("reply to " + event, () -> hook.editOriginal(page.edit()).complete());
      answered = true;
      MessageRef ref = ref(message);
      interactions.remember(ref, HookedMessage.original(hook));
      return ref;
    }
    Message message =
        DeliveryFailures.call(
            "follow-up to " + event,
            () -> hook.sendMessage(page.create()).setEphemeral(ephemeral).complete());
    MessageRef ref = ref(message);
    interactions.remember(ref, HookedMessage.followup(hook, ref.messageId()));
    return ref;
  }

  /**
   * After core returned: a deferred reply core never filled would show "thinking…" until Discord
   * gives up, so it is removed.
   */
  synchronized void finish() {
    if (mode == Mode.DEFERRED_REPLY && !answered) {
      hook.deleteOriginal().queue(ok -> {}, failure -> {});
    }
  }

  /** Core failed: say so with a reference that matches the log, through the same hook. */
  synchronized void fail(String text) {
    if (mode == Mode.DEFERRED_REPLY && !answered) {
      answered = true;
      hook.editOriginal(MessageEditData.fromContent(text)).queue(ok -> {}, failure -> {});
    } else {
      hook.sendMessage(text).setEphemeral(ephemeral).queue(ok -> {}, failure -> {});
    }
  }

  private MessageRef ref(Message message) {
    return new MessageRef(chat(), Long.toUnsignedString(message.getIdLong()));
  }
}
