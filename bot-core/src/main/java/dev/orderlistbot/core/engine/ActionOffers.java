package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.Button;
import dev.orderlistbot.core.chat.OutboundMessage;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shows a trade action's preview with Confirm and Cancel, and the choices after a failed step
 * (Retry, Close at market), each button a pending action of its own: requester-only, single-use,
 * expiring, exactly like a placement's Confirm. Thread-safe.
 */
final class ActionOffers {
  /** A button and the action its press runs. */
  record Choice(String label, PendingAction action) {}

  private final EngineConfig config;
  private final PendingActions actions;
  private final ChatOut out;

  ActionOffers(EngineConfig config, PendingActions actions, ChatOut out) {
    this.config = config;
    this.actions = actions;
    this.out = out;
  }

  Duration ttl() {
    return config.confirmTtl();
  }

  /**
   * Says what asking for an action's preview came to: nothing more once the preview is shown (an
   * empty sentence), the refusal, or that there is no key (no sentence at all).
   */
  void answer(ChatRef chat, Optional<String> refusal) {
    if (refusal.isEmpty()) {
      out.send(chat, Replies.noKey());
    } else if (!refusal.get().isEmpty()) {
      out.send(chat, refusal.get());
    }
  }

  /** The preview of exactly what Confirm will do. */
  void offer(ChatRef chat, UserRef user, String text, PendingAction action) {
    String token = actions.create(user, chat, action, config.confirmTtl());
    OutboundMessage preview =
        OutboundMessage.withButtons(
            text, new Button(Replies.CONFIRM, Tokens.RUN + token), new Button(Replies.CANCEL, Tokens.WITHDRAW + token));
    out.send(chat, preview).ifPresent(sent -> actions.attach(token, sent));
  }

  /**
   * What the trader can do next, one button per choice, each working for the list buttons' time
   * (an unprotected position needs longer than a preview's minute).
   */
  void choices(ChatRef chat, UserRef user, String text, List<Choice> choices) {
    List<String> tokens = new ArrayList<>();
    List<Button> row = new ArrayList<>();
    for (Choice choice : choices) {
      String token = actions.create(user, chat, choice.action(), config.listButtonTtl());
      tokens.add(token);
      row.add(new Button(choice.label(), Tokens.RUN + token));
    }
    out.send(chat, new OutboundMessage(text, List.of(row))).ifPresent(sent -> tokens.forEach(t -> actions.attach(t, sent)));
  }
}
