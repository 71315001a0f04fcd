package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.domain.order.ListKind;
import dev.orderlistbot.core.port.out.OrderListState;
import dev.orderlistbot.core.port.out.TrackedLeg;
import dev.orderlistbot.core.port.out.TrackedOrderList;
import dev.orderlistbot.core.port.out.TrackedOrderListStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

final class JdbcTrackedOrderListStore implements TrackedOrderListStore {
  static final String COLUMNS =
      "list_client_order_id, owner_platform, owner_user_id, chat_platform, chat_id, list_kind, symbol,"
          + " order_list_id, state, created_at, updated_at";

  /**
   * A list's row joined with its legs' rows, one row per leg (the list's columns repeated; the leg's
   * NULL for a list without legs): finding a list and its legs is one statement, not two (issue 19's
   * profile: finding the list was a quarter of routing an event). Callers add the WHERE and an ORDER
   * BY that ends with {@code g.leg_index}.
   */
  private static final String WITH_LEGS =
      "SELECT " + Arrays.stream(COLUMNS.split(", ")).map(column -> "l." + column).collect(Collectors.joining(", "))
          + ", g.client_order_id AS leg_client_order_id, g.order_id AS leg_order_id, g.ended AS leg_ended, g.filled AS leg_filled"
          + " FROM placed_order_list l LEFT JOIN placed_order_leg g ON g.list_client_order_id = l.list_client_order_id";

  /** {@code ('UNKNOWN', 'EXECUTING', 'CANCELLING')}: the states in which a list may still be working. */
  private static final String OPEN_STATES =
      Arrays.stream(OrderListState.values())
          .filter(OrderListState::isOpen)
          .map(state -> "'" + state.name() + "'")
          .collect(Collectors.joining(", ", "(", ")"));

  record Head(TrackedOrderList withoutLegs) {}

  private final Session session;
  private final Clock clock;

  JdbcTrackedOrderListStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public void record(TrackedOrderList list) {
    Objects.requireNonNull(list, "list");
    session.run(
        "record a placed order list",
        c -> {
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO placed_order_list (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, list.listClientOrderId());
            insert.setString(2, list.owner().platform());
            insert.setString(3, list.owner().userId());
            insert.setString(4, list.chat().platform());
            insert.setString(5, list.chat().chatId());
            insert.setString(6, list.kind().name());
            insert.setString(7, list.symbol().value());
            Rows.setOptionalLong(insert, 8, list.orderListId());
            insert.setString(9, list.state().name());
            insert.setObject(10, Rows.timestamp(list.createdAt()));
            insert.setObject(11, Rows.timestamp(list.updatedAt()));
            insert.executeUpdate();
          }
          OrderLegRows.insert(c, list.listClientOrderId(), list.legs());
          return null;
        });
  }

  @Override
  public Optional<TrackedOrderList> findByListClientOrderId(String listClientOrderId) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    return session.run(
        "find a placed order list",
        c -> {
          try (PreparedStatement select = c.prepareStatement(WITH_LEGS + " WHERE l.list_client_order_id = ? ORDER BY g.leg_index")) {
            select.setString(1, listClientOrderId);
            return firstWithLegs(select);
          }
        });
  }

  @Override
  public Optional<TrackedOrderList> findByOrderListId(long orderListId) {
    return session.run(
        "find a placed order list",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT " + COLUMNS + " FROM placed_order_list WHERE order_list_id = ?")) {
            select.setLong(1, orderListId);
            return withLegs(c, Rows.list(select, JdbcTrackedOrderListStore::map)).stream().findFirst();
          }
        });
  }

  @Override
  public Optional<TrackedOrderList> findByOrderListId(UserRef owner, long orderListId) {
    Objects.requireNonNull(owner, "owner");
    return session.run(
        "find a placed order list of its owner",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  WITH_LEGS + " WHERE l.owner_platform = ? AND l.owner_user_id = ? AND l.order_list_id = ?"
                      + " ORDER BY l.created_at DESC, l.list_client_order_id DESC, g.leg_index")) {
            select.setString(1, owner.platform());
            select.setString(2, owner.userId());
            select.setLong(3, orderListId);
            return firstWithLegs(select);
          }
        });
  }

  @Override
  public List<TrackedOrderList> listOpen(UserRef owner) {
    Objects.requireNonNull(owner, "owner");
    return session.run(
        "list open order lists",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM placed_order_list WHERE owner_platform = ? AND owner_user_id = ?"
                      + " AND state IN " + OPEN_STATES + " ORDER BY created_at, list_client_order_id")) {
            select.setString(1, owner.platform());
            select.setString(2, owner.userId());
            return withLegs(c, Rows.list(select, JdbcTrackedOrderListStore::map));
          }
        });
  }

  @Override
  public List<TrackedOrderList> listUnsettled() {
    return session.run(
        "list unsettled order lists",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM placed_order_list WHERE state = ? OR awaiting_answer"
                      + " ORDER BY created_at, list_client_order_id")) {
            select.setString(1, OrderListState.UNKNOWN.name());
            return withLegs(c, Rows.list(select, JdbcTrackedOrderListStore::map));
          }
        });
  }

  @Override
  public int changeEveryState(OrderListState from, OrderListState to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return session.run(
        "change the state of every list in one state",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement("UPDATE placed_order_list SET state = ?, updated_at = ? WHERE state = ?")) {
            update.setString(1, to.name());
            update.setObject(2, Rows.timestamp(clock.instant()));
            update.setString(3, from.name());
            return update.executeUpdate();
          }
        });
  }

  @Override
  public boolean markAwaitingAnswer(String listClientOrderId) {
    return setAwaiting(listClientOrderId, true);
  }

  @Override
  public boolean clearAwaitingAnswer(String listClientOrderId) {
    return setAwaiting(listClientOrderId, false);
  }

  private boolean setAwaiting(String listClientOrderId, boolean awaiting) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    return session.run(
        "mark whether a placement's answer is owed",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE placed_order_list SET awaiting_answer = ? WHERE list_client_order_id = ? AND awaiting_answer = ?")) {
            update.setBoolean(1, awaiting);
            update.setString(2, listClientOrderId);
            update.setBoolean(3, !awaiting);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<UserRef> ownersWithOpenLists() {
    return session.run(
        "list owners of open order lists",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT DISTINCT owner_platform, owner_user_id FROM placed_order_list"
                      + " WHERE state IN " + OPEN_STATES + " ORDER BY owner_platform, owner_user_id")) {
            return Rows.list(select, row -> Rows.user(row, "owner"));
          }
        });
  }

  @Override
  public boolean updateState(String listClientOrderId, OrderListState state) {
    return setState(listClientOrderId, Optional.empty(), state);
  }

  @Override
  public boolean changeState(String listClientOrderId, OrderListState from, OrderListState to) {
    return setState(listClientOrderId, Optional.of(from), to);
  }

  /** Sets the state to {@code to}, in the same statement only if it is still {@code from} when given. */
  private boolean setState(String listClientOrderId, Optional<OrderListState> from, OrderListState to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "state");
    return session.run(
        "update an order list's state",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE placed_order_list SET state = ?, updated_at = ? WHERE list_client_order_id = ?"
                      + (from.isPresent() ? " AND state = ?" : ""))) {
            update.setString(1, to.name());
            update.setObject(2, Rows.timestamp(clock.instant()));
            update.setString(3, listClientOrderId);
            if (from.isPresent()) {
              update.setString(4, from.get().name());
            }
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean markLegEnded(String listClientOrderId, String clientOrderId, boolean filled) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    return session.run("mark an order list's leg ended", c -> OrderLegRows.markEnded(c, listClientOrderId, clientOrderId, filled));
  }

  @Override
  public boolean attachExchangeIds(String listClientOrderId, long orderListId, List<TrackedLeg> legs) {
    List<TrackedLeg> copy = List.copyOf(legs);
    return session.run(
        "attach exchange ids to an order list",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE placed_order_list SET order_list_id = ?, updated_at = ? WHERE list_client_order_id = ?")) {
            update.setLong(1, orderListId);
            update.setObject(2, Rows.timestamp(clock.instant()));
            update.setString(3, listClientOrderId);
            if (update.executeUpdate() != 1) {
              return false;
            }
          }
          OrderLegRows.replaceKeepingEnds(c, listClientOrderId, copy);
          return true;
        });
  }

  /** The first list {@code select} (a {@link #WITH_LEGS} query) names, with its legs; the rows of any later list are not read. */
  private static Optional<TrackedOrderList> firstWithLegs(PreparedStatement select) throws SQLException {
    try (ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return Optional.empty();
      }
      TrackedOrderList list = map(row).withoutLegs();
      List<TrackedLeg> legs = new ArrayList<>(3);
      // the leg's columns follow the list's eleven (see WITH_LEGS)
      do {
        String legId = row.getString(12);
        if (legId != null) {
          legs.add(OrderLegRows.at(row, 12));
        }
      } while (row.next() && row.getString(1).equals(list.listClientOrderId()));
      return Optional.of(withLegs(list, legs));
    }
  }

  private static List<TrackedOrderList> withLegs(Connection c, List<Head> heads) throws SQLException {
    List<TrackedOrderList> result = new ArrayList<>(heads.size());
    try (PreparedStatement select = OrderLegRows.selectOfList(c)) {
      for (Head head : heads) {
        TrackedOrderList list = head.withoutLegs();
        result.add(withLegs(list, OrderLegRows.of(select, list.listClientOrderId())));
      }
    }
    return result;
  }

  static TrackedOrderList withLegs(TrackedOrderList list, List<TrackedLeg> legs) {
    return new TrackedOrderList(
        list.listClientOrderId(), list.owner(), list.chat(), list.kind(), list.symbol(),
        list.orderListId(), legs, list.state(), list.createdAt(), list.updatedAt());
  }

  /**
   * The list in the first eleven columns of {@code row}, in {@link #COLUMNS}' order (every query of
   * this store starts with them). Read by position: H2 builds a map of the column labels for each
   * result set read by name (issue 19's profile: 8% of routing an event went to that map).
   */
  static Head map(ResultSet row) throws SQLException {
    return new Head(
        new TrackedOrderList(
            row.getString(1),
            new UserRef(row.getString(2), row.getString(3)),
            new ChatRef(row.getString(4), row.getString(5)),
            ListKind.valueOf(row.getString(6)),
            new Symbol(row.getString(7)),
            Rows.optionalLong(row, 8),
            List.of(),
            OrderListState.valueOf(row.getString(9)),
            Rows.instant(row, 10),
            Rows.instant(row, 11)));
  }
}
