package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ClaimResult;
import dev.orderlistbot.core.port.out.ConfirmationState;
import dev.orderlistbot.core.port.out.PendingConfirmation;
import dev.orderlistbot.core.port.out.PendingConfirmationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims are one conditional UPDATE; only when it changes no row does a SELECT find out why. Under
 * READ COMMITTED a concurrent claimer blocks on the row lock and then re-checks {@code state =
 * 'PENDING'} against the committed row (both H2 and PostgreSQL do), so exactly one wins.
 */
final class JdbcPendingConfirmationStore implements PendingConfirmationStore {
  private static final String COLUMNS =
      "confirmation_id, token, requester_platform, requester_user_id, chat_id, message_ref, payload,"
          + " created_at, expires_at, state";

  private final Session session;
  private final Clock clock;

  JdbcPendingConfirmationStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public void create(PendingConfirmation confirmation) {
    Objects.requireNonNull(confirmation, "confirmation");
    session.run(
        "create a pending confirmation",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO pending_confirmation (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, confirmation.id().toString());
            insert.setString(2, confirmation.token());
            insert.setString(3, confirmation.requester().platform());
            insert.setString(4, confirmation.requester().userId());
            insert.setString(5, confirmation.chat().chatId());
            insert.setString(6, confirmation.messageRef().orElse(null));
            insert.setString(7, confirmation.payload());
            insert.setObject(8, Rows.timestamp(confirmation.createdAt()));
            insert.setObject(9, Rows.timestamp(confirmation.expiresAt()));
            insert.setString(10, confirmation.state().name());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<PendingConfirmation> findByToken(String token) {
    Objects.requireNonNull(token, "token");
    return session.run("find a pending confirmation", c -> load(c, token));
  }

  @Override
  public Optional<PendingConfirmation> findById(UUID id) {
    Objects.requireNonNull(id, "id");
    return session.run(
        "find a confirmation by id",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT " + COLUMNS + " FROM pending_confirmation WHERE confirmation_id = ?")) {
            select.setString(1, id.toString());
            return Rows.first(select, JdbcPendingConfirmationStore::map);
          }
        });
  }

  /**
   * One UPDATE: the message, and, for a confirmation still pending whose window has not run out by
   * {@code shownAt}, the whole time to live ({@code expires_at - created_at}) again from {@code
   * shownAt}. Renewed only when that moves the expiry later, that is when {@code shownAt} is after
   * {@code created_at}.
   */
  @Override
  public boolean attachMessageRef(String token, String messageRef, Instant shownAt) {
    Objects.requireNonNull(messageRef, "messageRef");
    Objects.requireNonNull(shownAt, "shownAt");
    return session.run(
        "attach a message to a confirmation",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE pending_confirmation SET message_ref = ?, expires_at = CASE"
                      + " WHEN state = 'PENDING' AND expires_at > ? AND created_at < ?"
                      + " THEN CAST(? AS TIMESTAMP WITH TIME ZONE) + (expires_at - created_at)"
                      + " ELSE expires_at END WHERE token = ?")) {
            OffsetDateTime shown = Rows.timestamp(shownAt);
            update.setString(1, messageRef);
            update.setObject(2, shown);
            update.setObject(3, shown);
            update.setObject(4, shown);
            update.setString(5, token);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public ClaimResult claim(String token, UserRef requester) {
    return resolve(token, requester, ConfirmationState.CLAIMED);
  }

  @Override
  public ClaimResult cancel(String token, UserRef requester) {
    return resolve(token, requester, ConfirmationState.CANCELLED);
  }

  @Override
  public int expireOverdue() {
    Instant now = clock.instant();
    return session.run(
        "expire overdue confirmations",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE pending_confirmation SET state = 'EXPIRED', resolved_at = ?"
                      + " WHERE state = 'PENDING' AND expires_at <= ?")) {
            update.setObject(1, Rows.timestamp(now));
            update.setObject(2, Rows.timestamp(now));
            return update.executeUpdate();
          }
        });
  }

  @Override
  public int purgeExpiredBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return session.run(
        "purge expired confirmations",
        c ->
            Rows.deleteBefore(
                c,
                "DELETE FROM pending_confirmation WHERE expires_at < ? AND state IN ('PENDING', 'CANCELLED', 'EXPIRED')",
                cutoff));
  }

  private ClaimResult resolve(String token, UserRef requester, ConfirmationState target) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(requester, "requester");
    Instant now = clock.instant();
    return session.run(
        "claim a confirmation",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE pending_confirmation SET state = ?, resolved_at = ?"
                      + " WHERE token = ? AND state = 'PENDING' AND requester_platform = ? AND requester_user_id = ?"
                      + " AND expires_at > ?")) {
            update.setString(1, target.name());
            update.setObject(2, Rows.timestamp(now));
            update.setString(3, token);
            update.setString(4, requester.platform());
            update.setString(5, requester.userId());
            update.setObject(6, Rows.timestamp(now));
            if (update.executeUpdate() == 1) {
              return new ClaimResult.Claimed(load(c, token).orElseThrow());
            }
          }
          return explainLoss(c, token, requester, now);
        });
  }

  private static ClaimResult explainLoss(Connection c, String token, UserRef requester, Instant now)
      throws SQLException {
    Optional<PendingConfirmation> found = load(c, token);
    if (found.isEmpty()) {
      return new ClaimResult.NotFound();
    }
    PendingConfirmation row = found.get();
    if (!row.requester().equals(requester)) {
      return new ClaimResult.NotRequester();
    }
    return switch (row.state()) {
      case EXPIRED -> new ClaimResult.Expired();
      case CLAIMED, CANCELLED -> new ClaimResult.AlreadyHandled(row.state());
      case PENDING -> {
        // expired but not yet marked: mark it, unless someone resolved it a moment ago
        try (PreparedStatement update =
            c.prepareStatement(
                "UPDATE pending_confirmation SET state = 'EXPIRED', resolved_at = ?"
                    + " WHERE token = ? AND state = 'PENDING' AND expires_at <= ?")) {
          update.setObject(1, Rows.timestamp(now));
          update.setString(2, token);
          update.setObject(3, Rows.timestamp(now));
          if (update.executeUpdate() == 1) {
            yield new ClaimResult.Expired();
          }
        }
        ConfirmationState latest = load(c, token).map(PendingConfirmation::state).orElse(ConfirmationState.EXPIRED);
        yield latest == ConfirmationState.EXPIRED ? new ClaimResult.Expired() : new ClaimResult.AlreadyHandled(latest);
      }
    };
  }

  private static Optional<PendingConfirmation> load(Connection c, String token) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM pending_confirmation WHERE token = ?")) {
      select.setString(1, token);
      return Rows.first(select, JdbcPendingConfirmationStore::map);
    }
  }

  private static PendingConfirmation map(ResultSet row) throws SQLException {
    UserRef requester = Rows.user(row, "requester");
    return new PendingConfirmation(
        UUID.fromString(row.getString("confirmation_id")),
        row.getString("token"),
        requester,
        new ChatRef(requester.platform(), row.getString("chat_id")),
        Optional.ofNullable(row.getString("message_ref")),
        row.getString("payload"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "expires_at"),
        ConfirmationState.valueOf(row.getString("state")));
  }
}
