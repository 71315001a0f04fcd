package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.ChatUser;
import dev.orderlistbot.core.port.out.ChatUserStore;
import dev.orderlistbot.core.port.out.StorageException;
import dev.orderlistbot.core.port.out.UserRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

final class JdbcChatUserStore implements ChatUserStore {
  private final Session session;
  private final Clock clock;

  JdbcChatUserStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public ChatUser register(UserRef user, UserRole role) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    return session.run(
        "register a chat user",
        c -> {
          Transactions.insertIfAbsent(
              c,
              conn -> {
                try (PreparedStatement insert =
                    conn.prepareStatement(
                        "INSERT INTO chat_user (platform, user_id, role, created_at) VALUES (?, ?, ?, ?)")) {
                  insert.setString(1, user.platform());
                  insert.setString(2, user.userId());
                  insert.setString(3, role.name());
                  insert.setObject(4, Rows.timestamp(clock.instant()));
                  return insert.executeUpdate();
                }
              });
          return load(c, user).orElseThrow(() -> new StorageException("a registered user vanished"));
        });
  }

  @Override
  public Optional<ChatUser> find(UserRef user) {
    Objects.requireNonNull(user, "user");
    return session.run("find a chat user", c -> load(c, user));
  }

  @Override
  public boolean changeRole(UserRef user, UserRole role) {
    Objects.requireNonNull(role, "role");
    return session.run(
        "change a user's role",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE chat_user SET role = ? WHERE platform = ? AND user_id = ?")) {
            update.setString(1, role.name());
            update.setString(2, user.platform());
            update.setString(3, user.userId());
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void putSetting(UserRef user, String name, String value) {
    Objects.requireNonNull(user, "user");
    if (name == null || name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("a setting name is 1 to 64 characters");
    }
    if (value == null || value.length() > 1024) {
      throw new IllegalArgumentException("a setting value is at most 1024 characters");
    }
    // update, else insert; a first setting written twice at once updates the row the other inserted
    session.run(
        "put a user setting",
        c -> {
          Transactions.upsert(
              c,
              conn -> {
                try (PreparedStatement update =
                    conn.prepareStatement(
                        "UPDATE chat_user_setting SET setting_value = ?"
                            + " WHERE platform = ? AND user_id = ? AND setting_name = ?")) {
                  update.setString(1, value);
                  update.setString(2, user.platform());
                  update.setString(3, user.userId());
                  update.setString(4, name);
                  return update.executeUpdate();
                }
              },
              conn -> {
                try (PreparedStatement insert =
                    conn.prepareStatement(
                        "INSERT INTO chat_user_setting (platform, user_id, setting_name, setting_value) VALUES (?, ?, ?, ?)")) {
                  insert.setString(1, user.platform());
                  insert.setString(2, user.userId());
                  insert.setString(3, name);
                  insert.setString(4, value);
                  return insert.executeUpdate();
                }
              });
          return null;
        });
  }

  @Override
  public boolean removeSetting(UserRef user, String name) {
    return session.run(
        "remove a user setting",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM chat_user_setting WHERE platform = ? AND user_id = ? AND setting_name = ?")) {
            delete.setString(1, user.platform());
            delete.setString(2, user.userId());
            delete.setString(3, name);
            return delete.executeUpdate() == 1;
          }
        });
  }

  private static Optional<ChatUser> load(Connection c, UserRef user) throws SQLException {
    UserRole role;
    java.time.Instant created;
    try (PreparedStatement select =
        c.prepareStatement("SELECT role, created_at FROM chat_user WHERE platform = ? AND user_id = ?")) {
      select.setString(1, user.platform());
      select.setString(2, user.userId());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        role = UserRole.valueOf(row.getString("role"));
        created = Rows.instant(row, "created_at");
      }
    }
    Map<String, String> settings = new LinkedHashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT setting_name, setting_value FROM chat_user_setting"
                + " WHERE platform = ? AND user_id = ? ORDER BY setting_name")) {
      select.setString(1, user.platform());
      select.setString(2, user.userId());
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          settings.put(row.getString("setting_name"), row.getString("setting_value"));
        }
      }
    }
    return Optional.of(new ChatUser(user, role, settings, created));
  }
}
