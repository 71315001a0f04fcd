package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.LimitKind;
import dev.orderlistbot.core.domain.Side;
import dev.orderlistbot.core.domain.Symbol;
import dev.orderlistbot.core.domain.UserRef;
import dev.orderlistbot.core.port.out.CountedFill;
import dev.orderlistbot.core.port.out.DayUsage;
import dev.orderlistbot.core.port.out.LimitStore;
import dev.orderlistbot.core.port.out.ListBasis;
import dev.orderlistbot.core.port.out.UserLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link LimitStore} over {@code user_limit}, {@code user_day_ledger}, {@code list_basis} and the
 * counted fill of {@code placed_order_leg} ({@link LegCountedFills}). A day's row is created on
 * first use (an insert that tolerates a duplicate) and locked by a no-op UPDATE, whose row lock
 * lasts until the transaction ends on H2 and PostgreSQL alike; the SELECT after it, a new statement
 * under READ COMMITTED, sees what a claim that held the lock before committed. A trader's own limits are one row, written by an upsert that tolerates a concurrent
 * first write ({@link Transactions#upsert}). Amounts are stored to 18 decimals.
 */
final class JdbcLimitStore implements LimitStore {
  private static final int SCALE = 18;
  static final String BASIS_COLUMNS =
      "list_client_order_id, reference_price, exit_side, usdt_rate, entry_quantity, entry_quote";
  private static final Map<LimitKind, String> COLUMNS =
      Map.of(
          LimitKind.PER_LIST, "per_list_usdt",
          LimitKind.PER_DAY, "per_day_usdt",
          LimitKind.OPEN_LISTS, "open_lists",
          LimitKind.DAILY_LOSS, "daily_loss_usdt");
  private static final String DAY = " WHERE user_platform = ? AND user_id = ? AND ledger_day = ?";

  private final Session session;

  JdbcLimitStore(Session session) {
    this.session = session;
  }

  @Override
  public Optional<UserLimits> limitsOf(UserRef user) {
    Objects.requireNonNull(user, "user");
    return session.run(
        "read a user's limits",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT * FROM user_limit WHERE user_platform = ? AND user_id = ?")) {
            setUser(select, 1, user);
            return Rows.first(select, JdbcLimitStore::limits);
          }
        });
  }

  @Override
  public void putLimits(UserRef user, UserLimits limits) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(limits, "limits");
    session.run(
        "store a user's limits",
        c -> {
          if (limits.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM user_limit WHERE user_platform = ? AND user_id = ?")) {
              setUser(delete, 1, user);
              delete.executeUpdate();
            }
            return null;
          }
          // the values first, the user last: the same parameters for both statements
          Transactions.upsert(
              c,
              conn -> write(
                  conn,
                  "UPDATE user_limit SET per_list_usdt = ?, per_day_usdt = ?, open_lists = ?, daily_loss_usdt = ?, watch_symbols = ?"
                      + " WHERE user_platform = ? AND user_id = ?",
                  user, limits),
              conn -> write(
                  conn,
                  "INSERT INTO user_limit (per_list_usdt, per_day_usdt, open_lists, daily_loss_usdt, watch_symbols, user_platform,"
                      + " user_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  user, limits));
          return null;
        });
  }

  /** Runs {@code sql} with the four amounts and the watch list as parameters 1 to 5, the user as 6 and 7. */
  private static int write(Connection c, String sql, UserRef user, UserLimits limits) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      int index = 1;
      for (LimitKind kind : new LimitKind[] {LimitKind.PER_LIST, LimitKind.PER_DAY, LimitKind.OPEN_LISTS, LimitKind.DAILY_LOSS}) {
        Optional<BigDecimal> amount = limits.amount(kind);
        if (amount.isPresent()) {
          statement.setBigDecimal(index, scaled(amount.get()));
        } else {
          statement.setNull(index, Types.NUMERIC);
        }
        index++;
      }
      String watch = limits.watchList().stream().map(Symbol::value).sorted().collect(Collectors.joining(" "));
      statement.setString(5, watch.isEmpty() ? null : watch);
      setUser(statement, 6, user);
      return statement.executeUpdate();
    }
  }

  @Override
  public DayUsage day(UserRef user, LocalDate day) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(day, "day");
    return session.run("read a user's day", c -> read(c, user, day).orElse(DayUsage.empty(day)));
  }

  @Override
  public DayUsage lockDay(UserRef user, LocalDate day) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(day, "day");
    return session.run(
        "lock a user's day",
        c -> {
          ensureDay(c, user, day);
          try (PreparedStatement lock =
              c.prepareStatement("UPDATE user_day_ledger SET notional_placed_usdt = notional_placed_usdt" + DAY)) {
            setDay(lock, 1, user, day);
            lock.executeUpdate();
          }
          return read(c, user, day).orElseThrow();
        });
  }

  @Override
  public void addPlaced(UserRef user, LocalDate day, BigDecimal notional) {
    add(user, day, "notional_placed_usdt", notional, "record the notional placed");
  }

  @Override
  public void addRealised(UserRef user, LocalDate day, BigDecimal pnl) {
    add(user, day, "realised_pnl_usdt", pnl, "record a realised profit or loss");
  }

  private void add(UserRef user, LocalDate day, String column, BigDecimal amount, String operation) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(amount, "amount");
    session.run(
        operation,
        c -> {
          ensureDay(c, user, day);
          try (PreparedStatement update =
              c.prepareStatement("UPDATE user_day_ledger SET " + column + " = " + column + " + ?" + DAY)) {
            update.setBigDecimal(1, scaled(amount));
            setDay(update, 2, user, day);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public boolean resume(UserRef user, LocalDate day, UserRef admin, Instant at) {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(at, "at");
    return session.run(
        "lift a user's loss halt",
        c -> {
          ensureDay(c, user, day);
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE user_day_ledger SET resumed_by_platform = ?, resumed_by_user_id = ?, resumed_at = ?"
                      + DAY + " AND resumed_at IS NULL")) {
            setUser(update, 1, admin);
            update.setObject(3, Rows.timestamp(at));
            setDay(update, 4, user, day);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void recordBasis(ListBasis basis) {
    Objects.requireNonNull(basis, "basis");
    session.run(
        "record a list's basis",
        c -> Transactions.insertIfAbsent(
            c,
            conn -> {
              try (PreparedStatement insert =
                  conn.prepareStatement(
                      "INSERT INTO list_basis (list_client_order_id, reference_price, exit_side, usdt_rate, entry_quantity,"
                          + " entry_quote) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, basis.listClientOrderId());
                insert.setBigDecimal(2, scaled(basis.referencePrice()));
                insert.setString(3, basis.exitSide().name());
                insert.setBigDecimal(4, scaled(basis.usdtRate()));
                insert.setBigDecimal(5, scaled(basis.entryQuantity()));
                insert.setBigDecimal(6, scaled(basis.entryQuote()));
                return insert.executeUpdate();
              }
            }));
  }

  @Override
  public Optional<ListBasis> basis(String listClientOrderId) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    return session.run(
        "read a list's basis",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement("SELECT " + BASIS_COLUMNS + " FROM list_basis WHERE list_client_order_id = ?")) {
            select.setString(1, listClientOrderId);
            return Rows.first(select, row -> basisAt(row, 1));
          }
        });
  }

  /** The basis in {@link #BASIS_COLUMNS}' six columns of {@code row} from column {@code first} on. */
  static ListBasis basisAt(ResultSet row, int first) throws SQLException {
    return new ListBasis(
        row.getString(first),
        row.getBigDecimal(first + 1),
        Side.valueOf(row.getString(first + 2)),
        row.getBigDecimal(first + 3),
        row.getBigDecimal(first + 4),
        row.getBigDecimal(first + 5));
  }

  @Override
  public void recordEntryFill(String listClientOrderId, BigDecimal cumulativeQuantity, BigDecimal cumulativeQuote) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    session.run(
        "record a list's entry fill",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE list_basis SET entry_quantity = ?, entry_quote = ? WHERE list_client_order_id = ? AND entry_quantity < ?")) {
            update.setBigDecimal(1, scaled(cumulativeQuantity));
            update.setBigDecimal(2, scaled(cumulativeQuote));
            update.setString(3, listClientOrderId);
            update.setBigDecimal(4, scaled(cumulativeQuantity));
            return update.executeUpdate();
          }
        });
  }

  @Override
  public Optional<CountedFill> countFill(
      String listClientOrderId, String clientOrderId, BigDecimal cumulativeQuantity, BigDecimal cumulativeQuote) {
    Objects.requireNonNull(listClientOrderId, "listClientOrderId");
    Objects.requireNonNull(clientOrderId, "clientOrderId");
    Objects.requireNonNull(cumulativeQuantity, "cumulativeQuantity");
    Objects.requireNonNull(cumulativeQuote, "cumulativeQuote");
    return session.run(
        "count a leg's fill",
        c -> LegCountedFills.advance(c, listClientOrderId, clientOrderId, cumulativeQuantity, cumulativeQuote));
  }

  private static void ensureDay(Connection c, UserRef user, LocalDate day) throws SQLException {
    Transactions.insertIfAbsent(
        c,
        conn -> {
          try (PreparedStatement insert =
              conn.prepareStatement(
                  "INSERT INTO user_day_ledger (user_platform, user_id, ledger_day, notional_placed_usdt, realised_pnl_usdt)"
                      + " VALUES (?, ?, ?, 0, 0)")) {
            setDay(insert, 1, user, day);
            return insert.executeUpdate();
          }
        });
  }

  private static Optional<DayUsage> read(Connection c, UserRef user, LocalDate day) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT * FROM user_day_ledger" + DAY)) {
      setDay(select, 1, user, day);
      return Rows.first(
          select,
          row -> {
            String platform = row.getString("resumed_by_platform");
            Optional<UserRef> resumedBy =
                platform == null ? Optional.empty() : Optional.of(new UserRef(platform, row.getString("resumed_by_user_id")));
            return new DayUsage(day, plain(row.getBigDecimal("notional_placed_usdt")), plain(row.getBigDecimal("realised_pnl_usdt")), resumedBy);
          });
    }
  }

  private static UserLimits limits(ResultSet row) throws SQLException {
    EnumMap<LimitKind, BigDecimal> amounts = new EnumMap<>(LimitKind.class);
    for (Map.Entry<LimitKind, String> column : COLUMNS.entrySet()) {
      BigDecimal amount = row.getBigDecimal(column.getValue());
      if (amount != null) {
        amounts.put(column.getKey(), plain(amount));
      }
    }
    String watch = row.getString("watch_symbols");
    Set<Symbol> symbols =
        watch == null ? Set.of() : Arrays.stream(watch.split(" ")).filter(s -> !s.isEmpty()).map(Symbol::of).collect(Collectors.toSet());
    return new UserLimits(amounts, symbols);
  }

  private static void setUser(PreparedStatement statement, int index, UserRef user) throws SQLException {
    statement.setString(index, user.platform());
    statement.setString(index + 1, user.userId());
  }

  private static void setDay(PreparedStatement statement, int index, UserRef user, LocalDate day) throws SQLException {
    setUser(statement, index, user);
    statement.setObject(index + 2, day);
  }

  private static BigDecimal scaled(BigDecimal amount) {
    return amount.setScale(SCALE, RoundingMode.HALF_EVEN);
  }

  /** 500.000000000000000000 as 500: what the trader wrote, not the column's scale. */
  @Override
  public int purgeBefore(LocalDate day, Instant settledBefore) {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(settledBefore, "settledBefore");
    return session.run(
        "purge old ledger days and the bases of settled lists",
        c -> {
          int days;
          try (PreparedStatement delete = c.prepareStatement("DELETE FROM user_day_ledger WHERE ledger_day < ?")) {
            delete.setObject(1, day);
            days = delete.executeUpdate();
          }
          return days
              + Rows.deleteBefore(
                  c,
                  "DELETE FROM list_basis WHERE EXISTS (SELECT 1 FROM placed_order_list l"
                      + " WHERE l.list_client_order_id = list_basis.list_client_order_id"
                      + " AND l.state IN ('ALL_DONE', 'REJECTED') AND l.updated_at < ?)",
                  settledBefore);
        });
  }

  private static BigDecimal plain(BigDecimal amount) {
    BigDecimal stripped = amount.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
