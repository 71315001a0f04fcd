package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.port.out.AlertMode;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.ChatDeliveryException;
import dev.orderlistbot.core.port.out.Transactor;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /alerts}: a group or channel subscribes to the caller's order-list notifications ({@code
 * on}, or {@code redacted} without quantities), or stops ({@code off}); in a private chat {@code
 * /alerts} lists the caller's subscribed chats. The caller is already allowed (BotEngine checked);
 * turning alerts on also needs an admin of the chat where the platform can tell: Telegram is asked
 * ({@code getChatMember}), Discord's adapter requires Manage Channels before core sees the command.
 * Anyone may turn their own alerts off. Thread-safe.
 */
final class AlertCommands {
  private static final Logger LOG = LoggerFactory.getLogger(AlertCommands.class);

  private final Transactor transactor;
  private final ChatOut out;

  AlertCommands(Transactor transactor, ChatOut out) {
    this.transactor = transactor;
    this.out = out;
  }

  void set(ChatEvent.TextMessage message, Command.AlertMode mode) {
    if (message.kind().isPrivate()) {
      out.send(message.chat(), Replies.alertsInGroupsOnly());
      return;
    }
    if (mode != Command.AlertMode.OFF && !mayTurnOn(message)) {
      return;
    }
    String reply =
        switch (mode) {
          case ON, REDACTED -> {
            AlertMode stored = mode == Command.AlertMode.ON ? AlertMode.ON : AlertMode.REDACTED;
            transactor.inTransaction(
                stores -> {
                  stores.subscriptions().subscribe(new AlertSubscription(message.chat(), message.user(), stored));
                  return null;
                });
            yield Replies.alertsOn(stored == AlertMode.REDACTED);
          }
          case OFF ->
              Replies.alertsOff(
                  transactor.inTransaction(stores -> stores.subscriptions().unsubscribe(message.chat(), message.user())));
        };
    out.send(message.chat(), reply);
  }

  /** Whether the caller administers the chat, as far as its platform tells; answers them if not. */
  private boolean mayTurnOn(ChatEvent.TextMessage message) {
    Optional<Boolean> admin;
    try {
      admin = out.isAdmin(message.chat(), message.user());
    } catch (ChatDeliveryException e) {
      LOG.warn("could not ask whether {} administers {}: {}", message.user(), message.chat(), e.getMessage());
      out.send(message.chat(), Replies.alertsAdminUnknown());
      return false;
    }
    if (admin.isPresent() && !admin.get()) {
      out.send(message.chat(), Replies.alertsAdminsOnly());
      return false;
    }
    return true;
  }

  void list(ChatEvent.TextMessage message) {
    List<AlertSubscription> mine = transactor.inTransaction(stores -> stores.subscriptions().forOwner(message.user()));
    if (message.kind().isPrivate()) {
      out.send(message.chat(), Replies.alertsList(mine));
      return;
    }
    Optional<AlertMode> here =
        mine.stream().filter(s -> s.chat().equals(message.chat())).map(AlertSubscription::mode).findFirst();
    out.send(message.chat(), Replies.alertsHere(here));
  }
}
