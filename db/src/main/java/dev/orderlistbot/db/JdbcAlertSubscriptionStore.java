package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.AlertMode;
import dev.orderlistbot.core.port.out.AlertSubscription;
import dev.orderlistbot.core.port.out.AlertSubscriptionStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

final class JdbcAlertSubscriptionStore implements AlertSubscriptionStore {
  private static final String COLUMNS = "chat_platform, chat_id, owner_platform, owner_user_id, mode";

  private final Session session;
  private final Clock clock;

  JdbcAlertSubscriptionStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public void subscribe(AlertSubscription subscription) {
    Objects.requireNonNull(subscription, "subscription");
    session.run(
        "subscribe a chat to alerts",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE alert_subscription SET mode = ? WHERE chat_platform = ? AND chat_id = ?"
                      + " AND owner_platform = ? AND owner_user_id = ?")) {
            update.setString(1, subscription.mode().name());
            bindKey(update, 2, subscription.chat(), subscription.owner());
            if (update.executeUpdate() == 1) {
              return null;
            }
          }
          boolean inserted =
              Transactions.insertIfAbsent(
                  c,
                  conn -> {
                    try (PreparedStatement insert =
                        conn.prepareStatement(
                            "INSERT INTO alert_subscription (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                      bindKey(insert, 1, subscription.chat(), subscription.owner());
                      insert.setString(5, subscription.mode().name());
                      insert.setObject(6, Rows.timestamp(clock.instant()));
                      return insert.executeUpdate();
                    }
                  });
          if (!inserted) {
            // a concurrent subscribe inserted it first: last writer's mode wins
            try (PreparedStatement update =
                c.prepareStatement(
                    "UPDATE alert_subscription SET mode = ? WHERE chat_platform = ? AND chat_id = ?"
                        + " AND owner_platform = ? AND owner_user_id = ?")) {
              update.setString(1, subscription.mode().name());
              bindKey(update, 2, subscription.chat(), subscription.owner());
              update.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public boolean unsubscribe(ChatRef chat, UserRef owner) {
    return session.run(
        "unsubscribe a chat from alerts",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM alert_subscription WHERE chat_platform = ? AND chat_id = ?"
                      + " AND owner_platform = ? AND owner_user_id = ?")) {
            bindKey(delete, 1, chat, owner);
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<AlertSubscription> forOwner(UserRef owner) {
    return session.run(
        "list a user's alert subscriptions",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM alert_subscription WHERE owner_platform = ? AND owner_user_id = ?"
                      + " ORDER BY created_at, chat_platform, chat_id")) {
            select.setString(1, owner.platform());
            select.setString(2, owner.userId());
            return Rows.list(select, JdbcAlertSubscriptionStore::map);
          }
        });
  }

  @Override
  public List<AlertSubscription> forChat(ChatRef chat) {
    return session.run(
        "list a chat's alert subscriptions",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM alert_subscription WHERE chat_platform = ? AND chat_id = ?"
                      + " ORDER BY created_at, owner_platform, owner_user_id")) {
            select.setString(1, chat.platform());
            select.setString(2, chat.chatId());
            return Rows.list(select, JdbcAlertSubscriptionStore::map);
          }
        });
  }

  private static void bindKey(PreparedStatement statement, int from, ChatRef chat, UserRef owner)
      throws SQLException {
    statement.setString(from, chat.platform());
    statement.setString(from + 1, chat.chatId());
    statement.setString(from + 2, owner.platform());
    statement.setString(from + 3, owner.userId());
  }

  private static AlertSubscription map(ResultSet row) throws SQLException {
    return new AlertSubscription(
        Rows.chat(row, "chat_platform", "chat_id"), Rows.user(row, "owner"), AlertMode.valueOf(row.getString("mode")));
  }
}
