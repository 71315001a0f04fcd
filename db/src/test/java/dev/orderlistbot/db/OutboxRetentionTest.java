package dev.orderlistbot.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.engine.OutboxRetention;
import dev.orderlistbot.core.port.out.MergeRank;
import dev.orderlistbot.core.port.out.NotificationOutbox;
import dev.orderlistbot.core.port.out.OutboxEntry;
import dev.orderlistbot.core.port.out.OutboxMessage;
import dev.orderlistbot.db.testing.TestDatabase;
import dev.orderlistbot.db.testing.TestDatabases;
import dev.orderlistbot.testing.MutableClock;
import java.math.BigDecimal;
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

/** Old delivered notifications are forgotten; nothing pending or failed ever is. */
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.class)
class OutboxRetentionTest {
  private static final ChatRef CHAT = new ChatRef("telegram", "42");

  @Parameter TestDatabases databases;
  @TempDir Path dataDir;
  private TestDatabase testDatabase;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private Database database;
  private OutboxRetention retention;

  @BeforeEach
  void open() {
    testDatabase = databases.fresh(dataDir);
    database = Database.open(testDatabase.config(), clock);
    retention = new OutboxRetention(database.transactor(), clock, Duration.ofDays(30));
  }

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
      testDatabase.close();
    }
  }

  @Test
  void onlyMessagesDeliveredLongerAgoThanTheRetentionAreForgotten() {
    enqueue("old-delivered", "old-failed", "old-pending");
    List<OutboxEntry> claimed = outbox().claimDue(10, Duration.ofMinutes(2));
    outbox().markDelivered(id(claimed, "old-delivered"));
    outbox().markFailed(id(claimed, "old-failed"), "chat not found");
    clock.advance(Duration.ofDays(20));
    enqueue("recent-delivered");
    outbox().markDelivered(id(outbox().claimDue(10, Duration.ofMinutes(2)), "recent-delivered"));
    clock.advance(Duration.ofDays(11));

    int purged = retention.purge();

    assertThat(purged).isEqualTo(1);
    assertThat(outbox().failed(10)).extracting(e -> e.message().text()).containsExactly("old-failed");
    assertThat(outbox().backlog().pending()).isEqualTo(1);
    assertThat(retention.purge()).isZero();
    clock.advance(Duration.ofDays(20));
    assertThat(retention.purge()).isEqualTo(1);
    assertThat(outbox().backlog().pending()).as("a pending message is kept however old").isEqualTo(1);
  }

  @Test
  void anOrdersMergeRankIsForgottenWithItsDeliveredNoticesButKeptWhileOneIsPending() {
    MergeRank filled = MergeRank.finalNotice(new BigDecimal("0.01"));
    MergeRank older = MergeRank.partial(new BigDecimal("0.004"));
    outbox().enqueueMerged(new OutboxMessage("told", CHAT, "told"), "fills:told", filled, Duration.ZERO);
    outbox().markDelivered(id(outbox().claimDue(10, Duration.ofMinutes(2)), "told"));
    outbox().enqueueMerged(new OutboxMessage("waiting", CHAT, "waiting"), "fills:waiting", filled, Duration.ofDays(40));
    clock.advance(Duration.ofDays(31));

    assertThat(retention.purge()).isEqualTo(1);

    assertThat(outbox().enqueueMerged(new OutboxMessage("told-again", CHAT, "told again"), "fills:told", older, Duration.ZERO))
        .as("nothing of that order is left to protect")
        .isTrue();
    assertThat(outbox().enqueueMerged(new OutboxMessage("stale", CHAT, "stale"), "fills:waiting", older, Duration.ZERO))
        .as("the waiting final notice still outranks it")
        .isFalse();
  }

  @Test
  void aDeliveredNewestNoticeOfAnOrderIsKeptWhileAnOlderOneIsPendingSoItsRankStillDropsOlderNews() {
    // 0.002 is claimed and stays pending (its send hangs); 0.004 opens the newest row, 0.008 merges
    // into it, and it is delivered: after the retention, it may not be forgotten while 0.002 is
    // pending, or a snapshot of 0.006 would be told after 0.008
    outbox().enqueueMerged(new OutboxMessage("p2", CHAT, "0.002"), "fills:hung", partial("0.002"), Duration.ZERO);
    OutboxEntry hung = outbox().claimDue(10, Duration.ofDays(100)).getFirst();
    outbox().enqueueMerged(new OutboxMessage("p4", CHAT, "0.004"), "fills:hung", partial("0.004"), Duration.ZERO);
    outbox().enqueueMerged(new OutboxMessage("p8", CHAT, "0.008"), "fills:hung", partial("0.008"), Duration.ZERO);
    outbox().markDelivered(id(outbox().claimDue(10, Duration.ofMinutes(2)), "0.008"));
    clock.advance(Duration.ofDays(31));

    assertThat(retention.purge()).isZero();

    assertThat(outbox().enqueueMerged(new OutboxMessage("p6", CHAT, "0.006"), "fills:hung", partial("0.006"), Duration.ZERO))
        .isFalse();
    outbox().markDelivered(hung.id());
    clock.advance(Duration.ofDays(31));
    assertThat(retention.purge()).as("both rows, once nothing of the order is pending").isEqualTo(2);
  }

  private static MergeRank partial(String filled) {
    return MergeRank.partial(new BigDecimal(filled));
  }

  private void enqueue(String... texts) {
    for (String text : texts) {
      outbox().enqueue(new OutboxMessage(text, CHAT, text));
    }
  }

  private NotificationOutbox outbox() {
    return database.stores().outbox();
  }

  private static long id(List<OutboxEntry> entries, String text) {
    return entries.stream().filter(e -> e.message().text().equals(text)).findFirst().orElseThrow().id();
  }
}
