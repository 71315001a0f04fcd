package dev.orderlistbot.discord;

import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A message an interaction's hook can still edit or delete (for 15 minutes): the interaction's own
 * original response ({@code followupId} empty: a slash command's deferred reply, or the message a
 * pressed button sits on) or one of its follow-ups. Ephemeral messages can only be changed this way.
 */
record HookedMessage(InteractionHook hook, Optional<String> followupId) {

  static HookedMessage original(InteractionHook hook) {
    return new HookedMessage(hook, Optional.empty());
  }

  static HookedMessage followup(InteractionHook hook, String messageId) {
    return new HookedMessage(hook, Optional.of(messageId));
  }

  boolean live() {
    return !hook.isExpired();
  }

  RestAction<Message> edit(MessageEditData data) {
    return followupId.isPresent()
        ? hook.editMessageById(followupId.get(), data)
        : hook.editOriginal(data);
  }

  RestAction<Void> delete() {
    return followupId.isPresent() ? hook.deleteMessageById(followupId.get()) : hook.deleteOriginal();
  }
}
