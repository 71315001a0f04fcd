package dev.orderlistbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.engine.InstanceLeases;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One connection per bot token (Discord gateway, Telegram polling): the lease holder connects, the others stand by. */
class LeasedConnectionTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 5), clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theFirstInstanceConnectsAndTheSecondStandsBy() {
    Instance a = new Instance("bot-a");
    Instance b = new Instance("bot-b");

    a.gateway.start();
    b.gateway.start();
    a.tick();
    b.tick();

    assertThat(a.connected).isTrue();
    assertThat(b.connected).isFalse();
  }

  @Test
  void aKilledHoldersGatewayIsConnectedByTheStandbyWithin30Seconds() {
    Instance a = new Instance("bot-a");
    Instance b = new Instance("bot-b");
    a.gateway.start();
    b.gateway.start();

    Duration waited = Duration.ZERO;
    while (!b.connected && waited.compareTo(Duration.ofMinutes(2)) < 0) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      waited = waited.plus(InstanceLeases.RENEW_EVERY);
      b.tick();
    }

    assertThat(b.connected).isTrue();
    assertThat(waited).isLessThanOrEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aCleanStopDisconnectsBeforeGivingTheLeaseUpAndTheStandbyConnectsAtItsNextTick() {
    Instance a = new Instance("bot-a");
    Instance b = new Instance("bot-b");
    a.gateway.start();
    b.gateway.start();

    a.gateway.stop();
    assertThat(a.connected).isFalse();
    a.leases.releaseAll();
    b.tick();

    assertThat(b.connected).isTrue();
  }

  @Test
  void aHolderThatLostItsLeaseDisconnects() {
    Instance a = new Instance("bot-a");
    Instance b = new Instance("bot-b");
    a.gateway.start();
    // a's process stalls past the lease (a long GC pause): b takes the gateway
    clock.advance(InstanceLeases.TTL.plusSeconds(1));
    b.tick();
    assertThat(b.connected).isTrue();

    a.tick();

    assertThat(a.connected).isFalse();
  }

  @Test
  void aConnectionThatCannotBeMadeAgainIsRetiredOnLosingItsLeaseAndLeftToTheNewHolder() {
    Instance a = new Instance("bot-a", false);
    Instance b = new Instance("bot-b", false);
    a.gateway.start();
    clock.advance(InstanceLeases.TTL.plusSeconds(1));
    b.tick();
    a.tick();
    assertThat(a.connected).isFalse();

    // b stops cleanly later: a, retired, does not poll again in this process
    b.gateway.stop();
    b.leases.releaseAll();
    for (int round = 0; round < 3; round++) {
      clock.advance(InstanceLeases.RENEW_EVERY);
      a.tick();
    }

    assertThat(a.connected).isFalse();
    assertThat(a.connects).isEqualTo(1);
  }

  @Test
  void aTokenDiscordRefusesStopsTheStartOfTheHolder() {
    InstanceLeases leases = new InstanceLeases(database.transactor(), clock, "bot-a", Set.of());
    LeasedConnection gateway = new LeasedConnection("Discord gateway", LeasedConnection.DISCORD, leases, () -> {
      throw new IllegalStateException("DISCORD_BOT_TOKEN: Discord refused the token");
    }, () -> {}, true);

    assertThatThrownBy(gateway::start).hasMessageContaining("refused");
  }

  /** One bot instance's leases and its Discord connection. */
  private final class Instance {
    final InstanceLeases leases;
    final LeasedConnection gateway;
    boolean connected;
    int connects;

    Instance(String id) {
      this(id, true);
    }

    Instance(String id, boolean reconnects) {
      leases = new InstanceLeases(database.transactor(), clock, id, Set.of(InstanceLeases.SWEEPS));
      gateway = new LeasedConnection("Discord gateway", LeasedConnection.DISCORD, leases, () -> {
        connected = true;
        connects++;
      }, () -> connected = false, reconnects);
    }

    void tick() {
      leases.tick();
      gateway.tick();
    }
  }
}
