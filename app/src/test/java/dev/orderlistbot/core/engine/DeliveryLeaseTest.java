package dev.orderlistbot.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Secret;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.Database;
import dev.orderlistbot.db.DbConfig;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A notice is sent only while the drain that claimed it still holds its claim, however long the
 * platform takes: two drains over one outbox (two instances, or a tick and a trigger) never send a
 * notice twice.
 */
class DeliveryLeaseTest {
  private static final Duration SEND_TAKES = Duration.ofSeconds(3);
  private static final int NOTICES = 50;

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private Database database;
  private NotificationDispatcher other;

  @BeforeEach
  void open() {
    database = Database.open(new DbConfig(DbConfig.defaultUrl(dir), "sa", Secret.of(""), 4), clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aBatchOutlivingItsLeaseOnASlowPlatformLeavesTheRestToTheDrainThatTookThemAndEachNoticeGoesOnce() {
    // every send takes 3 s; while the first drain is in its 40th send (2 minutes: the lease), the
    // other drain runs and takes what the first drain's claim no longer covers
    ScriptedChatPlatform telegram =
        new ScriptedChatPlatform(
            "telegram",
            send -> {
              clock.advance(SEND_TAKES);
              if (send == 40) {
                other.drainOnce();
              }
            });
    NotificationDispatcher first = dispatcher(telegram);
    other = dispatcher(telegram);
    for (int i = 1; i <= NOTICES; i++) {
      OutboxMessage notice = new OutboxMessage("lease:" + i, new ChatRef("telegram", String.valueOf(1000 + i)), "notice " + i);
      database.transactor().inTransaction(stores -> stores.outbox().enqueue(notice));
    }

    first.drainOnce();

    assertThat(telegram.sendsPerText()).hasSize(NOTICES);
    assertThat(telegram.sendsPerText())
        .allSatisfy((text, sends) -> assertThat(sends).as("sends of " + text).isEqualTo(1));
    long pending = database.transactor().inTransaction(stores -> stores.outbox().backlog().pending());
    assertThat(pending).isZero();
  }

  private NotificationDispatcher dispatcher(ScriptedChatPlatform platform) {
    return new NotificationDispatcher(
        database.transactor(),
        ChatPlatforms.of(platform),
        Map.of(platform.platform(), DeliveryPolicy.unlimited()),
        clock,
        Runnable::run);
  }
}
