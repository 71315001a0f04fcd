package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.MergeRank;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The highest {@link MergeRank} the outbox took per merge key and target chat (table {@code
 * notification_merge}): raised only by a higher rank, in SQL, so a merge never goes backwards.
 *
 * <p>Since V18 a merge into a waiting row raises the rank on that row alone ({@link OutboxMerges}):
 * this table is raised on the rare path only (a new row, or a notice after the row was tried), where
 * its row is the lock that orders the rare paths of one key, and it keeps a rank once the rows that
 * carried it are purged. The rank of a key is the higher of this one and its newest row's.
 *
 * <p>Raising updates the stored rank of a key with a condition on it, or inserts the first rank of
 * a key. Either statement keeps its row locked until the transaction ends: a concurrent merge of the
 * same key waits, then sees the committed rank (PostgreSQL and H2 re-check an UPDATE's condition
 * after a lock wait; a second INSERT of the key fails as a duplicate and falls back to the UPDATE). Works on
 * the caller's connection; not thread-safe on its own (each transaction has its connection).
 */
final class OutboxMergeRanks {
  private static final String SAME_KEY =
      " WHERE merge_key = ? AND target_platform = ? AND target_chat_id = ?";

  private OutboxMergeRanks() {}

  /**
   * Raises the rank of {@code mergeKey} in {@code target} to {@code rank}; false when it is not higher.
   * The conditional UPDATE goes first, because every fill after a list's first finds its row: an
   * INSERT first would fail as a duplicate for each of them, and a failed statement costs an
   * exception and a savepoint rollback (issue 19's profile: a quarter of the router's time). When
   * the UPDATE changes nothing, either the key is new (the INSERT takes it) or its rank is already
   * as high, or another transaction inserted it meanwhile: then the INSERT fails as a duplicate, and
   * the UPDATE runs again as a new statement that sees the committed row.
   */
  static boolean raise(Connection c, Dialect dialect, String mergeKey, ChatRef target, MergeRank rank, Instant now) throws SQLException {
    if (raiseExisting(c, mergeKey, target, rank, now)) {
      return true;
    }
    boolean first =
        Transactions.insertOneRowIfAbsent(
            c,
            dialect,
            conn -> {
              try (PreparedStatement insert =
                  conn.prepareStatement(
                      "INSERT INTO notification_merge (merge_key, target_platform, target_chat_id,"
                          + " final_notice, filled_quantity, updated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                key(insert, 1, mergeKey, target);
                insert.setInt(4, stage(rank));
                insert.setBigDecimal(5, rank.filled());
                insert.setObject(6, Rows.timestamp(now));
                return insert.executeUpdate();
              }
            });
    return first || raiseExisting(c, mergeKey, target, rank, now);
  }

  /** The conditional UPDATE: true when the stored rank was lower and is now {@code rank}. */
  private static boolean raiseExisting(Connection c, String mergeKey, ChatRef target, MergeRank rank, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE notification_merge SET final_notice = ?, filled_quantity = ?, updated_at = ?" + SAME_KEY
                + " AND (final_notice < ? OR (final_notice = ? AND filled_quantity < ?))")) {
      update.setInt(1, stage(rank));
      update.setBigDecimal(2, rank.filled());
      update.setObject(3, Rows.timestamp(now));
      key(update, 4, mergeKey, target);
      update.setInt(7, stage(rank));
      update.setInt(8, stage(rank));
      update.setBigDecimal(9, rank.filled());
      return update.executeUpdate() == 1;
    }
  }

  /**
   * Forgets ranks last raised before {@code cutoff} whose key and target have no pending message
   * left (their story is told); returns how many.
   */
  static int forgetBefore(Connection c, Instant cutoff) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM notification_merge m WHERE m.updated_at < ? AND NOT EXISTS (SELECT 1 FROM notification_outbox o"
                + " WHERE o.merge_key = m.merge_key AND o.target_platform = m.target_platform"
                + " AND o.target_chat_id = m.target_chat_id AND o.delivered_at IS NULL AND o.failed_at IS NULL)")) {
      delete.setObject(1, Rows.timestamp(cutoff));
      return delete.executeUpdate();
    }
  }

  private static int stage(MergeRank rank) {
    return rank.isFinal() ? 1 : 0;
  }

  private static void key(PreparedStatement statement, int first, String mergeKey, ChatRef target) throws SQLException {
    statement.setString(first, mergeKey);
    statement.setString(first + 1, target.platform());
    statement.setString(first + 2, target.chatId());
  }
}
