package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.ProcessedEventStore;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Processed events, each with the list it was about when the router knew it. The purge keeps every
 * record an unsettled list may own: a list is unsettled while it is open (any state but ALL_DONE and
 * REJECTED, so states added later count as open) or finished since the cutoff.
 */
final class JdbcProcessedEventStore implements ProcessedEventStore {
  private static final String UNSETTLED = "(l.state NOT IN ('ALL_DONE', 'REJECTED') OR l.updated_at >= ?)";
  private static final String PURGE =
      "DELETE FROM processed_event WHERE processed_at < ? AND ("
          + "(list_client_order_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM placed_order_list l"
          + " WHERE l.list_client_order_id = processed_event.list_client_order_id AND " + UNSETTLED + "))"
          + " OR (list_client_order_id IS NULL AND NOT EXISTS (SELECT 1 FROM placed_order_list l"
          + " WHERE l.created_at <= processed_event.processed_at AND " + UNSETTLED + ")))";

  private final Session session;
  private final Clock clock;
  private final Dialect dialect;

  JdbcProcessedEventStore(Session session, Clock clock, Dialect dialect) {
    this.session = session;
    this.clock = clock;
    this.dialect = dialect;
  }

  @Override
  public boolean markProcessed(String eventId) {
    return mark(eventId, null);
  }

  @Override
  public boolean markProcessed(String eventId, String listClientOrderId) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    return mark(eventId, listClientOrderId);
  }

  private boolean mark(String eventId, String listClientOrderId) {
    Objects.requireNonNull(eventId, "eventId");
    if (eventId.isBlank() || eventId.length() > 200) {
      throw new IllegalArgumentException("an event identity is 1 to 200 characters");
    }
    return session.run(
        "mark an exchange event processed",
        c ->
            Transactions.insertOneRowIfAbsent(
                c,
                dialect,
                conn -> {
                  try (PreparedStatement insert =
                      conn.prepareStatement(
                          "INSERT INTO processed_event (event_id, processed_at, list_client_order_id) VALUES (?, ?, ?)")) {
                    insert.setString(1, eventId);
                    insert.setObject(2, Rows.timestamp(clock.instant()));
                    insert.setString(3, listClientOrderId);
                    return insert.executeUpdate();
                  }
                }));
  }

  @Override
  public int purgeSettledBefore(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return session.run("purge processed events", c -> Rows.deleteBefore(c, PURGE, cutoff));
  }
}
