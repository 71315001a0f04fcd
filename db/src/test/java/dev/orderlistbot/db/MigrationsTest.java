package dev.orderlistbot.db;

import dev.orderlistbot.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.port.out.CountedFill;
import dev.orderlistbot.core.port.out.LimitStore;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.core.port.out.PaperState;
import dev.orderlistbot.core.port.out.PaperState.Section;
import dev.orderlistbot.core.port.out.PaperStateChange;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
  @TempDir Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

  @Test
  void migrationsBuildEveryTableInAnEmptyDatabase() throws Exception {
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).isEqualTo(22);
      assertThat(db.schemaVersion()).isEqualTo("22");
    }
    assertThat(tables())
        .contains("CHAT_USER", "CHAT_USER_SETTING", "MASTER_KEY_CHECK", "API_CREDENTIAL", "PENDING_CONFIRMATION",
            "PLACED_ORDER_LIST", "PLACED_ORDER_LEG", "NOTIFICATION_OUTBOX", "NOTIFICATION_MERGE", "ALERT_SUBSCRIPTION", "PROCESSED_EVENT",
            "AUDIT_LOG", "PAPER_STATE", "PAPER_ACCOUNT", "BREAKEVEN_PLAN", "BREAKEVEN_PLAN_LIST", "ORDER_CARD", "OWED_ACTION", "KEY_POSTURE", "USER_LIMIT", "USER_DAY_LEDGER", "LIST_BASIS", "STEP_UP", "flyway_schema_history");
  }

  @Test
  void aSecondStartAppliesNothingAndKeepsTheData() {
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      db.stores().processedEvents().markProcessed("kept");
    }
    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).isZero();
      assertThat(db.schemaVersion()).isEqualTo("22");
      assertThat(db.stores().processedEvents().markProcessed("kept")).isFalse();
    }
  }

  @Test
  void aListRecordedBeforeVersion6KeepsItsStateAndCanThenBeMarkedCancelling() throws Exception {
    migrateTo("5");
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        Statement insert = c.createStatement()) {
      insertExecutingList(insert, "ob-v3", "OCO", 8821);
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).as("V6 to V22").isEqualTo(17);
      assertThat(db.stores().orderLists().findByListClientOrderId("ob-v3").orElseThrow().state())
          .isEqualTo(OrderListState.EXECUTING);
      assertThat(db.stores().orderLists().changeState("ob-v3", OrderListState.EXECUTING, OrderListState.CANCELLING)).isTrue();
      assertThat(db.stores().orderLists().listOpen(new UserRef("telegram", "1001"))).hasSize(1);
    }
  }

  @Test
  void anOrdersNoticesWrittenBeforeVersion18KeepTheirRankAndTheWaitingOneStillTakesMerges() throws Exception {
    migrateTo("17");
    // as the code before V18 left them: the rank 0.006 in notification_merge, a delivered row and
    // the waiting row that took the last notice
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        Statement insert = c.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO notification_merge (merge_key, target_platform, target_chat_id, final_notice, filled_quantity, updated_at)"
              + " VALUES ('fills:v17', 'telegram', '1001', 0, 0.006, TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00')");
      insert.executeUpdate(
          "INSERT INTO notification_outbox (dedupe_key, target_platform, target_chat_id, message_text, created_at, attempts,"
              + " next_attempt_at, delivered_at, merge_key) VALUES ('p2', 'telegram', '1001', '0.002', TIMESTAMP WITH TIME ZONE"
              + " '2026-03-01 09:00:00+00', 1, TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:00+00',"
              + " TIMESTAMP WITH TIME ZONE '2026-03-01 09:00:01+00', 'fills:v17')");
      insert.executeUpdate(
          "INSERT INTO notification_outbox (dedupe_key, target_platform, target_chat_id, message_text, created_at, attempts,"
              + " next_attempt_at, merge_key) VALUES ('p4', 'telegram', '1001', '0.006', TIMESTAMP WITH TIME ZONE"
              + " '2026-03-01 09:59:00+00', 0, TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:05+00', 'fills:v17')");
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).as("V18 to V22").isEqualTo(5);
      ChatRef chat = new ChatRef("telegram", "1001");
      NotificationOutbox outbox = db.stores().outbox();
      assertThat(outbox.enqueueMerged(new OutboxMessage("p5", chat, "0.005"), "fills:v17", MergeRank.partial(new BigDecimal("0.005")), Duration.ZERO))
          .isFalse();
      assertThat(outbox.enqueueMerged(new OutboxMessage("p8", chat, "0.008"), "fills:v17", MergeRank.partial(new BigDecimal("0.008")), Duration.ZERO))
          .isTrue();
      assertThat(outbox.claimDue(10, Duration.ofMinutes(1)))
          .extracting(e -> e.message().dedupeKey() + "=" + e.message().text())
          .containsExactly("p4=0.008");
    }
  }

  @Test
  void aLegSeenEndedBeforeVersion21StaysEndedAndIsNotTakenForFilled() throws Exception {
    migrateTo("20");
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        Statement insert = c.createStatement()) {
      insertExecutingList(insert, "ob-v20", "OTOCO", 8822);
      insert.executeUpdate(
          "INSERT INTO placed_order_leg (list_client_order_id, leg_index, client_order_id, order_id, ended) VALUES"
              + " ('ob-v20', 0, 'ob-v20-w', 1, TRUE), ('ob-v20', 1, 'ob-v20-tp', 2, FALSE)");
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).as("V21 and V22").isEqualTo(2);
      assertThat(db.stores().orderLists().findByListClientOrderId("ob-v20").orElseThrow().legs())
          .extracting(TrackedLeg::ended, TrackedLeg::filled)
          .containsExactly(tuple(true, false), tuple(false, false));
    }
  }

  @Test
  void aLegWrittenBeforeVersion22HasNoCountedFillUntilItsNextCountAndALegWrittenSinceStartsAtNothing() throws Exception {
    migrateTo("21");
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        Statement insert = c.createStatement()) {
      insertExecutingList(insert, "ob-v21", "OTOCO", 8823);
      insert.executeUpdate(
          "INSERT INTO placed_order_leg (list_client_order_id, leg_index, client_order_id, order_id, ended, filled) VALUES"
              + " ('ob-v21', 0, 'ob-v21-w', 1, TRUE, TRUE), ('ob-v21', 1, 'ob-v21-sl', 2, FALSE, FALSE)");
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).as("V22").isEqualTo(1);
      LimitStore limits = db.stores().limits();
      // not known: the ledger counts this event as its own trade, as before V22
      assertThat(limits.countFill("ob-v21", "ob-v21-sl", new BigDecimal("0.004"), new BigDecimal("76"))).isEmpty();
      CountedFill since = limits.countFill("ob-v21", "ob-v21-sl", new BigDecimal("0.01"), new BigDecimal("190")).orElseThrow();
      assertThat(since.quantity()).isEqualByComparingTo("0.004");
      assertThat(since.quote()).isEqualByComparingTo("76");

      db.stores().orderLists().record(
          new TrackedOrderList("ob-v22", new UserRef("telegram", "1001"), new ChatRef("telegram", "1001"), ListKind.OCO,
              new Symbol("BTCUSDT"), OptionalLong.empty(), List.of(new TrackedLeg("ob-v22-tp", OptionalLong.empty())),
              OrderListState.EXECUTING, clock.instant(), clock.instant()));
      CountedFill fresh = limits.countFill("ob-v22", "ob-v22-tp", new BigDecimal("0.01"), new BigDecimal("320")).orElseThrow();
      assertThat(fresh.quantity()).isZero();
      assertThat(fresh.quote()).isZero();
    }
  }

  @Test
  void aPaperStateSavedBeforeVersion20IsAnsweredWholeAndTheFirstSaveSplitsIt() throws Exception {
    migrateTo("19");
    String whole = "orderlist-bot paper-state 1\nids epoch=x list=2 order=3 event=4\naccount key=paper-telegram-1\nend\n";
    try (Connection c = DriverManager.getConnection(DbConfig.defaultUrl(dataDir), "sa", "");
        PreparedStatement insert = c.prepareStatement("INSERT INTO paper_state (state_id, snapshot, saved_at) VALUES (1, ?, ?)")) {
      insert.setString(1, whole);
      insert.setObject(2, Rows.timestamp(clock.instant()));
      insert.executeUpdate();
    }

    try (Database db = Database.open(DbConfig.h2File(dataDir), clock)) {
      assertThat(db.appliedMigrations()).as("V20 to V22").isEqualTo(3);
      assertThat(db.paperState().load()).contains(new PaperState(whole, List.of()));
      String rest = "orderlist-bot paper-state 1\nids epoch=x list=2 order=3 event=4\n";
      Section account = new Section("paper-telegram-1", "account key=paper-telegram-1\n");
      db.paperState().save(new PaperStateChange(Optional.of(rest), List.of(account), Set.of()));
      assertThat(db.paperState().load()).contains(new PaperState(rest, List.of(account)));
    }
  }

  /** Migrates the empty database in {@code dataDir} up to {@code version} only, as an older release left it. */
  private void migrateTo(String version) {
    Flyway.configure(Database.class.getClassLoader())
        .dataSource(DbConfig.defaultUrl(dataDir), "sa", "")
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  /** An EXECUTING list of Telegram user 1001, as the code of every version since V1 wrote one. */
  private static void insertExecutingList(Statement insert, String listClientOrderId, String kind, long orderListId)
      throws SQLException {
    insert.executeUpdate(
        "INSERT INTO placed_order_list (list_client_order_id, owner_platform, owner_user_id, chat_platform, chat_id,"
            + " list_kind, symbol, order_list_id, state, created_at, updated_at) VALUES ('" + listClientOrderId + "',"
            + " 'telegram', '1001', 'telegram', '1001', '" + kind + "', 'BTCUSDT', " + orderListId + ", 'EXECUTING',"
            + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00', TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00')");
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
