package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.port.out.BreakevenPlan;
import dev.orderlistbot.core.port.out.BreakevenPlanStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link BreakevenPlanStore} over {@code breakeven_plan} and its lists in {@code breakeven_plan_list}. */
final class JdbcBreakevenPlanStore implements BreakevenPlanStore {
  private static final String COLUMNS = "plan_id, owner_platform, owner_user_id, symbol, done, created_at";

  private final Session session;
  private final Clock clock;

  JdbcBreakevenPlanStore(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  @Override
  public boolean record(BreakevenPlan plan) {
    Objects.requireNonNull(plan, "plan");
    return session.run(
        "record a breakeven plan",
        c -> Transactions.insertIfAbsent(c, conn -> insert(conn, plan)));
  }

  private int insert(Connection c, BreakevenPlan plan) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO breakeven_plan (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, plan.planId());
      insert.setString(2, plan.owner().platform());
      insert.setString(3, plan.owner().userId());
      insert.setString(4, plan.symbol().value());
      insert.setBoolean(5, plan.done());
      insert.setObject(6, Rows.timestamp(plan.createdAt()));
      insert.setObject(7, Rows.timestamp(clock.instant()));
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO breakeven_plan_list (plan_id, list_index, list_client_order_id) VALUES (?, ?, ?)")) {
      List<String> lists = plan.listClientOrderIds();
      for (int i = 0; i < lists.size(); i++) {
        insert.setString(1, plan.planId());
        insert.setInt(2, i);
        insert.setString(3, lists.get(i));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return 1;
  }

  @Override
  public Optional<BreakevenPlan> findByList(String listClientOrderId) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    return session.run(
        "find the breakeven plan of a list",
        c -> {
          Optional<String> planId;
          try (PreparedStatement select =
              c.prepareStatement("SELECT plan_id FROM breakeven_plan_list WHERE list_client_order_id = ?")) {
            select.setString(1, listClientOrderId);
            planId = Rows.first(select, row -> row.getString("plan_id"));
          }
          return planId.isEmpty() ? Optional.<BreakevenPlan>empty() : load(c, planId.get());
        });
  }

  @Override
  public boolean markDone(String planId) {
    Objects.requireNonNull(planId, "planId");
    return session.run(
        "mark a breakeven plan done",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE breakeven_plan SET done = TRUE, updated_at = ? WHERE plan_id = ? AND done = FALSE")) {
            update.setObject(1, Rows.timestamp(clock.instant()));
            update.setString(2, planId);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<BreakevenPlan> listWaiting() {
    return session.run(
        "list the waiting breakeven plans",
        c -> {
          List<String> ids;
          try (PreparedStatement select =
              c.prepareStatement("SELECT plan_id FROM breakeven_plan WHERE done = FALSE ORDER BY created_at, plan_id")) {
            ids = Rows.list(select, row -> row.getString("plan_id"));
          }
          List<BreakevenPlan> plans = new ArrayList<>();
          for (String id : ids) {
            load(c, id).ifPresent(plans::add);
          }
          return plans;
        });
  }

  private static Optional<BreakevenPlan> load(Connection c, String planId) throws SQLException {
    List<String> lists;
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT list_client_order_id FROM breakeven_plan_list WHERE plan_id = ? ORDER BY list_index")) {
      select.setString(1, planId);
      lists = Rows.list(select, row -> row.getString("list_client_order_id"));
    }
    try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM breakeven_plan WHERE plan_id = ?")) {
      select.setString(1, planId);
      return Rows.first(select, row -> map(row, lists));
    }
  }

  private static BreakevenPlan map(ResultSet row, List<String> lists) throws SQLException {
    return new BreakevenPlan(
        row.getString("plan_id"),
        Rows.user(row, "owner"),
        new Symbol(row.getString("symbol")),
        lists,
        row.getBoolean("done"),
        Rows.instant(row, "created_at"));
  }
}
