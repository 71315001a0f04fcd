package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.KeyCheck;
import dev.orderlistbot.core.port.out.KeyCheckStore;
import dev.orderlistbot.core.port.out.SealedBox;
import java.sql.PreparedStatement;
import java.util.Objects;
import java.util.Optional;

final class JdbcKeyCheckStore implements KeyCheckStore {
  private final Session session;

  JdbcKeyCheckStore(Session session) {
    this.session = session;
  }

  @Override
  public Optional<KeyCheck> latest() {
    return session.run(
        "read the master key check",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT key_version, nonce, ciphertext, created_at FROM master_key_check ORDER BY key_version DESC")) {
            select.setMaxRows(1);
            return Rows.first(
                select,
                row ->
                    new KeyCheck(
                        row.getInt("key_version"),
                        new SealedBox(row.getBytes("nonce"), row.getBytes("ciphertext")),
                        Rows.instant(row, "created_at")));
          }
        });
  }

  @Override
  public void insert(KeyCheck check) {
    Objects.requireNonNull(check, "check");
    session.run(
        "store a master key check",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO master_key_check (key_version, nonce, ciphertext, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, check.keyVersion());
            insert.setBytes(2, check.sealed().nonce());
            insert.setBytes(3, check.sealed().ciphertext());
            insert.setObject(4, Rows.timestamp(check.createdAt()));
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public boolean delete(int keyVersion) {
    return session.run(
        "delete a master key check",
        c -> {
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM master_key_check WHERE key_version = ?")) {
            delete.setInt(1, keyVersion);
            return delete.executeUpdate() == 1;
          }
        });
  }
}
