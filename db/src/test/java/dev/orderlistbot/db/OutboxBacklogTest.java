package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.OutboxBacklog;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.testing.TestDatabase;
import dev.orderlistbot.db.testing.TestDatabases;
import dev.orderlistbot.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox's backlog for the operator's metrics, on a database of its own (exact counts and ages). */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class OutboxBacklogTest {
  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
  private static final ChatRef CHAT = new ChatRef("telegram", "42");

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
  void anEmptyOutboxHasNoBacklog() {
    assertThat(outbox().backlog()).isEqualTo(OutboxBacklog.EMPTY);
    assertThat(outbox().backlog().oldestAge(START)).isZero();
  }

  @Test
  void theBacklogIsThePendingMessagesAndTheAgeOfTheOldestOfThem() {
    outbox().enqueue(new OutboxMessage("first", CHAT, "first"));
    clock.advance(Duration.ofSeconds(10));
    outbox().enqueue(new OutboxMessage("second", CHAT, "second"));
    clock.advance(Duration.ofSeconds(5));
    outbox().enqueue(new OutboxMessage("third", CHAT, "third"));
    clock.advance(Duration.ofSeconds(30));

    OutboxBacklog backlog = outbox().backlog();

    assertThat(backlog.pending()).isEqualTo(3);
    assertThat(backlog.oldestCreatedAt()).contains(START);
    assertThat(backlog.oldestAge(clock.instant())).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void deliveredAndFailedMessagesLeaveTheBacklog() {
    outbox().enqueue(new OutboxMessage("delivered", CHAT, "delivered"));
    clock.advance(Duration.ofSeconds(10));
    outbox().enqueue(new OutboxMessage("failed", CHAT, "failed"));
    clock.advance(Duration.ofSeconds(10));
    outbox().enqueue(new OutboxMessage("pending", CHAT, "pending"));
    List<OutboxEntry> claimed = outbox().claimDue(10, Duration.ofMinutes(2));
    outbox().markDelivered(id(claimed, "delivered"));
    outbox().markFailed(id(claimed, "failed"), "chat not found");

    OutboxBacklog backlog = outbox().backlog();

    assertThat(backlog).isEqualTo(new OutboxBacklog(1, Optional.of(START.plusSeconds(20))));
    outbox().markDelivered(id(claimed, "pending"));
    assertThat(outbox().backlog()).isEqualTo(OutboxBacklog.EMPTY);
  }

  private static long id(List<OutboxEntry> entries, String text) {
    return entries.stream().filter(e -> e.message().text().equals(text)).findFirst().orElseThrow().id();
  }
}
