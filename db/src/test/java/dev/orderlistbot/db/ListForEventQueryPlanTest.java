package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every order event reads its list with the legs, basis and card in one statement (issue 19): each
 * of the four tables must be reached through its key, never scanned, or the one statement would cost
 * more than the three it replaced as the lists pile up.
 */
class ListForEventQueryPlanTest {
  @TempDir Path dataDir;

  @Test
  void theListItsLegsBasisAndCardAreEachFoundByTheirKeyNotATableScan() throws Exception {
    DbConfig config = DbConfig.h2File(dataDir);
    try (Database db = Database.open(config, Clock.systemUTC());
        Connection c = DriverManager.getConnection(config.url(), config.user(), "");
        Statement s = c.createStatement();
        ResultSet plan = s.executeQuery("EXPLAIN " + JdbcListForEvent.SELECT.replace("?", "'ob-1'"))) {
      assertThat(db.appliedMigrations()).isPositive();
      assertThat(plan.next()).isTrue();
      String text = plan.getString(1);
      assertThat(text).doesNotContainIgnoringCase("tableScan");
      // each of the four tables names the index it is looked up by, on the list's client id
      assertThat(Pattern.compile("/\\* PUBLIC\\.\\w+: (L\\.)?LIST_CLIENT_ORDER_ID = ").matcher(text).results().count())
          .as(text)
          .isEqualTo(4);
      // the legs joined last, so the basis and the card are looked up once, not once per leg
      assertThat(text.indexOf("\"PUBLIC\".\"PLACED_ORDER_LEG\"")).isGreaterThan(text.indexOf("\"PUBLIC\".\"ORDER_CARD\""))
          .isGreaterThan(text.indexOf("\"PUBLIC\".\"LIST_BASIS\""));
    }
  }
}
