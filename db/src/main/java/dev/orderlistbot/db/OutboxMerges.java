package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Merging a notice into the outbox under its merge key and target chat (see {@code V18}): the
 * newest row of a key, its head, carries the rank of the newest notice it took ({@code
 * merge_final}, {@code merge_filled}); the rank of the key is the higher of the head's and the one
 * {@link OutboxMergeRanks} keeps in {@code notification_merge}.
 *
 * <p><b>The common path: one statement.</b> A notice that ranks above a head no dispatcher has tried
 * yet replaces its text and rank in ONE conditional UPDATE of that row (issue 19's profile: the
 * merge, then an UPDATE of the rank's table and one of the row, was a third of routing an event).
 * The row lock that UPDATE takes orders it against every other writer of the head: a concurrent
 * merge waits, then re-checks the rank (PostgreSQL and H2 re-check an UPDATE's condition after a
 * lock wait), and a dispatcher's claim re-checks the row's due time.
 *
 * <p><b>The rare path</b>, when that UPDATE changed nothing: the head (if any) is read; a notice
 * that ranks no higher is dropped at once, without a lock. Otherwise the rank's row in {@code
 * notification_merge} is raised (its lock orders the rare paths of one key, and a concurrent first
 * insert of a key fails as a duplicate, see {@link OutboxMergeRanks#raise}); then the head is read
 * again {@code FOR UPDATE} (so no merge into it runs until this transaction ends). A head that
 * outranks the notice drops it; a head still untried takes it by its id; otherwise the head's rank
 * is cleared and the notice is a new row, the new head. Locks: the common path takes the head's row
 * only; the rare path takes the rank's row, then the head's, always in that order.
 *
 * <p>Works on the caller's connection; stateless.
 */
final class OutboxMerges {
  private static final String SAME_KEY = "merge_key = ? AND target_platform = ? AND target_chat_id = ?";
  private static final String UNTRIED = "attempts = 0 AND delivered_at IS NULL AND failed_at IS NULL";
  private static final String BELOW = "(merge_final < ? OR (merge_final = ? AND merge_filled < ?))";
  private static final String SET_NOTICE =
      "UPDATE notification_outbox SET message_text = ?, buttons = ?,"
          + " next_attempt_at = CASE WHEN next_attempt_at < ? THEN next_attempt_at ELSE ? END,"
          + " merge_final = ?, merge_filled = ? WHERE ";

  /** A key's head as read: its id, its rank, and whether no dispatcher has tried it yet. */
  private record Head(long id, MergeRank rank, boolean untried) {}

  private OutboxMerges() {}

  /**
   * Takes {@code message} under {@code mergeKey} in its target chat with {@code rank}, due at {@code
   * due} at the latest; false when it was dropped (it ranks no higher than what the key holds) or its
   * dedupe key was taken already.
   */
  static boolean merge(Connection c, Dialect dialect, OutboxMessage message, String mergeKey, MergeRank rank, Instant now, Instant due)
      throws SQLException {
    ChatRef target = message.target();
    try (PreparedStatement update = c.prepareStatement(SET_NOTICE + SAME_KEY + " AND " + UNTRIED + " AND " + BELOW)) {
      int next = setNotice(update, message, rank, due);
      next = key(update, next, mergeKey, target);
      below(update, next, rank);
      if (update.executeUpdate() > 0) {
        return true;
      }
    }
    if (heads(c, mergeKey, target, false).stream().anyMatch(head -> !rank.isAbove(head.rank()))) {
      return false;
    }
    if (!OutboxMergeRanks.raise(c, dialect, mergeKey, target, rank, now)) {
      return false;
    }
    List<Head> heads = heads(c, mergeKey, target, true);
    if (heads.stream().anyMatch(head -> !rank.isAbove(head.rank()))) {
      return false;
    }
    if (heads.size() == 1 && heads.getFirst().untried()) {
      try (PreparedStatement update = c.prepareStatement(SET_NOTICE + "outbox_id = ?")) {
        update.setLong(setNotice(update, message, rank, due), heads.getFirst().id());
        return update.executeUpdate() == 1;
      }
    }
    try (PreparedStatement clear =
        c.prepareStatement("UPDATE notification_outbox SET merge_final = NULL, merge_filled = NULL WHERE outbox_id = ?")) {
      for (Head head : heads) {
        clear.setLong(1, head.id());
        clear.executeUpdate();
      }
    }
    return JdbcNotificationOutbox.insert(c, dialect, message, mergeKey, rank, now, due);
  }

  /** The rows of the key that carry a rank (one, but for data written before V18); locked when asked. */
  private static List<Head> heads(Connection c, String mergeKey, ChatRef target, boolean lock) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT outbox_id, merge_final, merge_filled, attempts, delivered_at, failed_at FROM notification_outbox"
                + " WHERE " + SAME_KEY + " AND merge_final IS NOT NULL" + (lock ? " FOR UPDATE" : ""))) {
      key(select, 1, mergeKey, target);
      List<Head> heads = new ArrayList<>(1);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          MergeRank held = new MergeRank(row.getInt("merge_final") == 1, row.getBigDecimal("merge_filled"));
          boolean untried =
              row.getInt("attempts") == 0 && row.getObject("delivered_at") == null && row.getObject("failed_at") == null;
          heads.add(new Head(row.getLong("outbox_id"), held, untried));
        }
      }
      return heads;
    }
  }

  /** Binds the text, buttons, due time and rank of {@link #SET_NOTICE}; returns the next index. */
  private static int setNotice(PreparedStatement update, OutboxMessage message, MergeRank rank, Instant due) throws SQLException {
    update.setString(1, message.text());
    update.setString(2, ButtonRows.encode(message.buttons()));
    update.setObject(3, Rows.timestamp(due));
    update.setObject(4, Rows.timestamp(due));
    update.setInt(5, stage(rank));
    update.setBigDecimal(6, rank.filled());
    return 7;
  }

  private static int key(PreparedStatement statement, int first, String mergeKey, ChatRef target) throws SQLException {
    statement.setString(first, mergeKey);
    statement.setString(first + 1, target.platform());
    statement.setString(first + 2, target.chatId());
    return first + 3;
  }

  private static void below(PreparedStatement statement, int first, MergeRank rank) throws SQLException {
    statement.setInt(first, stage(rank));
    statement.setInt(first + 1, stage(rank));
    statement.setBigDecimal(first + 2, rank.filled());
  }

  static int stage(MergeRank rank) {
    return rank.isFinal() ? 1 : 0;
  }
}
