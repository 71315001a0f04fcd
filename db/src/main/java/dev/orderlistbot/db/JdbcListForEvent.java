package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.ListBasis;
import dev.orderlistbot.core.port.out.ListForEvent;
import dev.orderlistbot.core.port.out.OrderCard;
import dev.orderlistbot.core.port.out.Stores;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link Stores#listForEvent} in one SELECT: the list's row joined with its legs' rows (one row per
 * leg, the list's columns repeated), its basis's row and its card's row (NULL columns where it has
 * none), every join on the joined table's primary key or the legs' key, the legs' last. Routing an order event read
 * the three with three statements (issue 19: the basis and the card were a tenth of routing an
 * event in the 5,000-account profile). Columns are read by position: H2 builds a map of the column
 * labels for each result set read by name.
 */
final class JdbcListForEvent {
  private static final int LEG = 12;
  private static final int BASIS = LEG + 4;
  private static final int CARD = BASIS + 6;

  static final String SELECT =
      "SELECT " + prefixed("l", JdbcTrackedOrderListStore.COLUMNS)
          + ", g.client_order_id, g.order_id, g.ended, g.filled, "
          + prefixed("b", JdbcLimitStore.BASIS_COLUMNS) + ", " + prefixed("c", JdbcOrderCardStore.COLUMNS)
          + " FROM placed_order_list l"
          + " LEFT JOIN list_basis b ON b.list_client_order_id = l.list_client_order_id"
          + " LEFT JOIN order_card c ON c.list_client_order_id = l.list_client_order_id"
          // the legs last: H2 joins in the order written (outer joins are not reordered), so the
          // basis and the card are looked up once for the list, not once for each of its legs
          + " LEFT JOIN placed_order_leg g ON g.list_client_order_id = l.list_client_order_id"
          + " WHERE l.list_client_order_id = ? ORDER BY g.leg_index";

  private final Session session;

  JdbcListForEvent(Session session) {
    this.session = session;
  }

  Optional<ListForEvent> find(String listClientOrderId) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    return session.run(
        "find a placed order list with its basis and card",
        c -> {
          try (PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, listClientOrderId);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
          }
        });
  }

  /** The list, its basis and card from the first row, its legs from every row. */
  private static ListForEvent read(ResultSet row) throws SQLException {
    TrackedOrderList list = JdbcTrackedOrderListStore.map(row).withoutLegs();
    Optional<ListBasis> basis =
        row.getString(BASIS) == null ? Optional.empty() : Optional.of(JdbcLimitStore.basisAt(row, BASIS));
    Optional<OrderCard> card =
        row.getString(CARD) == null ? Optional.empty() : Optional.of(JdbcOrderCardStore.at(row, CARD));
    List<TrackedLeg> legs = new ArrayList<>(3);
    do {
      String legId = row.getString(LEG);
      if (legId != null) {
        legs.add(OrderLegRows.at(row, LEG));
      }
    } while (row.next());
    return new ListForEvent(JdbcTrackedOrderListStore.withLegs(list, legs), basis, card);
  }

  private static String prefixed(String alias, String columns) {
    return Arrays.stream(columns.split(", ")).map(column -> alias + "." + column.strip()).collect(Collectors.joining(", "));
  }
}
