package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.chat.ChatEvent;
import dev.orderlistbot.core.command.Command;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.Transactor;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /audit [USER] [N]}: an admin of the bot reads the latest audit entries in a private chat.
 * Anyone else is refused; in a group the admin is asked to ask in private and nothing of the log is
 * shown there. Each reading is itself audited ({@link AuditAction#AUDIT_READ}). Thread-safe.
 */
final class AuditCommands {
  private final EngineConfig config;
  private final Transactor transactor;
  private final Clock clock;
  private final ChatOut out;

  AuditCommands(EngineConfig config, Transactor transactor, Clock clock, ChatOut out) {
    this.config = Objects.requireNonNull(config, "config");
    this.transactor = Objects.requireNonNull(transactor, "transactor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.out = Objects.requireNonNull(out, "out");
  }

  void show(ChatEvent.TextMessage message, Command.ShowAudit command) {
    if (!config.isAdmin(message.user())) {
      out.send(message.chat(), AuditTexts.adminsOnly());
      return;
    }
    if (!message.kind().isPrivate()) {
      out.send(message.chat(), AuditTexts.askInPrivate());
      return;
    }
    String whose = command.user().map(Object::toString).orElse("everyone");
    List<AuditEntry> entries =
        transactor.inTransaction(
            stores -> {
              List<AuditEntry> read = stores.audit().recent(command.user(), command.count());
              stores.audit().record(
                  new AuditEntry(
                      clock.instant(), message.user(), AuditAction.AUDIT_READ, "audit:" + whose + " " + command.count(),
                      Optional.of(message.chat())));
              return read;
            });
    out.send(
        message.chat(),
        entries.isEmpty() ? AuditTexts.empty(command.user()) : AuditTexts.entries(command.user(), entries));
  }
}
