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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

final class JdbcAlertSubscriptionStore implements AlertSubscriptionStore {
  private static final String COLUMNS = "chat_platform, chat_id, owner_platform, owner_user_id, mode";
  private static final int OWNERS_AT_ONCE = 64;

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

  /**
   * One SELECT per {@value #OWNERS_AT_ONCE} owners, {@code (owner_platform, owner_user_id) IN
   * ((?, ?), ...)}, which both databases answer from the owner index (H2 does not use the index for
   * {@code owner_platform = ? AND owner_user_id IN (...)}: it would read every subscription of the
   * platform). The list is padded to 1, 8 or {@value #OWNERS_AT_ONCE} pairs (repeating the last), so
   * the statement takes three forms and H2's query cache keeps them.
   */
  @Override
  public Map<UserRef, List<AlertSubscription>> forOwners(Collection<UserRef> owners) {
    List<UserRef> distinct = List.copyOf(new LinkedHashSet<>(owners));
    return session.run(
        "list the alert subscriptions of several users",
        c -> {
          Map<UserRef, List<AlertSubscription>> each = new HashMap<>();
          for (UserRef owner : distinct) {
            each.put(owner, new ArrayList<>(0));
          }
          for (int from = 0; from < distinct.size(); from += OWNERS_AT_ONCE) {
            List<UserRef> chunk = distinct.subList(from, Math.min(distinct.size(), from + OWNERS_AT_ONCE));
            int size = chunk.size() == 1 ? 1 : chunk.size() <= 8 ? 8 : OWNERS_AT_ONCE;
            try (PreparedStatement select =
                c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM alert_subscription WHERE (owner_platform, owner_user_id) IN ("
                        + String.join(", ", Collections.nCopies(size, "(?, ?)")) + ") ORDER BY created_at, chat_platform, chat_id")) {
              for (int i = 0; i < size; i++) {
                UserRef owner = chunk.get(Math.min(i, chunk.size() - 1));
                select.setString(1 + 2 * i, owner.platform());
                select.setString(2 + 2 * i, owner.userId());
              }
              for (AlertSubscription subscription : Rows.list(select, JdbcAlertSubscriptionStore::map)) {
                each.get(subscription.owner()).add(subscription);
              }
            }
          }
          each.replaceAll((owner, subscriptions) -> List.copyOf(subscriptions));
          return each;
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
