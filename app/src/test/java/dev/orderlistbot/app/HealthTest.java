package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.core.port.out.PaperStateStore;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.paper.PaperConfig;
import dev.orderlistbot.paper.PaperExchange;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code /healthz} says of this instance's leases. */
class HealthTest {
  @TempDir Path dir;

  @Test
  void theLeasesShownAreTheWorkHeldNotTheAccountsStreamsOrTheRunningActions() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (Database database = Database.open(DbConfig.h2File(dir), clock);
        PaperExchange paper = PaperExchange.create(
            PaperConfig.defaults().withoutPriceWalk(), clock, scheduler, (owner, update) -> {}, PaperStateStore.inMemory())) {
      InstanceLeases leases = new InstanceLeases(database.transactor(), clock, "bot-a", Set.of(InstanceLeases.SWEEPS));
      leases.tick();
      leases.acquire("stream:telegram:1001");
      leases.acquire(InstanceLeases.ACTION_PREFIX + "3f1c9a52-8d0e-4a55-9b1e-2c7d4e6f8a90");

      Health.Report report = new Health(database.transactor(), paper, List.of("telegram"), leases).check();

      assertThat(report.leases()).containsExactly(InstanceLeases.SWEEPS);
      assertThat(report.streams()).isEqualTo(1);
      assertThat(report.instance()).isEqualTo("bot-a");
    } finally {
      scheduler.shutdownNow();
    }
  }
}
