package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.testing.TestDatabase;
import dev.orderlistbot.db.testing.TestDatabases;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A message enqueued for later (a warning that the answer it stands in for may still make needless)
 * and its withdrawal: never sent once withdrawn, never withdrawn once a dispatcher holds it.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class OutboxWithdrawTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final ChatRef CHAT = new ChatRef("telegram", "42");
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Parameter TestDatabases databases;
  @TempDir Path dataDir;
  private TestDatabase testDatabase;
  private final MutableClock clock = new MutableClock(START);
  private Database database;

  @BeforeEach
  void open() {
    testDatabase = databases.fresh(dataDir);
    database = Database.open(testDatabase.config(), clock);
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
      testDatabase.close();
    }
  }

  private NotificationOutbox outbox() {
    return database.stores().outbox();
  }

  @Test
  void aMessageEnqueuedForLaterIsClaimedOnlyOnceItsDelayIsOver() {
    assertThat(outbox().enqueueLater(new OutboxMessage("held:1", CHAT, "later"), Duration.ofMinutes(3))).isTrue();

    clock.advance(Duration.ofMinutes(2));
    List<OutboxEntry> early = outbox().claimDue(10, LEASE);
    clock.advance(Duration.ofMinutes(1));
    List<OutboxEntry> due = outbox().claimDue(10, LEASE);

    assertThat(early).isEmpty();
    assertThat(due).extracting(entry -> entry.message().text()).containsExactly("later");
  }

  @Test
  void aWithdrawnMessageIsNeverSentAndLeavesTheBacklog() {
    outbox().enqueueLater(new OutboxMessage("held:1", CHAT, "later"), Duration.ofMinutes(3));

    boolean withdrawn = outbox().withdraw("held:1");
    clock.advance(Duration.ofMinutes(10));

    assertThat(withdrawn).isTrue();
    assertThat(outbox().claimDue(10, LEASE)).isEmpty();
    assertThat(outbox().backlog().pending()).isZero();
    assertThat(outbox().withdraw("held:1")).as("withdrawn once").isFalse();
    assertThat(outbox().enqueue(new OutboxMessage("held:1", CHAT, "again"))).as("its key stays taken").isFalse();
  }

  @Test
  void aMessageADispatcherHoldsIsNotWithdrawn() {
    outbox().enqueueLater(new OutboxMessage("held:1", CHAT, "later"), Duration.ZERO);
    OutboxEntry claimed = outbox().claimDue(10, LEASE).getFirst();

    assertThat(outbox().withdraw("held:1")).isFalse();
    assertThat(outbox().markDelivered(claimed.id())).as("the send it was claimed for ends it").isTrue();
  }

  @Test
  void withdrawingAKeyNoMessageHasChangesNothing() {
    outbox().enqueue(new OutboxMessage("other", CHAT, "now"));

    assertThat(outbox().withdraw("held:1")).isFalse();
    assertThat(outbox().backlog().pending()).isEqualTo(1);
  }
}
