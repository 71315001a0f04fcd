package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.OwedActionStore;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** {@link OwedActionStore} over {@code owed_action}. */
final class JdbcOwedActionStore implements OwedActionStore {
  private final Session session;

  JdbcOwedActionStore(Session session) {
    this.session = session;
  }

  @Override
  public void owe(UUID confirmationId, Instant since) {
    Objects.requireNonNull(confirmationId, "confirmationId");
    Objects.requireNonNull(since, "since");
    session.run(
        "record an owed action",
        c -> Transactions.insertIfAbsent(
            c,
            conn -> {
              try (PreparedStatement insert =
                  conn.prepareStatement("INSERT INTO owed_action (confirmation_id, owed_since) VALUES (?, ?)")) {
                insert.setString(1, confirmationId.toString());
                insert.setObject(2, Rows.timestamp(since));
                return insert.executeUpdate();
              }
            }));
  }

  @Override
  public boolean paid(UUID confirmationId) {
    Objects.requireNonNull(confirmationId, "confirmationId");
    return session.run(
        "forget an owed action",
        c -> {
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM owed_action WHERE confirmation_id = ?")) {
            delete.setString(1, confirmationId.toString());
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean isOwed(UUID confirmationId) {
    Objects.requireNonNull(confirmationId, "confirmationId");
    return session.run(
        "read whether an action is owed",
        c -> {
          try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM owed_action WHERE confirmation_id = ?")) {
            select.setString(1, confirmationId.toString());
            return !Rows.list(select, row -> row.getInt(1)).isEmpty();
          }
        });
  }

  @Override
  public List<UUID> owedUntil(Instant cutoff, int limit) {
    Objects.requireNonNull(cutoff, "cutoff");
    return session.run(
        "list the owed actions",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT confirmation_id FROM owed_action WHERE owed_since <= ? ORDER BY owed_since, confirmation_id"
                      + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
            select.setObject(1, Rows.timestamp(cutoff));
            return Rows.list(select, row -> UUID.fromString(row.getString("confirmation_id")));
          }
        });
  }
}
