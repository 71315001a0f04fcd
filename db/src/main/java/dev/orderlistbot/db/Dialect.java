package dev.orderlistbot.db;

/**
 * Where the SQL of the two databases the bot runs on differs. Everything else is portable SQL.
 *
 * <p>PostgreSQL claims outbox rows with {@code FOR UPDATE SKIP LOCKED}, so instances draining at the
 * same moment each take different rows without waiting on one another; H2 (one instance, one file)
 * keeps the plain select and its conditional update, which already never hands a row to two drains.
 */
enum Dialect {
  H2(""),
  POSTGRES(" FOR UPDATE SKIP LOCKED");

  private final String lockForClaim;

  Dialect(String lockForClaim) {
    this.lockForClaim = lockForClaim;
  }

  static Dialect of(DbConfig config) {
    return config.isPostgres() ? POSTGRES : H2;
  }

  /** What ends a claim's select: locks its rows, skipping those another claim holds (PostgreSQL). */
  String lockForClaim() {
    return lockForClaim;
  }
}
