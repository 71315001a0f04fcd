package dev.orderlistbot.db;

import dev.orderlistbot.core.port.out.Lease;
import dev.orderlistbot.core.port.out.LeaseNames;
import dev.orderlistbot.core.port.out.LeaseStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link LeaseStore} over {@code instance_lease}. {@link #acquire} reads the lease's row with {@code
 * SELECT … FOR UPDATE} (so two takers of an expired lease queue on its row lock and the second sees
 * the first's holder), and a missing row is inserted under a savepoint: of two instances inserting
 * the same new lease, the second hits the key and is told another holds it.
 */
final class JdbcLeaseStore implements LeaseStore {
  private static final String COLUMNS = "lease_name, holder, taken_at, expires_at";

  private final Session session;

  JdbcLeaseStore(Session session) {
    this.session = session;
  }

  @Override
  public Acquired acquire(String name, String holder, Instant now, Duration ttl) {
    LeaseNames.requireName(name);
    LeaseNames.requireHolder(holder);
    Instant until = until(now, ttl);
    return session.run("take the lease " + name, c -> {
      Optional<Lease> current = locked(c, name);
      if (current.isEmpty()) {
        boolean inserted = Transactions.insertIfAbsent(c, conn -> insert(conn, name, holder, now, until));
        return inserted ? Acquired.TAKEN : Acquired.HELD_ELSEWHERE;
      }
      Lease lease = current.get();
      if (lease.holder().equals(holder)) {
        extend(c, name, holder, until);
        return Acquired.RENEWED;
      }
      if (lease.liveAt(now)) {
        return Acquired.HELD_ELSEWHERE;
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE instance_lease SET holder = ?, taken_at = ?, expires_at = ? WHERE lease_name = ? AND holder = ?")) {
        update.setString(1, holder);
        update.setObject(2, Rows.timestamp(now));
        update.setObject(3, Rows.timestamp(until));
        update.setString(4, name);
        update.setString(5, lease.holder());
        return update.executeUpdate() == 1 ? Acquired.TAKEN_OVER : Acquired.HELD_ELSEWHERE;
      }
    });
  }

  @Override
  public Optional<String> seize(String name, String holder, Instant now, Duration ttl) {
    LeaseNames.requireName(name);
    LeaseNames.requireHolder(holder);
    Instant until = until(now, ttl);
    return session.run("seize the lease " + name, c -> {
      Optional<Lease> current = locked(c, name);
      if (current.isEmpty() && Transactions.insertIfAbsent(c, conn -> insert(conn, name, holder, now, until))) {
        return Optional.<String>empty();
      }
      // the row exists (or another inserted it meanwhile): it becomes the caller's
      try (PreparedStatement update =
          c.prepareStatement("UPDATE instance_lease SET holder = ?, taken_at = ?, expires_at = ? WHERE lease_name = ?")) {
        update.setString(1, holder);
        update.setObject(2, Rows.timestamp(now));
        update.setObject(3, Rows.timestamp(until));
        update.setString(4, name);
        update.executeUpdate();
      }
      return current.filter(lease -> lease.liveAt(now) && !lease.holder().equals(holder)).map(Lease::holder);
    });
  }

  @Override
  public Set<String> renewAll(String holder, Instant now, Duration ttl) {
    LeaseNames.requireHolder(holder);
    Instant until = until(now, ttl);
    return session.run("renew the leases of " + holder, c -> {
      Set<String> names = new LinkedHashSet<>();
      try (PreparedStatement select =
          c.prepareStatement("SELECT " + COLUMNS + " FROM instance_lease WHERE holder = ? ORDER BY lease_name FOR UPDATE")) {
        select.setString(1, holder);
        Rows.list(select, JdbcLeaseStore::map).forEach(lease -> names.add(lease.name()));
      }
      try (PreparedStatement update =
          c.prepareStatement("UPDATE instance_lease SET expires_at = ? WHERE holder = ?")) {
        update.setObject(1, Rows.timestamp(until));
        update.setString(2, holder);
        update.executeUpdate();
      }
      return Set.copyOf(names);
    });
  }

  @Override
  public boolean release(String name, String holder) {
    LeaseNames.requireName(name);
    LeaseNames.requireHolder(holder);
    return session.run("give up the lease " + name, c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM instance_lease WHERE lease_name = ? AND holder = ?")) {
        delete.setString(1, name);
        delete.setString(2, holder);
        return delete.executeUpdate() == 1;
      }
    });
  }

  @Override
  public List<Lease> live(Instant now) {
    Objects.requireNonNull(now, "now");
    return session.run("read the live leases", c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT " + COLUMNS + " FROM instance_lease WHERE expires_at > ? ORDER BY lease_name")) {
        select.setObject(1, Rows.timestamp(now));
        return Rows.list(select, JdbcLeaseStore::map);
      }
    });
  }

  /** The lease's row, locked until the transaction ends (a second taker queues on it). */
  private static Optional<Lease> locked(Connection c, String name) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM instance_lease WHERE lease_name = ? FOR UPDATE")) {
      select.setString(1, name);
      return Rows.first(select, JdbcLeaseStore::map);
    }
  }

  private static int insert(Connection c, String name, String holder, Instant now, Instant until) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO instance_lease (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
      insert.setString(1, name);
      insert.setString(2, holder);
      insert.setObject(3, Rows.timestamp(now));
      insert.setObject(4, Rows.timestamp(until));
      return insert.executeUpdate();
    }
  }

  private static void extend(Connection c, String name, String holder, Instant until) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement("UPDATE instance_lease SET expires_at = ? WHERE lease_name = ? AND holder = ?")) {
      update.setObject(1, Rows.timestamp(until));
      update.setString(2, name);
      update.setString(3, holder);
      update.executeUpdate();
    }
  }

  private static Instant until(Instant now, Duration ttl) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("a lease's time to live must be positive");
    }
    return now.plus(ttl);
  }

  private static Lease map(ResultSet row) throws SQLException {
    return new Lease(row.getString("lease_name"), row.getString("holder"), Rows.instant(row, "taken_at"), Rows.instant(row, "expires_at"));
  }
}
