package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.ProcessedEventStore;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

final class JdbcProcessedEventStore implements ProcessedEventStore {
  private final Session session;
  private final Clock clock;

  JdbcProcessedEventStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public boolean markProcessed(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    if (eventId.isBlank() || eventId.length() > 200) {
      throw new IllegalArgumentException("an event identity is 1 to 200 characters");
    }
    return session.run(
        "mark an exchange event processed",
        c ->
            Transactions.insertIfAbsent(
                c,
                conn -> {
                  try (PreparedStatement insert =
                      conn.prepareStatement("INSERT INTO processed_event (event_id, processed_at) VALUES (?, ?)")) {
                    insert.setString(1, eventId);
                    insert.setObject(2, Rows.timestamp(clock.instant()));
                    return insert.executeUpdate();
                  }
                }));
  }

  @Override
  public int purgeProcessedBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return session.run(
        "purge processed events",
        c -> {
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM processed_event WHERE processed_at < ?")) {
            delete.setObject(1, Rows.timestamp(cutoff));
            return delete.executeUpdate();
          }
        });
  }
}
