package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.TrackedLeg;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of {@code placed_order_leg}: a placed list's orders in their order, each with whether
 * the bot saw it end and whether it had filled (even in part) when it did. Used inside the
 * connection of a {@link JdbcTrackedOrderListStore} statement.
 */
final class OrderLegRows {
  private static final String COLUMNS = "client_order_id, order_id, ended, filled";

  private OrderLegRows() {}

  static void insert(Connection c, String listClientOrderId, List<TrackedLeg> legs) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO placed_order_leg (list_client_order_id, leg_index, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < legs.size(); i++) {
        insert.setString(1, listClientOrderId);
        insert.setInt(2, i);
        insert.setString(3, legs.get(i).clientOrderId());
        Rows.setOptionalLong(insert, 4, legs.get(i).orderId());
        insert.setBoolean(5, legs.get(i).ended());
        insert.setBoolean(6, legs.get(i).filled());
        insert.addBatch();
      }
      if (!legs.isEmpty()) {
        insert.executeBatch();
      }
    }
  }

  /**
   * Replaces the list's legs with {@code legs} (their exchange ids now known), keeping the end, the
   * fill and the counted fill ({@link LegCountedFills}) already recorded for any of them: a leg
   * event matched by client id may have ended a leg, or had its fill counted, before the ids were
   * known.
   */
  static void replaceKeepingEnds(Connection c, String listClientOrderId, List<TrackedLeg> legs) throws SQLException {
    Map<String, TrackedLeg> ended = ended(c, listClientOrderId);
    Map<String, LegCountedFills.Counted> counted = LegCountedFills.of(c, listClientOrderId);
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM placed_order_leg WHERE list_client_order_id = ?")) {
      delete.setString(1, listClientOrderId);
      delete.executeUpdate();
    }
    insert(c, listClientOrderId, legs.stream().map(leg -> endedAsRecorded(leg, ended.get(leg.clientOrderId()))).toList());
    LegCountedFills.restore(c, listClientOrderId, counted);
  }

  /** Records the leg ended, and filled if {@code filled} or already so; false when the list has no such leg. */
  static boolean markEnded(Connection c, String listClientOrderId, String clientOrderId, boolean filled) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE placed_order_leg SET ended = TRUE, filled = (filled OR ?) WHERE list_client_order_id = ? AND client_order_id = ?")) {
      update.setBoolean(1, filled);
      update.setString(2, listClientOrderId);
      update.setString(3, clientOrderId);
      return update.executeUpdate() > 0;
    }
  }

  /** The statement {@link #of} runs, prepared once for many lists. */
  static PreparedStatement selectOfList(Connection c) throws SQLException {
    return c.prepareStatement("SELECT " + COLUMNS + " FROM placed_order_leg WHERE list_client_order_id = ? ORDER BY leg_index");
  }

  /** The list's legs in their order, with {@code select} from {@link #selectOfList}. */
  static List<TrackedLeg> of(PreparedStatement select, String listClientOrderId) throws SQLException {
    select.setString(1, listClientOrderId);
    return Rows.list(select, OrderLegRows::leg);
  }

  /** The leg in four columns of {@code row} from {@code first} on, in {@link #COLUMNS}' order. */
  static TrackedLeg at(ResultSet row, int first) throws SQLException {
    return new TrackedLeg(row.getString(first), Rows.optionalLong(row, first + 1), row.getBoolean(first + 2), row.getBoolean(first + 3));
  }

  private static Map<String, TrackedLeg> ended(Connection c, String listClientOrderId) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM placed_order_leg WHERE list_client_order_id = ? AND ended")) {
      select.setString(1, listClientOrderId);
      return Rows.list(select, OrderLegRows::leg).stream().collect(Collectors.toMap(TrackedLeg::clientOrderId, leg -> leg));
    }
  }

  private static TrackedLeg endedAsRecorded(TrackedLeg leg, TrackedLeg recorded) {
    if (recorded == null) {
      return leg;
    }
    return new TrackedLeg(leg.clientOrderId(), leg.orderId(), true, leg.filled() || recorded.filled());
  }

  private static TrackedLeg leg(ResultSet row) throws SQLException {
    return at(row, 1);
  }
}
