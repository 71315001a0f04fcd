package dev.orderlistbot.db;

import dev.orderlistbot.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.OrderListState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void migrationsBuildEveryTableInAnEmptyDatabase() throws Exception {
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).isEqualTo(17);
      assertThat(db.schemaVersion()).isEqualTo("17");
    }
    assertThat(tables())
        .contains("CHAT_USER", "CHAT_USER_SETTING", "MASTER_KEY_CHECK", "API_CREDENTIAL", "PENDING_CONFIRMATION",
            "PLACED_ORDER_LIST", "PLACED_ORDER_LEG", "NOTIFICATION_OUTBOX", "NOTIFICATION_MERGE", "ALERT_SUBSCRIPTION", "PROCESSED_EVENT",
            "AUDIT_LOG", "PAPER_STATE", "BREAKEVEN_PLAN", "BREAKEVEN_PLAN_LIST", "ORDER_CARD", "OWED_ACTION", "KEY_POSTURE", "USER_LIMIT", "USER_DAY_LEDGER", "LIST_BASIS", "STEP_UP", "flyway_schema_history");
  }

  @Test
  void aSecondStartAppliesNothingAndKeepsTheData() {
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      db.stores().processedEvents().markProcessed("kept");
    }
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).isZero();
      assertThat(db.schemaVersion()).isEqualTo("17");
      assertThat(db.stores().processedEvents().markProcessed("kept")).isFalse();
    }
  }

  @Test
  void aListRecordedBeforeVersion6KeepsItsStateAndCanThenBeMarkedCancelling() throws Exception {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(DbConfig.defaultUrl(dataDir), "sa", "")
        .locations("classpath:db/migration")
        .target("5")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        Statement insert = c.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO placed_order_list (list_client_order_id, owner_platform, owner_user_id, chat_platform, chat_id,"
              + " list_kind, symbol, order_list_id, state, created_at, updated_at) VALUES ('ob-v3', 'telegram', '1001',"
              + " 'telegram', '1001', 'OCO', 'BTCUSDT', 8821, 'EXECUTING', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00',"
              + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00')");
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).as("V6 to V17").isEqualTo(12);
      assertThat(db.stores().orderLists().findByListClientOrderId("ob-v3").orElseThrow().state())
          .isEqualTo(OrderListState.EXECUTING);
      assertThat(db.stores().orderLists().changeState("ob-v3", OrderListState.EXECUTING, OrderListState.CANCELLING)).isTrue();
      assertThat(db.stores().orderLists().listOpen(new UserRef("telegram", "1001"))).hasSize(1);
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
