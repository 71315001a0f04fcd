package dev.orderlistbot.db;

import dev.orderlistbot.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void migrationsBuildEveryTableInAnEmptyDatabase() throws Exception {
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).isEqualTo(6);
      assertThat(db.schemaVersion()).isEqualTo("6");
    }
    assertThat(tables())
        .contains("CHAT_USER", "CHAT_USER_SETTING", "MASTER_KEY_CHECK", "API_CREDENTIAL", "PENDING_CONFIRMATION",
            "PLACED_ORDER_LIST", "PLACED_ORDER_LEG", "NOTIFICATION_OUTBOX", "NOTIFICATION_MERGE", "ALERT_SUBSCRIPTION", "PROCESSED_EVENT",
            "AUDIT_LOG", "PAPER_STATE", "flyway_schema_history");
  }

  @Test
  void aSecondStartAppliesNothingAndKeepsTheData() {
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      db.stores().processedEvents().markProcessed("kept");
    }
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).isZero();
      assertThat(db.schemaVersion()).isEqualTo("6");
      assertThat(db.stores().processedEvents().markProcessed("kept")).isFalse();
    }
  }

  private List<String> tables() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        ResultSet rows = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }
}
