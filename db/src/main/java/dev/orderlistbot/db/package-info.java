/**
 * The storage adapter: JDBC implementations of the storage ports of {@code core.port.out} over H2
 * (file mode, the default) or PostgreSQL, a HikariCP pool, and the schema as Flyway migrations in
 * {@code db/migration}, run from code at start-up. {@link dev.orderlistbot.db.Database} is the one
 * public entry (with its config record {@link dev.orderlistbot.db.DbConfig}); every store is
 * package-private. Depends on bot-core's ports and domain only. Never sees a plaintext secret: the
 * key vault hands it sealed bytes.
 */
package dev.orderlistbot.db;
