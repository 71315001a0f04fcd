package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher asks, before every send, whether a later row makes the message older news: that
 * question must be answered from indexes, not by reading every row queued after it (in a burst of
 * a thousand fills, each send read the thousands behind it: 13% of the bot's CPU).
 */
class OutboxQueryPlanTest {
  @TempDir Path dataDir;

  @Test
  void whetherALaterNoticeSupersedesOneIsAnsweredFromIndexesNotATableScan() throws Exception {
    DbConfig config = DbConfig.h2File(dataDir);
    try (Database db = Database.open(config, Clock.systemUTC());
        Connection c = DriverManager.getConnection(config.url(), config.user(), "");
        Statement s = c.createStatement();
        ResultSet plan = s.executeQuery("EXPLAIN " + JdbcNotificationOutbox.SUPERSEDED.replace("?", "42"))) {
      assertThat(db.appliedMigrations()).isPositive();
      assertThat(plan.next()).isTrue();
      String text = plan.getString(1);
      assertThat(text).doesNotContainIgnoringCase("tableScan");
      // the later rows are found by the chat's message or merge key, not by a range of ids
      assertThat(text).doesNotContainPattern("PRIMARY_KEY_\\w+: OUTBOX_ID >");
      assertThat(text).contains("IX_NOTIFICATION_OUTBOX_REPLACES", "IX_NOTIFICATION_OUTBOX_MERGE");
    }
  }
}
