package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.port.out.AlertMode;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.Transactor;
import java.util.List;
import java.util.Optional;

/**
 * {@code /alerts}: a group or channel subscribes to the caller's order-list notifications ({@code
 * on}, or {@code redacted} without quantities), or stops ({@code off}); in a private chat {@code
 * /alerts} lists the caller's subscribed chats. The caller is already allowed (BotEngine checked);
 * where a platform knows chat admins, its adapter refuses non-admins before core (Discord's Manage
 * Channels), Telegram cannot tell core, so any allowed user may subscribe a group to their own lists.
 * Thread-safe.
 */
final class AlertCommands {
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
