package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.Secret;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2QueryCacheTest {
  @TempDir Path dataDir;

  @Test
  void anH2DatabaseKeepsMoreParsedStatementsThanAnOrderEventRuns() throws Exception {
    DbConfig config = DbConfig.h2File(dataDir);
    try (Database db = Database.open(config, Clock.systemUTC())) {
      assertThat(db.appliedMigrations()).isPositive();
      // a second connection joins the open database, whose settings are the pool's
      try (Connection c = DriverManager.getConnection(config.url(), config.user(), "");
          Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getInt(1)).isEqualTo(Database.H2_QUERY_CACHE);
      }
    }
  }

  @Test
  void anOperatorsOwnQueryCacheSizeAndPostgresUrlsAreLeftAsTheyAre() {
    String own = DbConfig.defaultUrl(dataDir) + ";QUERY_CACHE_SIZE=16";
    String postgres = "jdbc:postgresql://db:5432/orderlistbot";

    assertThat(Database.withQueryCache(new DbConfig(own, "sa", Secret.of(""), 2))).isEqualTo(own);
    assertThat(Database.withQueryCache(new DbConfig(postgres, "bot", Secret.of("pw"), 2))).isEqualTo(postgres);
    assertThat(Database.withQueryCache(DbConfig.h2File(dataDir))).endsWith(";QUERY_CACHE_SIZE=128");
  }
}
