package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperStateChange;
import dev.orderlistbot.core.port.out.PaperStateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The paper exchange's state: the rest in the single row of {@code paper_state} (layout 2), one row
 * of {@code paper_account} per account. A save writes the rows its change names, and only those, in
 * one transaction, so a reader after it (or after a crash) sees the state before or after, never a
 * mix. A row of layout 1 holds the whole state as the code before V20 wrote it: it is answered as
 * the rest with no accounts, and the first save with a rest turns it into layout 2 (the paper
 * exchange writes every account with it). Loading reads two statements, meant for start-up: it is
 * not isolated from a save running at the same time.
 */
final class JdbcPaperStateStore implements PaperStateStore {
  private static final int ROW = 1;
  private static final int WHOLE = 1;
  private static final int PER_ACCOUNT = 2;

  private final Session session;
  private final Clock clock;

  JdbcPaperStateStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  private record Rest(String text, int layout) {}

  @Override
  public Optional<PaperState> load() {
    return session.run(
        "read the paper exchange state",
        c -> {
          Optional<Rest> rest;
          try (PreparedStatement select = c.prepareStatement("SELECT snapshot, layout FROM paper_state WHERE state_id = ?")) {
            select.setInt(1, ROW);
            rest = Rows.first(select, row -> new Rest(row.getString("snapshot"), row.getInt("layout")));
          }
          if (rest.isEmpty() || rest.get().layout() == WHOLE) {
            return rest.map(whole -> new PaperState(whole.text(), List.of()));
          }
          try (PreparedStatement accounts =
              c.prepareStatement("SELECT account_key, records FROM paper_account ORDER BY seq, account_key")) {
            return Optional.of(new PaperState(
                rest.get().text(),
                Rows.list(accounts, row -> new PaperState.Section(row.getString("account_key"), row.getString("records")))));
          }
        });
  }

  @Override
  public void save(PaperStateChange change) {
    Objects.requireNonNull(change, "change");
    OffsetDateTime now = Rows.timestamp(clock.instant());
    session.run(
        "save the paper exchange state",
        c -> {
          if (change.rest().isPresent()) {
            saveRest(c, change.rest().get(), now);
          } else if (touchRest(c, now) == 0) {
            throw new IllegalStateException("the first save of the paper state must carry its rest");
          }
          saveAccounts(c, change.accounts(), now);
          if (!change.removed().isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM paper_account WHERE account_key = ?")) {
              for (String key : change.removed()) {
                delete.setString(1, key);
                delete.executeUpdate();
              }
            }
          }
          return null;
        });
  }

  private void saveRest(Connection c, String rest, OffsetDateTime now) throws SQLException {
    if (updateRest(c, rest, now) == 1) {
      return;
    }
    boolean inserted =
        Transactions.insertIfAbsent(
            c,
            conn -> {
              try (PreparedStatement insert = conn.prepareStatement(
                  "INSERT INTO paper_state (state_id, snapshot, saved_at, layout) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, ROW);
                insert.setString(2, rest);
                insert.setObject(3, now);
                insert.setInt(4, PER_ACCOUNT);
                return insert.executeUpdate();
              }
            });
    if (!inserted) {
      // another saver inserted the row first: ours is the later save, so it wins
      updateRest(c, rest, now);
    }
  }

  private static int updateRest(Connection c, String rest, OffsetDateTime now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE paper_state SET snapshot = ?, layout = ?, saved_at = ? WHERE state_id = ?")) {
      update.setString(1, rest);
      update.setInt(2, PER_ACCOUNT);
      update.setObject(3, now);
      update.setInt(4, ROW);
      return update.executeUpdate();
    }
  }

  /** A save that keeps the rest: the row must be of layout 2 already (else its accounts are not in rows). */
  private static int touchRest(Connection c, OffsetDateTime now) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE paper_state SET saved_at = ? WHERE state_id = ? AND layout = ?")) {
      update.setObject(1, now);
      update.setInt(2, ROW);
      update.setInt(3, PER_ACCOUNT);
      return update.executeUpdate();
    }
  }

  /** Updates the accounts that have a row, then inserts the others after every row there is, in the change's order. */
  private static void saveAccounts(Connection c, List<PaperState.Section> accounts, OffsetDateTime now) throws SQLException {
    if (accounts.isEmpty()) {
      return;
    }
    List<PaperState.Section> fresh = new ArrayList<>();
    try (PreparedStatement update =
        c.prepareStatement("UPDATE paper_account SET records = ?, saved_at = ? WHERE account_key = ?")) {
      for (PaperState.Section section : accounts) {
        update.setString(1, section.text());
        update.setObject(2, now);
        update.setString(3, section.key());
        if (update.executeUpdate() == 0) {
          fresh.add(section);
        }
      }
    }
    if (fresh.isEmpty()) {
      return;
    }
    long seq;
    try (PreparedStatement last = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) AS last_seq FROM paper_account")) {
      seq = Rows.first(last, row -> row.getLong("last_seq")).orElse(0L);
    }
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO paper_account (account_key, seq, records, saved_at) VALUES (?, ?, ?, ?)")) {
      for (PaperState.Section section : fresh) {
        insert.setString(1, section.key());
        insert.setLong(2, ++seq);
        insert.setString(3, section.text());
        insert.setObject(4, now);
        insert.executeUpdate();
      }
    }
  }
}
