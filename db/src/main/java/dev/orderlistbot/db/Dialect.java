package dev.orderlistbot.db;

/**
 * Where the SQL of the two databases the bot runs on differs, and how a failed statement leaves
 * the transaction. Everything else is portable SQL.
 *
 * <p>PostgreSQL claims outbox rows with {@code FOR UPDATE SKIP LOCKED}, so instances draining at the
 * same moment each take different rows without waiting on one another; H2 (one instance, one file)
 * keeps the plain select and its conditional update, which already never hands a row to two drains.
 */
enum Dialect {
  H2("", true),
  POSTGRES(" FOR UPDATE SKIP LOCKED", false);

  private final String lockForClaim;
  private final boolean failedStatementLeavesTransactionUsable;

  Dialect(String lockForClaim, boolean failedStatementLeavesTransactionUsable) {
    this.lockForClaim = lockForClaim;
    this.failedStatementLeavesTransactionUsable = failedStatementLeavesTransactionUsable;
  }

  static Dialect of(DbConfig config) {
    return config.isPostgres() ? POSTGRES : H2;
  }

  /** What ends a claim's select: locks its rows, skipping those another claim holds (PostgreSQL). */
  String lockForClaim() {
    return lockForClaim;
  }

  /**
   * Whether a statement that fails (a duplicate key) is undone alone and the transaction goes on:
   * H2 does so; PostgreSQL aborts the whole transaction, so a statement that may fail there runs
   * inside a savepoint ({@link Transactions#insertOneRowIfAbsent}).
   */
  boolean failedStatementLeavesTransactionUsable() {
    return failedStatementLeavesTransactionUsable;
  }
}
