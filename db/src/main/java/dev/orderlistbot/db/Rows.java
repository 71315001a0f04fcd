package dev.orderlistbot.db;

import dev.orderlistbot.core.domain.ChatRef;
import dev.orderlistbot.core.domain.UserRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Conversions between JDBC and the port types. Instants are stored as {@code TIMESTAMP WITH TIME
 * ZONE} in UTC, truncated to microseconds (what both H2 and PostgreSQL keep).
 */
final class Rows {
  private Rows() {}

  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** The instant in column {@code index} (1-based), read by position. */
  static Instant instant(ResultSet row, int index) throws SQLException {
    OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** The user in columns {@code <prefix>_platform} and {@code <prefix>_user_id}. */
  static UserRef user(ResultSet row, String prefix) throws SQLException {
    return new UserRef(row.getString(prefix + "_platform"), row.getString(prefix + "_user_id"));
  }

  static ChatRef chat(ResultSet row, String platformColumn, String idColumn) throws SQLException {
    return new ChatRef(row.getString(platformColumn), row.getString(idColumn));
  }

  static OptionalLong optionalLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** The number in column {@code index} (1-based), read by position; empty when NULL. */
  static OptionalLong optionalLong(ResultSet row, int index) throws SQLException {
    long value = row.getLong(index);
    return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
  }

  static void setOptionalLong(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.getAsLong());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  static <T> List<T> list(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  static <T> Optional<T> first(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
    }
  }

  /**
   * Runs {@code delete}, a DELETE whose every parameter is {@code cutoff} (a retention purge);
   * answers how many rows went.
   */
  static int deleteBefore(Connection c, String delete, Instant cutoff) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(delete)) {
      long parameters = delete.chars().filter(ch -> ch == '?').count();
      for (int i = 1; i <= parameters; i++) {
        statement.setObject(i, timestamp(cutoff));
      }
      return statement.executeUpdate();
    }
  }
}
