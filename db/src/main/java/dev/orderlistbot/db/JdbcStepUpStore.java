package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.SealedBox;
import dev.orderlistbot.core.port.out.SealedStepUpSecret;
import dev.orderlistbot.core.port.out.StepUpState;
import dev.orderlistbot.core.port.out.StepUpStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link StepUpStore} over the {@code step_up} table (V15): sealed bytes and a PIN's hash only. A
 * save is an upsert that tolerates a concurrent first save of the same user ({@link
 * Transactions#upsert}).
 */
final class JdbcStepUpStore implements StepUpStore {
  private static final String COLUMNS =
      "owner_platform, owner_user_id, pin_hash, totp_secret_nonce, totp_secret_cipher, totp_key_nonce, totp_key_cipher,"
          + " totp_key_version, totp_active, last_totp_step, failures, locked_until, updated_at";

  private final Session session;

  JdbcStepUpStore(Session session) {
    this.session = session;
  }

  @Override
  public Optional<StepUpState> find(UserRef user) {
    Objects.requireNonNull(user, "user");
    return session.run(
        "find a step-up setting",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT " + COLUMNS + " FROM step_up WHERE owner_platform = ? AND owner_user_id = ? FOR UPDATE")) {
            select.setString(1, user.platform());
            select.setString(2, user.userId());
            return Rows.first(select, JdbcStepUpStore::map);
          }
        });
  }

  @Override
  public void save(StepUpState state) {
    Objects.requireNonNull(state, "state");
    session.run(
        "save a step-up setting",
        c -> {
          Transactions.upsert(
              c,
              conn -> write(
                  conn,
                  "UPDATE step_up SET pin_hash = ?, totp_secret_nonce = ?, totp_secret_cipher = ?, totp_key_nonce = ?,"
                      + " totp_key_cipher = ?, totp_key_version = ?, totp_active = ?, last_totp_step = ?, failures = ?,"
                      + " locked_until = ?, updated_at = ? WHERE owner_platform = ? AND owner_user_id = ?",
                  state),
              conn -> write(
                  conn,
                  "INSERT INTO step_up (pin_hash, totp_secret_nonce, totp_secret_cipher, totp_key_nonce, totp_key_cipher,"
                      + " totp_key_version, totp_active, last_totp_step, failures, locked_until, updated_at, owner_platform,"
                      + " owner_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  state));
          return null;
        });
  }

  /** Runs {@code sql} with the setting as parameters 1 to 11 and its user as 12 and 13. */
  private static int write(Connection c, String sql, StepUpState state) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, 1, state);
      statement.setString(12, state.user().platform());
      statement.setString(13, state.user().userId());
      return statement.executeUpdate();
    }
  }

  @Override
  public List<StepUpState> listSealed() {
    return session.run(
        "list the sealed step-up secrets",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM step_up WHERE totp_key_version IS NOT NULL ORDER BY owner_platform, owner_user_id")) {
            return Rows.list(select, JdbcStepUpStore::map);
          }
        });
  }

  @Override
  public boolean updateDataKey(UserRef user, int expectedVersion, SealedBox sealedDataKey, int newVersion) {
    Objects.requireNonNull(sealedDataKey, "sealedDataKey");
    return session.run(
        "re-seal a step-up data key",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE step_up SET totp_key_nonce = ?, totp_key_cipher = ?, totp_key_version = ?"
                      + " WHERE owner_platform = ? AND owner_user_id = ? AND totp_key_version = ?")) {
            update.setBytes(1, sealedDataKey.nonce());
            update.setBytes(2, sealedDataKey.ciphertext());
            update.setInt(3, newVersion);
            update.setString(4, user.platform());
            update.setString(5, user.userId());
            update.setInt(6, expectedVersion);
            return update.executeUpdate() == 1;
          }
        });
  }

  /** Binds parameters {@code from} to {@code from + 10}: everything but the user. */
  private static void bind(PreparedStatement statement, int from, StepUpState state) throws SQLException {
    statement.setString(from, state.pinHash().orElse(null));
    Optional<SealedStepUpSecret> totp = state.totp();
    statement.setBytes(from + 1, totp.map(t -> t.sealedSecret().nonce()).orElse(null));
    statement.setBytes(from + 2, totp.map(t -> t.sealedSecret().ciphertext()).orElse(null));
    statement.setBytes(from + 3, totp.map(t -> t.sealedDataKey().nonce()).orElse(null));
    statement.setBytes(from + 4, totp.map(t -> t.sealedDataKey().ciphertext()).orElse(null));
    if (totp.isPresent()) {
      statement.setInt(from + 5, totp.get().keyVersion());
    } else {
      statement.setNull(from + 5, Types.INTEGER);
    }
    statement.setBoolean(from + 6, state.totpActive());
    statement.setLong(from + 7, state.lastTotpStep());
    statement.setInt(from + 8, state.failures());
    statement.setObject(from + 9, state.lockedUntil().map(Rows::timestamp).orElse(null));
    statement.setObject(from + 10, Rows.timestamp(state.updatedAt()));
  }

  private static StepUpState map(ResultSet row) throws SQLException {
    Optional<SealedStepUpSecret> totp =
        row.getBytes("totp_secret_nonce") == null
            ? Optional.empty()
            : Optional.of(
                new SealedStepUpSecret(
                    new SealedBox(row.getBytes("totp_secret_nonce"), row.getBytes("totp_secret_cipher")),
                    new SealedBox(row.getBytes("totp_key_nonce"), row.getBytes("totp_key_cipher")),
                    row.getInt("totp_key_version")));
    return new StepUpState(
        Rows.user(row, "owner"),
        Optional.ofNullable(row.getString("pin_hash")),
        totp,
        row.getBoolean("totp_active"),
        row.getLong("last_totp_step"),
        row.getInt("failures"),
        row.getObject("locked_until") == null ? Optional.empty() : Optional.of(Rows.instant(row, "locked_until")),
        Rows.instant(row, "updated_at"));
  }
}
