package dev.orderlistbot.core.engine;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every sentence of {@code /audit}, and the compact line of one entry: time (UTC), who, what, the
 * subject (a reference id, never a secret) and where. Stateless.
 */
final class AuditTexts {
  private AuditTexts() {}

  static String adminsOnly() {
    return "Only an admin of this bot (BOT_ADMINS) can read the audit log. Your own orders: /orders; your key: /keys.";
  }

  static String askInPrivate() {
    return "The audit log names traders and their orders: ask me in private (send /audit in your chat with me).";
  }

  static String empty(Optional<UserRef> user) {
    return user.map(u -> "The audit log has no entries of " + u + ".").orElse("The audit log has no entries yet.");
  }

  static String entries(Optional<UserRef> user, List<AuditEntry> entries) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Audit log, newest first (" + entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies")
            + user.map(u -> " of " + u).orElse("") + "):");
    entries.forEach(entry -> lines.add(line(entry)));
    return String.join("\n", lines);
  }

  static String line(AuditEntry entry) {
    return Figures.time(entry.occurredAt()) + " · " + entry.actor() + " · " + entry.action() + " · " + entry.subject()
        + " · " + where(entry.actor(), entry.chat());
  }

  private static String where(UserRef actor, Optional<ChatRef> chat) {
    if (chat.isEmpty()) {
      return "no chat";
    }
    ChatRef at = chat.get();
    boolean privateChat = at.platform().equals(actor.platform()) && at.chatId().equals(actor.userId());
    return privateChat ? "private" : "chat " + at.platform() + ":" + at.chatId();
  }
}
