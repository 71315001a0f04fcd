package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.CredentialId;
import dev.orderlistbot.core.domain.KeyType;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.SealedBox;
import dev.orderlistbot.core.port.out.SealedCredential;
import dev.orderlistbot.core.port.out.SealedCredentialStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class JdbcSealedCredentialStore implements SealedCredentialStore {
  private static final String COLUMNS =
      "credential_id, owner_platform, owner_user_id, key_type, api_key, secret_nonce, secret_ciphertext,"
          + " data_key_nonce, data_key_ciphertext, key_version, fingerprint, created_at";

  private final Session session;

  JdbcSealedCredentialStore(Session session) {
    this.session = session;
  }

  @Override
  public void insert(SealedCredential credential) {
    Objects.requireNonNull(credential, "credential");
    session.run(
        "store a sealed credential",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO api_credential (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, credential.id().toString());
            insert.setString(2, credential.owner().platform());
            insert.setString(3, credential.owner().userId());
            insert.setString(4, credential.keyType().name());
            insert.setString(5, credential.apiKey());
            insert.setBytes(6, credential.sealedSecret().nonce());
            insert.setBytes(7, credential.sealedSecret().ciphertext());
            insert.setBytes(8, credential.sealedDataKey().nonce());
            insert.setBytes(9, credential.sealedDataKey().ciphertext());
            insert.setInt(10, credential.keyVersion());
            insert.setString(11, credential.fingerprint());
            insert.setObject(12, Rows.timestamp(credential.createdAt()));
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public Optional<SealedCredential> find(UserRef owner, CredentialId id) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(id, "id");
    return session.run(
        "find a sealed credential",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM api_credential"
                      + " WHERE credential_id = ? AND owner_platform = ? AND owner_user_id = ?")) {
            select.setString(1, id.toString());
            select.setString(2, owner.platform());
            select.setString(3, owner.userId());
            return Rows.first(select, JdbcSealedCredentialStore::map);
          }
        });
  }

  @Override
  public List<SealedCredential> listByOwner(UserRef owner) {
    Objects.requireNonNull(owner, "owner");
    return session.run(
        "list a user's sealed credentials",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM api_credential WHERE owner_platform = ? AND owner_user_id = ?"
                      + " ORDER BY created_at, credential_id")) {
            select.setString(1, owner.platform());
            select.setString(2, owner.userId());
            return Rows.list(select, JdbcSealedCredentialStore::map);
          }
        });
  }

  @Override
  public List<SealedCredential> listAll() {
    return session.run(
        "list all sealed credentials",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT " + COLUMNS + " FROM api_credential ORDER BY created_at, credential_id")) {
            return Rows.list(select, JdbcSealedCredentialStore::map);
          }
        });
  }

  @Override
  public boolean updateDataKey(CredentialId id, int expectedVersion, SealedBox sealedDataKey, int newVersion) {
    Objects.requireNonNull(sealedDataKey, "sealedDataKey");
    return session.run(
        "re-seal a data key",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE api_credential SET data_key_nonce = ?, data_key_ciphertext = ?, key_version = ?"
                      + " WHERE credential_id = ? AND key_version = ?")) {
            update.setBytes(1, sealedDataKey.nonce());
            update.setBytes(2, sealedDataKey.ciphertext());
            update.setInt(3, newVersion);
            update.setString(4, id.toString());
            update.setInt(5, expectedVersion);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean delete(UserRef owner, CredentialId id) {
    return session.run(
        "delete a sealed credential",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM api_credential WHERE credential_id = ? AND owner_platform = ? AND owner_user_id = ?")) {
            delete.setString(1, id.toString());
            delete.setString(2, owner.platform());
            delete.setString(3, owner.userId());
            return delete.executeUpdate() == 1;
          }
        });
  }

  @Override
  public int count() {
    return session.run(
        "count sealed credentials",
        c -> {
          try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM api_credential");
              ResultSet row = select.executeQuery()) {
            row.next();
            return row.getInt(1);
          }
        });
  }

  private static SealedCredential map(ResultSet row) throws SQLException {
    return new SealedCredential(
        CredentialId.parse(row.getString("credential_id")),
        Rows.user(row, "owner"),
        KeyType.valueOf(row.getString("key_type")),
        row.getString("api_key"),
        new SealedBox(row.getBytes("secret_nonce"), row.getBytes("secret_ciphertext")),
        new SealedBox(row.getBytes("data_key_nonce"), row.getBytes("data_key_ciphertext")),
        row.getInt("key_version"),
        row.getString("fingerprint"),
        Rows.instant(row, "created_at"));
  }
}
