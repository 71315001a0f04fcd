package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.CountedFill;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counted fill of each leg ({@code placed_order_leg.counted_quantity} and {@code counted_quote},
 * V22): how much of an exit leg's fill the day's realised profit or loss has counted. NULL (a leg
 * written before V22) means not known; a leg written since starts at 0. Used inside the connection
 * of a store's statement.
 */
final class LegCountedFills {
  private static final int SCALE = 18;
  private static final String LEG = " WHERE list_client_order_id = ? AND client_order_id = ?";

  private LegCountedFills() {}

  /** As {@link dev.orderlistbot.core.port.out.LimitStore#countFill}: locks the leg's row, moves it up, answers what it held. */
  static Optional<CountedFill> advance(
      Connection c, String listClientOrderId, String clientOrderId, BigDecimal cumulativeQuantity, BigDecimal cumulativeQuote)
      throws SQLException {
    Optional<Counted> before;
    try (PreparedStatement select =
        c.prepareStatement("SELECT counted_quantity, counted_quote FROM placed_order_leg" + LEG + " FOR UPDATE")) {
      select.setString(1, listClientOrderId);
      select.setString(2, clientOrderId);
      before = Rows.first(select, row -> counted(row, 1));
    }
    if (before.isEmpty()) {
      return Optional.empty();
    }
    Optional<CountedFill> known = before.get().known();
    if (known.isEmpty() || known.get().quantity().compareTo(cumulativeQuantity) < 0) {
      try (PreparedStatement update =
          c.prepareStatement("UPDATE placed_order_leg SET counted_quantity = ?, counted_quote = ?" + LEG)) {
        update.setBigDecimal(1, scaled(cumulativeQuantity));
        update.setBigDecimal(2, scaled(cumulativeQuote));
        update.setString(3, listClientOrderId);
        update.setString(4, clientOrderId);
        update.executeUpdate();
      }
    }
    return known;
  }

  /**
   * The counted figures of the list's legs by client order id, as stored (NULL kept), of the legs
   * whose figures a row written anew would not have (NULL or above 0): what {@link #restore} puts
   * back. None at a placement's usual attaching of the exchange's ids, so it writes nothing then.
   */
  static Map<String, Counted> of(Connection c, String listClientOrderId) throws SQLException {
    Map<String, Counted> byLeg = new HashMap<>();
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT client_order_id, counted_quantity, counted_quote FROM placed_order_leg WHERE list_client_order_id = ?"
                + " AND (counted_quantity IS NULL OR counted_quantity <> 0 OR counted_quote <> 0)")) {
      select.setString(1, listClientOrderId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          byLeg.put(row.getString(1), counted(row, 2));
        }
      }
    }
    return byLeg;
  }

  /** Writes {@code counted} back onto the list's legs of the same client order ids (rows written anew since). */
  static void restore(Connection c, String listClientOrderId, Map<String, Counted> counted) throws SQLException {
    if (counted.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE placed_order_leg SET counted_quantity = ?, counted_quote = ?" + LEG)) {
      for (Map.Entry<String, Counted> leg : counted.entrySet()) {
        update.setBigDecimal(1, leg.getValue().quantity());
        update.setBigDecimal(2, leg.getValue().quote());
        update.setString(3, listClientOrderId);
        update.setString(4, leg.getKey());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /** One leg's two columns as stored; both NULL for a leg written before V22. */
  record Counted(BigDecimal quantity, BigDecimal quote) {
    Optional<CountedFill> known() {
      return quantity == null || quote == null ? Optional.empty() : Optional.of(new CountedFill(quantity, quote));
    }
  }

  private static Counted counted(ResultSet row, int first) throws SQLException {
    return new Counted(row.getBigDecimal(first), row.getBigDecimal(first + 1));
  }

  private static BigDecimal scaled(BigDecimal amount) {
    return amount.setScale(SCALE, RoundingMode.HALF_EVEN);
  }
}
