package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.OutboxBacklog;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Claiming selects due candidates, then takes each with a conditional UPDATE on its {@code
 * next_attempt_at}, so a row another dispatcher took in between is simply skipped. On PostgreSQL the
 * select also locks its rows with {@code FOR UPDATE SKIP LOCKED} (see {@link Dialect}): instances
 * draining at once take disjoint batches instead of queueing on each other's rows; on H2 it takes no
 * lock. Each claim writes a fresh random {@code claim_token}; renewing a claim
 * is a conditional UPDATE on that token and an unlapsed lease.
 */
final class JdbcNotificationOutbox implements NotificationOutbox {
  private static final String PENDING = "delivered_at IS NULL AND failed_at IS NULL";
  private static final String COLUMNS =
      "outbox_id, dedupe_key, target_platform, target_chat_id, message_text, created_at, attempts, next_attempt_at,"
          + " claim_token, replaces_message_id, buttons, card_of";
  private static final int MAX_FAILURE = 500;

  private final Session session;
  private final Clock clock;
  private final Dialect dialect;

  JdbcNotificationOutbox(Session session, Clock clock, Dialect dialect) {
    this.dialect = dialect;
    this.session = session;
    this.clock = clock;
  }

  @Override
  public boolean enqueue(OutboxMessage message) {
    Objects.requireNonNull(message, "message");
    Instant now = clock.instant();
    return session.run("enqueue a notification", c -> insert(c, dialect, message, null, null, now, now));
  }

  @Override
  public boolean enqueueLater(OutboxMessage message, Duration delay) {
    Objects.requireNonNull(message, "message");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("the delay is not negative");
    }
    Instant now = clock.instant();
    return session.run("enqueue a later notification", c -> insert(c, dialect, message, null, null, now, now.plus(delay)));
  }

  @Override
  public boolean withdraw(String dedupeKey) {
    Objects.requireNonNull(dedupeKey, "dedupeKey");
    return session.run(
        "withdraw a notification",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notification_outbox SET delivered_at = ? WHERE dedupe_key = ? AND claim_token IS NULL AND " + PENDING)) {
            update.setObject(1, Rows.timestamp(clock.instant()));
            update.setString(2, dedupeKey);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean enqueueMerged(OutboxMessage message, String mergeKey, MergeRank rank, Duration delay) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(mergeKey, "mergeKey");
    Objects.requireNonNull(rank, "rank");
    if (mergeKey.isBlank() || mergeKey.length() > 200 || delay.isNegative()) {
      throw new IllegalArgumentException("a merge key is 1 to 200 characters and the delay is not negative");
    }
    Instant now = clock.instant();
    Instant due = now.plus(delay);
    return session.run("merge a notification", c -> OutboxMerges.merge(c, dialect, message, mergeKey, rank, now, due));
  }

  /**
   * Inserts {@code message} as a new row, due at {@code due}; under {@code mergeKey} (null: none) as
   * the key's head, carrying {@code rank} (null when there is no key). False when its dedupe key was
   * taken already.
   */
  static boolean insert(Connection c, Dialect dialect, OutboxMessage message, String mergeKey, MergeRank rank, Instant now, Instant due)
      throws SQLException {
    return Transactions.insertOneRowIfAbsent(
        c,
        dialect,
        conn -> {
          try (PreparedStatement insert =
              conn.prepareStatement(
                  "INSERT INTO notification_outbox (dedupe_key, target_platform, target_chat_id, message_text, created_at,"
                      + " attempts, next_attempt_at, merge_key, replaces_message_id, buttons, card_of, merge_final, merge_filled)"
                      + " VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, message.dedupeKey());
            insert.setString(2, message.target().platform());
            insert.setString(3, message.target().chatId());
            insert.setString(4, message.text());
            insert.setObject(5, Rows.timestamp(now));
            insert.setObject(6, Rows.timestamp(due));
            insert.setString(7, mergeKey);
            insert.setString(8, message.replaces().orElse(null));
            insert.setString(9, ButtonRows.encode(message.buttons()));
            insert.setString(10, message.cardOf().orElse(null));
            if (rank == null) {
              insert.setNull(11, Types.SMALLINT);
              insert.setNull(12, Types.NUMERIC);
            } else {
              insert.setInt(11, OutboxMerges.stage(rank));
              insert.setBigDecimal(12, rank.filled());
            }
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public List<OutboxEntry> claimDue(String platform, int max, Duration lease) {
    Objects.requireNonNull(platform, "platform");
    return claim(" AND target_platform = ?", List.of(platform), max, lease);
  }

  @Override
  public List<OutboxEntry> claimDueExcept(Set<String> platforms, int max, Duration lease) {
    List<String> others = platforms.stream().sorted().toList();
    String scope = others.isEmpty() ? "" : " AND target_platform NOT IN (" + String.join(", ", Collections.nCopies(others.size(), "?")) + ")";
    return claim(scope, others, max, lease);
  }

  /** Claims due messages whose row also matches {@code scope} (SQL, with {@code scopeValues} bound in order). */
  private List<OutboxEntry> claim(String scope, List<String> scopeValues, int max, Duration lease) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    requirePositive(lease);
    Instant now = clock.instant();
    Instant leasedUntil = now.plus(lease);
    String token = UUID.randomUUID().toString();
    return session.run(
        "claim due notifications",
        c -> {
          List<OutboxEntry> candidates;
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM notification_outbox"
                      + " WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?" + scope
                      + " ORDER BY next_attempt_at, outbox_id"
                      + (dialect == Dialect.POSTGRES ? " LIMIT " + max : "") + dialect.lockForClaim())) {
            select.setObject(1, Rows.timestamp(now));
            for (int i = 0; i < scopeValues.size(); i++) {
              select.setString(2 + i, scopeValues.get(i));
            }
            select.setMaxRows(max);
            candidates = Rows.list(select, JdbcNotificationOutbox::map);
          }
          List<OutboxEntry> claimed = new ArrayList<>();
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = ?, claim_token = ?"
                      + " WHERE outbox_id = ? AND " + PENDING + " AND next_attempt_at = ?")) {
            for (OutboxEntry entry : candidates) {
              update.setObject(1, Rows.timestamp(leasedUntil));
              update.setString(2, token);
              update.setLong(3, entry.id());
              update.setObject(4, Rows.timestamp(entry.nextAttemptAt()));
              if (update.executeUpdate() == 1) {
                claimed.add(
                    new OutboxEntry(
                        entry.id(), entry.message(), entry.createdAt(), entry.attempts() + 1, leasedUntil, token));
              }
            }
          }
          return claimed;
        });
  }

  @Override
  public boolean renewClaim(long id, String claimToken, Duration lease) {
    Objects.requireNonNull(claimToken, "claimToken");
    requirePositive(lease);
    Instant now = clock.instant();
    return session.run(
        "renew the claim on a notification",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notification_outbox SET next_attempt_at = ?"
                      + " WHERE outbox_id = ? AND claim_token = ? AND next_attempt_at > ? AND " + PENDING)) {
            update.setObject(1, Rows.timestamp(now.plus(lease)));
            update.setLong(2, id);
            update.setString(3, claimToken);
            update.setObject(4, Rows.timestamp(now));
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean markDelivered(long id) {
    return session.run(
        "mark a notification delivered",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notification_outbox SET delivered_at = ? WHERE outbox_id = ? AND " + PENDING)) {
            update.setObject(1, Rows.timestamp(clock.instant()));
            update.setLong(2, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  /**
   * Whether a later row replaces the same message, or merges under the same key, in the same chat:
   * each looked up by its index (V19's, V3's), never by reading the rows queued after this one.
   */
  static final String SUPERSEDED =
      "SELECT COUNT(*) FROM notification_outbox this_one WHERE this_one.outbox_id = ? AND ("
          + "(this_one.replaces_message_id IS NOT NULL AND EXISTS (SELECT 1 FROM notification_outbox later"
          + " WHERE later.replaces_message_id = this_one.replaces_message_id"
          + " AND later.target_platform = this_one.target_platform AND later.target_chat_id = this_one.target_chat_id"
          + " AND later.outbox_id > this_one.outbox_id))"
          + " OR (this_one.merge_key IS NOT NULL AND EXISTS (SELECT 1 FROM notification_outbox later"
          + " WHERE later.merge_key = this_one.merge_key"
          + " AND later.target_platform = this_one.target_platform AND later.target_chat_id = this_one.target_chat_id"
          + " AND later.outbox_id > this_one.outbox_id)))";

  @Override
  public boolean isSuperseded(OutboxEntry entry) {
    return session.run(
        "check whether a later notification makes this one older news",
        c -> {
          try (PreparedStatement select = c.prepareStatement(SUPERSEDED)) {
            select.setLong(1, entry.id());
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() && rows.getLong(1) > 0;
            }
          }
        });
  }

  @Override
  public boolean reschedule(long id, Instant nextAttemptAt) {
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    return session.run(
        "reschedule a notification",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notification_outbox SET next_attempt_at = ? WHERE outbox_id = ? AND " + PENDING)) {
            update.setObject(1, Rows.timestamp(nextAttemptAt));
            update.setLong(2, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean postpone(long id, Instant nextAttemptAt) {
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    return session.run(
        "postpone a notification",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notification_outbox SET next_attempt_at = ?,"
                      + " attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END"
                      + " WHERE outbox_id = ? AND " + PENDING)) {
            update.setObject(1, Rows.timestamp(nextAttemptAt));
            update.setLong(2, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean markFailed(long id, String reason) {
    String kept = Objects.requireNonNull(reason, "reason");
    String failure = kept.length() > MAX_FAILURE ? kept.substring(0, MAX_FAILURE) : kept;
    return session.run(
        "mark a notification failed",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE notification_outbox SET failed_at = ?, failure = ? WHERE outbox_id = ? AND " + PENDING)) {
            update.setObject(1, Rows.timestamp(clock.instant()));
            update.setString(2, failure);
            update.setLong(3, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<OutboxEntry> failed(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1");
    }
    return session.run(
        "list failed notifications",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM notification_outbox WHERE failed_at IS NOT NULL"
                      + " ORDER BY failed_at DESC, outbox_id DESC")) {
            select.setMaxRows(max);
            return Rows.list(select, JdbcNotificationOutbox::map);
          }
        });
  }

  @Override
  public OutboxBacklog backlog() {
    return session.run(
        "count pending notifications",
        c -> {
          // ix_notification_outbox_due leads with delivered_at, so only undelivered rows are read
          try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM notification_outbox WHERE " + PENDING);
              ResultSet row = select.executeQuery()) {
            row.next();
            long pending = row.getLong("pending");
            return pending == 0
                ? OutboxBacklog.EMPTY
                : new OutboxBacklog(pending, Optional.of(Rows.instant(row, "oldest")));
          }
        });
  }

  @Override
  public int purgeDeliveredBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return session.run(
        "purge delivered notifications",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM notification_outbox d WHERE d.delivered_at IS NOT NULL AND d.delivered_at < ?"
                      // a head carries its key's rank: kept while a row of its key is pending (V18)
                      + " AND (d.merge_final IS NULL OR NOT EXISTS (SELECT 1 FROM notification_outbox p"
                      + " WHERE p.merge_key = d.merge_key AND p.target_platform = d.target_platform"
                      + " AND p.target_chat_id = d.target_chat_id AND p.delivered_at IS NULL AND p.failed_at IS NULL))")) {
            delete.setObject(1, Rows.timestamp(cutoff));
            int purged = delete.executeUpdate();
            OutboxMergeRanks.forgetBefore(c, cutoff);
            return purged;
          }
        });
  }

  private static void requirePositive(Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
  }

  private static OutboxEntry map(ResultSet row) throws SQLException {
    return new OutboxEntry(
        row.getLong("outbox_id"),
        new OutboxMessage(
            row.getString("dedupe_key"),
            Rows.chat(row, "target_platform", "target_chat_id"),
            row.getString("message_text"),
            Optional.ofNullable(row.getString("replaces_message_id")),
            ButtonRows.decode(row.getString("buttons")),
            Optional.ofNullable(row.getString("card_of"))),
        Rows.instant(row, "created_at"),
        row.getInt("attempts"),
        Rows.instant(row, "next_attempt_at"),
        Objects.requireNonNullElse(row.getString("claim_token"), ""));
  }
}
