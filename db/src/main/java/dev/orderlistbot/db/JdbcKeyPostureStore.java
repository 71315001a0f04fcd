package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.TradingEnvironment;
import dev.orderlistbot.core.port.out.KeyPosture;
import dev.orderlistbot.core.port.out.KeyPostureAnswer;
import dev.orderlistbot.core.port.out.KeyPostureCheck;
import dev.orderlistbot.core.port.out.KeyPostureStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;

/** {@link KeyPostureStore} over {@code key_posture}: flags and times, never anything secret. */
final class JdbcKeyPostureStore implements KeyPostureStore {
  private final Session session;

  JdbcKeyPostureStore(Session session) {
    this.session = session;
  }

  @Override
  public void save(KeyPostureCheck check) {
    Objects.requireNonNull(check, "check");
    session.run(
        "store a key's posture",
        c -> {
          // no portable upsert: replace in the caller's transaction
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM key_posture WHERE credential_id = ?");
              PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO key_posture (credential_id, checked_at, environment, not_checked_why, ip_restricted,"
                          + " withdrawals_enabled, margin_enabled, futures_enabled, options_enabled)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            delete.setString(1, check.credential().toString());
            delete.executeUpdate();
            insert.setString(1, check.credential().toString());
            insert.setObject(2, Rows.timestamp(check.checkedAt()));
            insert.setString(3, check.environment().name());
            switch (check.answer()) {
              case KeyPostureAnswer.Known known -> {
                KeyPosture posture = known.posture();
                insert.setNull(4, Types.VARCHAR);
                insert.setBoolean(5, posture.ipRestricted());
                insert.setBoolean(6, posture.withdrawalsEnabled());
                insert.setBoolean(7, posture.marginEnabled());
                insert.setBoolean(8, posture.futuresEnabled());
                insert.setBoolean(9, posture.optionsEnabled());
              }
              case KeyPostureAnswer.NotChecked not -> {
                insert.setString(4, not.why().name());
                for (int column = 5; column <= 9; column++) {
                  insert.setNull(column, Types.BOOLEAN);
                }
              }
            }
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<KeyPostureCheck> find(CredentialId credential) {
    Objects.requireNonNull(credential, "credential");
    return session.run(
        "read a key's posture",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT credential_id, checked_at, environment, not_checked_why, ip_restricted, withdrawals_enabled,"
                      + " margin_enabled, futures_enabled, options_enabled FROM key_posture WHERE credential_id = ?")) {
            select.setString(1, credential.toString());
            return Rows.first(select, row -> map(credential, row));
          }
        });
  }

  private static KeyPostureCheck map(CredentialId credential, ResultSet row) throws SQLException {
    String why = row.getString("not_checked_why");
    KeyPostureAnswer answer =
        why != null
            ? new KeyPostureAnswer.NotChecked(KeyPostureAnswer.Why.valueOf(why))
            : new KeyPostureAnswer.Known(
                new KeyPosture(
                    row.getBoolean("ip_restricted"),
                    row.getBoolean("withdrawals_enabled"),
                    row.getBoolean("margin_enabled"),
                    row.getBoolean("futures_enabled"),
                    row.getBoolean("options_enabled")));
    return new KeyPostureCheck(
        credential, Rows.instant(row, "checked_at"), TradingEnvironment.valueOf(row.getString("environment")), answer);
  }
}
