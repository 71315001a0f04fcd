package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.PaperStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The paper exchange's snapshot in the single row of {@code paper_state}. A save updates the row, or
 * inserts it the first time; one statement in one transaction, so a reader sees the old snapshot or
 * the new one.
 */
final class JdbcPaperStateStore implements PaperStateStore {
  private static final int ROW = 1;

  private final Session session;
  private final Clock clock;

  JdbcPaperStateStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public Optional<String> load() {
    return session.run(
        "read the paper exchange state",
        c -> {
          try (PreparedStatement select = c.prepareStatement("SELECT snapshot FROM paper_state WHERE state_id = ?")) {
            select.setInt(1, ROW);
            return Rows.first(select, row -> row.getString("snapshot"));
          }
        });
  }

  @Override
  public void save(String snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    session.run(
        "save the paper exchange state",
        c -> {
          if (update(c, snapshot) == 1) {
            return null;
          }
          boolean inserted =
              Transactions.insertIfAbsent(
                  c,
                  conn -> {
                    try (PreparedStatement insert =
                        conn.prepareStatement("INSERT INTO paper_state (state_id, snapshot, saved_at) VALUES (?, ?, ?)")) {
                      insert.setInt(1, ROW);
                      insert.setString(2, snapshot);
                      insert.setObject(3, Rows.timestamp(clock.instant()));
                      return insert.executeUpdate();
                    }
                  });
          if (!inserted) {
            // another saver inserted the row first: ours is the later save, so it wins
            update(c, snapshot);
          }
          return null;
        });
  }

  private int update(Connection c, String snapshot) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE paper_state SET snapshot = ?, saved_at = ? WHERE state_id = ?")) {
      update.setString(1, snapshot);
      update.setObject(2, Rows.timestamp(clock.instant()));
      update.setInt(3, ROW);
      return update.executeUpdate();
    }
  }
}
