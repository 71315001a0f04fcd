package dev.orderlistbot.discord;

import dev.orderlistbot.core.chat.MessageRef;
import dev.orderlistbot.core.domain.ChatRef;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which interaction an outgoing message belongs to. The adapter opens an {@link InteractionReply}
 * for each interaction while core handles it, keyed by the event's {@link MessageRef} (made from the
 * interaction id).
 *
 * <p><b>Routing a send.</b> Core's {@code send(chat, message)} names only the chat. Core answers an
 * event on the thread that handed it over ({@code ChatEventHandler.handle} blocks until answered),
 * so a send to the event's chat from the thread handling it is the answer; anything else (a fill
 * notice drained by the notification dispatcher on its own thread, even while someone's command in
 * that channel is being answered) is not, and goes to the channel. The thread is recorded in the
 * open reply here, not in a {@code ThreadLocal}.
 *
 * <p><b>Editing.</b> Messages sent through a hook (ephemeral ones can be changed no other way) and
 * messages whose button was pressed are remembered with the hook that can edit them, until the hook
 * expires.
 *
 * <p>Thread-safe.
 */
final class Interactions {
  private static final int MAX_EVENT_REFS = 4096;

  private final Map<InteractionReply, Thread> open = new ConcurrentHashMap<>();
  private final Map<MessageRef, HookedMessage> hooked = new ConcurrentHashMap<>();
  private final Set<MessageRef> eventRefs =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<MessageRef, Boolean> eldest) {
                  return size() > MAX_EVENT_REFS;
                }
              }));

  /** Marks {@code reply} as being handled by the calling thread. */
  void open(InteractionReply reply) {
    if (reply.mode() == InteractionReply.Mode.DEFERRED_REPLY) {
      eventRefs.add(reply.event());
    }
    open.put(reply, Thread.currentThread());
  }

  void close(InteractionReply reply) {
    open.remove(reply);
  }

  /** The reply a send to {@code chat} from the calling thread answers, if any. */
  Optional<InteractionReply> replyingIn(ChatRef chat) {
    Thread caller = Thread.currentThread();
    return open.entrySet().stream()
        .filter(e -> e.getValue() == caller && e.getKey().chat().equals(chat))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Remembers the hook that can edit {@code message}; forgets hooks that expired. */
  void remember(MessageRef message, HookedMessage hook) {
    hooked.values().removeIf(h -> !h.live());
    hooked.put(message, hook);
  }

  Optional<HookedMessage> hookFor(MessageRef message) {
    return Optional.ofNullable(hooked.get(message)).filter(HookedMessage::live);
  }

  /**
   * Whether {@code message} is the reference of a slash command or modal event rather than a real
   * message: nothing was posted for it, so there is nothing to delete.
   */
  boolean isEventRef(MessageRef message) {
    return eventRefs.contains(message);
  }
}
