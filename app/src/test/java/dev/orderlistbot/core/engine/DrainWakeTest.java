package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group's alerts go out at the group's pace, not at the app's tick: a notice its chat's limit
 * held back asks for a drain at its own slot, once per instant.
 */
class DrainWakeTest {
  private static final Instant T0 = Instant.parse("2026-12-04T05:00:00Z");
  private static final ChatRef GROUP = new ChatRef("telegram", "-100200300");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final List<Instant> wakes = new ArrayList<>();
  private final List<Runnable> drains = new ArrayList<>();
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 4), clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aGroupAlertHeldByItsGroupsLimitIsSentAtItsSlotByTheDrainItAskedFor() {
    ScriptedChatPlatform telegram = new ScriptedChatPlatform("telegram", send -> {});
    DrainWaker recordingWaker = (at, drain) -> {
      wakes.add(at);
      drains.add(drain);
    };
    NotificationDispatcher dispatcher = new NotificationDispatcher(
        database.transactor(),
        ChatPlatforms.of(telegram),
        clock,
        Runnable::run,
        DispatchSettings.defaults()
            .withPolicies(Map.of("telegram", DeliveryPolicy.telegramAtTheCeiling().perChatOnly()))
            .withWaker(recordingWaker));
    for (int i = 1; i <= 3; i++) {
      OutboxMessage alert = new OutboxMessage("alert:" + i, GROUP, "alert " + i);
      database.transactor().inTransaction(stores -> stores.outbox().enqueue(alert));
    }

    dispatcher.drainOnce();

    assertThat(telegram.sendsPerText()).containsOnlyKeys("alert 1");
    assertThat(wakes).as("one wake for the slot both waiting alerts were put back to").containsExactly(T0.plusMillis(3_100));

    clock.set(T0.plusMillis(3_100));
    drains.getFirst().run();

    assertThat(telegram.sendsPerText()).containsOnlyKeys("alert 1", "alert 2");
    assertThat(wakes).containsExactly(T0.plusMillis(3_100), T0.plusMillis(6_200));
  }
}
