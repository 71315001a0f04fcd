package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AuditAction;
import dev.orderlistbot.core.port.out.AuditEntry;
import dev.orderlistbot.core.port.out.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JdbcAuditLog implements AuditLog {
  private final Session session;

  JdbcAuditLog(Session session) {
    this.session = session;
  }

  @Override
  public void record(AuditEntry entry) {
    Objects.requireNonNull(entry, "entry");
    session.run(
        "write the audit log",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO audit_log (occurred_at, actor_platform, actor_user_id, action, subject,"
                      + " chat_platform, chat_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, Rows.timestamp(entry.occurredAt()));
            insert.setString(2, entry.actor().platform());
            insert.setString(3, entry.actor().userId());
            insert.setString(4, entry.action().name());
            insert.setString(5, entry.subject());
            insert.setString(6, entry.chat().map(ChatRef::platform).orElse(null));
            insert.setString(7, entry.chat().map(ChatRef::chatId).orElse(null));
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public List<AuditEntry> recentBy(UserRef actor, int max) {
    Objects.requireNonNull(actor, "actor");
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    return session.run(
        "read the audit log",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT occurred_at, actor_platform, actor_user_id, action, subject, chat_platform, chat_id"
                      + " FROM audit_log WHERE actor_platform = ? AND actor_user_id = ?"
                      + " ORDER BY occurred_at DESC, audit_id DESC")) {
            select.setString(1, actor.platform());
            select.setString(2, actor.userId());
            select.setMaxRows(max);
            return Rows.list(select, JdbcAuditLog::map);
          }
        });
  }

  @Override
  public List<AuditEntry> recentOfEveryone(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    return session.run(
        "read the audit log",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT occurred_at, actor_platform, actor_user_id, action, subject, chat_platform, chat_id"
                      + " FROM audit_log ORDER BY occurred_at DESC, audit_id DESC")) {
            select.setMaxRows(max);
            return Rows.list(select, JdbcAuditLog::map);
          }
        });
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return session.run(
        "purge the audit log", c -> Rows.deleteBefore(c, "DELETE FROM audit_log WHERE occurred_at < ?", cutoff));
  }

  private static AuditEntry map(ResultSet row) throws SQLException {
    String chatPlatform = row.getString("chat_platform");
    Optional<ChatRef> chat =
        chatPlatform == null ? Optional.empty() : Optional.of(Rows.chat(row, "chat_platform", "chat_id"));
    return new AuditEntry(
        Rows.instant(row, "occurred_at"),
        Rows.user(row, "actor"),
        AuditAction.valueOf(row.getString("action")),
        row.getString("subject"),
        chat);
  }
}
